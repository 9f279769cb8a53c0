import Foundation

/// One measured number, printed as a JSON line: `{"name": …, "metric": …, "value": …, "unit": …}`.
struct Measurement: Encodable {
    var name: String
    var metric: String
    var value: Double
    var unit: String
}

/// A named benchmark: runs its workload and reports measurements through `report`.
struct Benchmark: Sendable {
    var name: String
    /// Whether it runs only when asked for with `--large` (workloads too long for every run, such as 1M tickets).
    var isOptIn = false
    var run: @Sendable (_ report: @Sendable (Measurement) -> Void) async throws -> Void
}

/// Prints measurements as one JSON object per line on standard output.
enum Reporter {
    static func emit(_ measurement: Measurement) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(measurement), let line = String(data: data, encoding: .utf8) else {
            return
        }
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// Monotonic time in nanoseconds.
@inline(__always) func nanosecondsNow() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Latency statistics over recorded samples (nanoseconds).
struct LatencySamples {
    private(set) var samples: [UInt64] = []

    init(capacity: Int = 0) { samples.reserveCapacity(capacity) }

    /// Samples recorded already.
    init(_ samples: [UInt64]) { self.samples = samples }

    mutating func record(_ nanoseconds: UInt64) { samples.append(nanoseconds) }

    /// The `p`-th percentile (0…100) in milliseconds, by the nearest-rank method.
    func percentileMilliseconds(_ p: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let rank = max(0, min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
        return Double(sorted[rank]) / 1_000_000
    }
}

/// Runs `body` repeatedly for at least `minimumSeconds` (and at least `minimumIterations` times) and
/// returns operations per second.
func measureThroughput(
    minimumSeconds: Double = 1, minimumIterations: Int = 1, operationsPerIteration: Int = 1,
    _ body: () throws -> Void
) rethrows -> Double {
    var iterations = 0
    let start = nanosecondsNow()
    var elapsed: UInt64 = 0
    repeat {
        try body()
        iterations += 1
        elapsed = nanosecondsNow() - start
    } while Double(elapsed) / 1e9 < minimumSeconds || iterations < minimumIterations
    return Double(iterations * operationsPerIteration) / (Double(elapsed) / 1e9)
}

/// Keeps the optimizer from discarding a computed value.
@inline(never) func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

/// The resident set size of this process in bytes (Linux `/proc/self/statm`), or 0 where unavailable.
func residentMemoryBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
