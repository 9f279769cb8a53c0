import Foundation
import SupportDesk

/// Benchmarks of reading and checking a catalog.
enum CatalogBenchmarks {
    /// `SUPPORTDESK_BENCH_SMOKE=1` shortens every run (CI checks the harness, not the numbers).
    static var isSmokeRun: Bool { ProcessInfo.processInfo.environment["SUPPORTDESK_BENCH_SMOKE"] == "1" }

    /// Parsing and checking the shipped Twin catalog from its bytes: loads per second and latency.
    static let load = Benchmark(name: "catalog.load") { report in
        guard let path = Catalog.twinHelpCenterPath else {
            throw CatalogError(source: "twin-help-center.json", issues: [])
        }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        var samples = LatencySamples(capacity: 2_000)
        let seconds = isSmokeRun ? 0.05 : 2.0
        let start = nanosecondsNow()
        var loads = 0
        while Double(nanosecondsNow() - start) / 1e9 < seconds || loads < 3 {
            let before = nanosecondsNow()
            blackHole(try Catalog.load(bytes))
            samples.record(nanosecondsNow() - before)
            loads += 1
        }
        let elapsed = Double(nanosecondsNow() - start) / 1e9
        report(
            Measurement(name: "catalog.load", metric: "loads_per_s", value: Double(loads) / elapsed, unit: "ops_per_s"))
        report(
            Measurement(name: "catalog.load", metric: "p50_ms", value: samples.percentileMilliseconds(50), unit: "ms"))
        report(
            Measurement(name: "catalog.load", metric: "p99_ms", value: samples.percentileMilliseconds(99), unit: "ms"))
        report(Measurement(name: "catalog.load", metric: "bytes", value: Double(bytes.count), unit: "bytes"))
    }
}
