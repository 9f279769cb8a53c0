public import ArgumentParser
import Foundation
import SupportDesk
import SupportDeskSearch

/// `support-desk eval <queries.jsonl>`: topic suggestion quality on labelled queries.
public struct EvalCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure topic suggestion quality: MRR, Recall@1 and Recall@3, overall and per query kind.",
        discussion: """
            The file has one JSON object per line, as in search-eval/dev.jsonl: \
            {"q": "обзвон не работает", "topics": ["call-campaign"], "category": "calls", "kind": "plain"}.
            """
    )

    @OptionGroup public var global: GlobalOptions

    @Argument(help: "The queries file (JSON Lines).")
    public var file: String

    @Flag(name: .long, help: "Also list every query that did not rank an acceptable topic first.")
    public var misses = false

    public init() {}

    public func run() async throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read \(file): \(error.localizedDescription)")
        }
        let queries: [EvaluationQuery]
        do {
            queries = try EvaluationQuery.parseLines(text)
        } catch {
            throw ValidationError("\(file): \(error.message)")
        }
        let suggester = TopicSuggester(catalog: try global.loadCatalog())
        let report = SearchEvaluation(suggester: suggester).evaluate(queries, locale: global.language)
        if global.json {
            func metrics(_ value: SearchEvaluation.Metrics) -> JSONValue {
                [
                    "count": .number(String(value.count)),
                    "mrr": .number(String(Self.rounded(value.meanReciprocalRank))),
                    "recall@1": .number(String(Self.rounded(value.recallAt1))),
                    "recall@3": .number(String(Self.rounded(value.recallAt3))),
                ]
            }
            var kinds = JSONObject()
            for (kind, value) in report.perKind { kinds[kind] = metrics(value) }
            var output = JSONObject([("overall", metrics(report.overall)), ("kinds", .object(kinds))])
            if misses {
                output["misses"] = .array(
                    report.outcomes.filter { $0.rank != 1 }.map { outcome in
                        [
                            "query": .string(outcome.query.query),
                            "kind": .string(outcome.query.kind),
                            "rank": outcome.rank.map { .number(String($0)) } ?? .null,
                            "suggested": .array(outcome.suggested.prefix(3).map { .string($0.rawValue) }),
                        ]
                    })
            }
            Output.printJSON(.object(output), pretty: true)
            return
        }
        func line(_ name: String, _ value: SearchEvaluation.Metrics) -> String {
            let columns = [
                name.padding(toLength: 12, withPad: " ", startingAt: 0),
                String(value.count).leftPadded(5),
                Self.format(value.meanReciprocalRank), Self.format(value.recallAt1), Self.format(value.recallAt3),
            ]
            return columns.joined(separator: "  ")
        }
        print(
            ["kind".padding(toLength: 12, withPad: " ", startingAt: 0), "    n", "   MRR", "   R@1", "   R@3"].joined(
                separator: "  "))
        for (kind, value) in report.perKind { print(line(kind, value)) }
        print(line("overall", report.overall))
        if misses {
            for outcome in report.outcomes where outcome.rank != 1 {
                let rank = outcome.rank.map(String.init) ?? "–"
                print(
                    "  rank \(rank) [\(outcome.query.kind)] \(outcome.query.query) → \(outcome.suggested.prefix(3).map(\.rawValue))"
                )
            }
        }
    }

    static func rounded(_ value: Double) -> Double { (value * 10000).rounded() / 10000 }

    static func format(_ value: Double) -> String { String(format: "%.4f", value).leftPadded(6) }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
