import Foundation
import Testing

@testable import SupportDeskSearch

/// The development set `Fixtures/search-eval-dev.jsonl` is a copy of `../shared/search-eval/dev.jsonl`
/// (the team's shared search evaluation set), kept here so the tests are self-contained.
@Suite("Search evaluation")
struct SearchEvaluationTests {
    static func devQueries() throws -> [EvaluationQuery] {
        let url = try #require(
            Bundle.module.url(forResource: "search-eval-dev", withExtension: "jsonl", subdirectory: "Fixtures"))
        return try EvaluationQuery.parseLines(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    @Test("The shipped catalog meets the quality bar on the development set")
    func devSetQuality() throws {
        let report = SearchEvaluation(suggester: try TopicSuggester.twinHelpCenter()).evaluate(try Self.devQueries())
        for outcome in report.outcomes where outcome.rank != 1 {
            print(
                "rank \(outcome.rank.map(String.init) ?? "-") [\(outcome.query.kind)] \(outcome.query.query) → \(outcome.suggested.prefix(3).map(\.rawValue))"
            )
        }
        for (kind, metrics) in report.perKind {
            print(
                "\(kind): MRR \(metrics.meanReciprocalRank) R@1 \(metrics.recallAt1) R@3 \(metrics.recallAt3) n=\(metrics.count)"
            )
        }
        print(
            "overall: MRR \(report.overall.meanReciprocalRank) R@1 \(report.overall.recallAt1) R@3 \(report.overall.recallAt3)"
        )
        #expect(report.overall.count == 38)
        #expect(report.overall.meanReciprocalRank >= 0.90)
        #expect(report.overall.recallAt3 >= 0.95)
    }

    /// `Fixtures/catalog-author-queries.jsonl`: 430 queries the catalog author wrote while choosing keywords
    /// and synonyms (every topic, every kind), a wider regression guard for the catalog and the ranking than
    /// the 38-line development set.
    @Test("The shipped catalog ranks the catalog author's queries well, for every kind of query")
    func authorQueriesQuality() throws {
        let url = try #require(
            Bundle.module.url(forResource: "catalog-author-queries", withExtension: "jsonl", subdirectory: "Fixtures"))
        let queries = try EvaluationQuery.parseLines(String(decoding: try Data(contentsOf: url), as: UTF8.self))
        let report = SearchEvaluation(suggester: try TopicSuggester.twinHelpCenter()).evaluate(queries)
        for outcome in report.outcomes where outcome.rank.map({ $0 > 3 }) ?? true {
            print("rank \(outcome.rank.map(String.init) ?? "-") [\(outcome.query.kind)] \(outcome.query.query)")
        }
        #expect(report.overall.count == 430)
        #expect(report.overall.meanReciprocalRank >= 0.90)
        #expect(report.overall.recallAt3 >= 0.95)
        for (kind, metrics) in report.perKind {
            #expect(metrics.recallAt3 >= 0.85, "\(kind): R@3 \(metrics.recallAt3)")
        }
    }
}
