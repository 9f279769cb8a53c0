import Foundation
import SupportDeskSearch

/// Benchmarks of the Snowball stemmers over the words of the reference fixtures.
enum StemmerBenchmarks {
    /// `SUPPORTDESK_BENCH_SMOKE=1` shortens every run (CI checks the harness, not the numbers).
    static var isSmokeRun: Bool { ProcessInfo.processInfo.environment["SUPPORTDESK_BENCH_SMOKE"] == "1" }

    /// Russian and English words per second on one core: through the in-place scalar path the index uses
    /// (copying each word into a reused buffer, then stemming it; by wall clock and by the thread's CPU
    /// time) and through `stem(_: String)`.
    static let stemming = Benchmark(name: "stemmer") { report in
        try run(language: "ru", stemmer: RussianStemmer(), fixture: "stemmer-ru.tsv", report: report)
        try run(language: "en", stemmer: EnglishStemmer(), fixture: "stemmer-en.tsv", report: report)
    }

    private static func run(
        language: String, stemmer: some Stemmer, fixture: String, report: @Sendable (Measurement) -> Void
    ) throws {
        let words = try fixtureWords(fixture)
        let name = "stemmer.\(language)"
        let seconds = isSmokeRun ? 0.05 : 2.0
        let scalarWords = words.map { Array($0.unicodeScalars) }

        var buffer: [Unicode.Scalar] = []
        buffer.reserveCapacity(64)
        var checksum = 0
        let cpuStart = threadCPUNanoseconds()
        var scalarIterations = 0
        let scalarRate = measureThroughput(minimumSeconds: seconds, operationsPerIteration: scalarWords.count) {
            scalarIterations += 1
            for word in scalarWords {
                buffer.removeAll(keepingCapacity: true)
                buffer.append(contentsOf: word)
                stemmer.stem(&buffer)
                checksum &+= buffer.count
            }
        }
        let cpuSeconds = Double(threadCPUNanoseconds() - cpuStart) / 1e9
        let scalarCPURate = Double(scalarIterations * scalarWords.count) / cpuSeconds
        let stringRate = measureThroughput(minimumSeconds: seconds, operationsPerIteration: words.count) {
            for word in words { checksum &+= stemmer.stem(word).utf8.count }
        }
        blackHole(checksum)
        report(Measurement(name: name, metric: "words_per_s", value: scalarRate, unit: "ops_per_s"))
        report(Measurement(name: name, metric: "ns_per_word", value: 1e9 / scalarRate, unit: "ns"))
        report(Measurement(name: name, metric: "cpu_words_per_s", value: scalarCPURate, unit: "ops_per_s"))
        report(Measurement(name: name, metric: "string_words_per_s", value: stringRate, unit: "ops_per_s"))
        report(Measurement(name: name, metric: "words", value: Double(words.count), unit: "count"))
    }

    /// CPU time of the calling thread, which other jobs on a shared machine do not inflate the way they
    /// inflate wall-clock time.
    private static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// The words (first column) of a stemmer fixture in the root package's test resources.
    private static func fixtureWords(_ name: String) throws -> [String] {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.appendingPathComponent("Tests/SupportDeskSearchTests/Fixtures/\(name)")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
            return String(line[..<tab])
        }
    }
}
