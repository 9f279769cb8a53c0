import Foundation
import SupportDesk
import SupportDeskSearch

/// Topic suggestion: latency over a realistic query mix, and quality on the search-eval dev set.
enum TopicSuggestionBenchmarks {
    /// `search.suggest`: `latency.p50` / `latency.p99` (µs of CPU time, per query the best of ``CPUTime/repeats``
    /// runs in each of ``CPUTime/passes`` passes, see ``CPUTime/bestOfPasses(over:passes:repeats:_:)``) over
    /// every generated query (1,000 of each kind:
    /// plain, typo, prefix, layout, translit, english, long; the same set `--export-corpus` writes), top 10,
    /// plus `latency.<kind>.p99`; and `generated.recall@3` (overall and per kind): how often the topic the
    /// query's phrase came from is among the first three suggestions (a larger, held-out check than the dev set).
    static let latency = Benchmark(name: "search.suggest") { report in
        let catalog = try Catalog.twinHelpCenter()
        let suggester = TopicSuggester(catalog: catalog)
        let queries = QueryGenerator(tickets: try TicketGenerator(catalog: catalog)).queries(perKind: 1_000)
        var scratch = SearchScratch()
        var all = LatencySamples(capacity: queries.count)
        var byKind: [BenchmarkQuery.Kind: LatencySamples] = [:]
        var foundInTop3: [BenchmarkQuery.Kind: Int] = [:]
        var slowest: [BenchmarkQuery.Kind: [(nanoseconds: UInt64, text: String)]] = [:]
        let (times, results) = CPUTime.bestOfPasses(over: queries) {
            suggester.suggest($0.text, limit: 10, scratch: &scratch)
        }
        for (position, query) in queries.enumerated() {
            let elapsed = times[position]
            let suggestions = results[position]
            all.record(elapsed)
            byKind[query.kind, default: LatencySamples()].record(elapsed)
            slowest[query.kind, default: []].append((elapsed, query.text))
            if suggestions.topics.prefix(3).contains(where: { $0.topic.id.rawValue == query.topicID }) {
                foundInTop3[query.kind, default: 0] += 1
            }
        }
        let name = "search.suggest"
        report(
            Measurement(name: name, metric: "latency.p50", value: all.percentileMilliseconds(50) * 1_000, unit: "us"))
        report(
            Measurement(name: name, metric: "latency.p99", value: all.percentileMilliseconds(99) * 1_000, unit: "us"))
        for kind in BenchmarkQuery.Kind.allCases {
            guard let samples = byKind[kind] else { continue }
            TicketSearchBenchmarks.reportSlowest(
                slowest[kind] ?? [], of: "\(name) \(kind.rawValue)", unit: .microseconds)
            report(
                Measurement(
                    name: name, metric: "latency.\(kind.rawValue).p99",
                    value: samples.percentileMilliseconds(99) * 1_000,
                    unit: "us"))
        }
        let found = foundInTop3.values.reduce(0, +)
        report(
            Measurement(
                name: name, metric: "generated.recall@3", value: Double(found) / Double(queries.count), unit: "ratio"))
        for kind in BenchmarkQuery.Kind.allCases {
            let count = queries.count { $0.kind == kind }
            guard count > 0 else { continue }
            report(
                Measurement(
                    name: name, metric: "generated.recall@3.\(kind.rawValue)",
                    value: Double(foundInTop3[kind] ?? 0) / Double(count), unit: "ratio"))
        }
    }

    /// `search.eval.dev`: MRR, Recall@1, Recall@3 overall and per kind on `shared/search-eval/dev.jsonl`
    /// (found by walking up from the working directory), through ``SearchEvaluation``.
    static let evaluation = Benchmark(name: "search.eval.dev") { report in
        guard let path = findUpwards("shared/search-eval/dev.jsonl") else {
            FileHandle.standardError.write(
                Data(
                    "search.eval.dev: no shared/search-eval/dev.jsonl above \(FileManager.default.currentDirectoryPath); skipped\n"
                        .utf8))
            return
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let queries = try EvaluationQuery.parseLines(text)
        let evaluation = SearchEvaluation(suggester: TopicSuggester(catalog: try Catalog.twinHelpCenter()))
        let result = evaluation.evaluate(queries)
        let name = "search.eval.dev"
        report(Measurement(name: name, metric: "mrr", value: result.overall.meanReciprocalRank, unit: "ratio"))
        report(Measurement(name: name, metric: "recall@1", value: result.overall.recallAt1, unit: "ratio"))
        report(Measurement(name: name, metric: "recall@3", value: result.overall.recallAt3, unit: "ratio"))
        for (kind, metrics) in result.perKind {
            report(Measurement(name: name, metric: "mrr.\(kind)", value: metrics.meanReciprocalRank, unit: "ratio"))
            report(Measurement(name: name, metric: "recall@3.\(kind)", value: metrics.recallAt3, unit: "ratio"))
        }
    }

    /// The first `relativePath` found in the working directory or one of its five nearest ancestors.
    static func findUpwards(_ relativePath: String) -> String? {
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(relativePath).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}
