import Foundation
import SupportDesk
import Testing

@Suite struct EvalCommandTests {
    static let queries = """
        {"q": "обзвон не работает", "topics": ["call-campaign"], "category": "calls", "kind": "plain"}
        {"q": "j,pdjy", "topics": ["call-campaign"], "category": "calls", "kind": "layout"}
        {"q": "пароль", "topics": ["suggestion"], "category": "suggestions", "kind": "plain"}
        """

    static func write(_ text: String) throws -> URL {
        let directory = try CLIRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("queries.jsonl")
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test func printsMetricsOverallAndPerKind() throws {
        let file = try Self.write(Self.queries)
        let result = try CLIRunner.run(["eval", file.path, "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let report = try #require(try JSONParser().parse(result.stdout).objectValue)
        let overall = try #require(report["overall"]?.objectValue)
        #expect(overall["count"]?.int64Value == 3)
        // Two queries find their topic first; "пароль" is labelled with a wrong topic on purpose.
        #expect(overall["recall@1"]?.doubleValue.map { abs($0 - 2.0 / 3.0) < 0.001 } == true)
        let layout = try #require(report["kinds"]?.objectValue?["layout"]?.objectValue)
        #expect(layout["mrr"]?.doubleValue == 1)
        let text = try CLIRunner.run(["eval", file.path])
        #expect(text.stdout.contains("overall"))
        #expect(text.stdout.contains("layout"))
    }

    @Test func aBadLineIsReportedWithItsNumber() throws {
        let file = try Self.write("{\"q\": \"ok\", \"topics\": [\"suggestion\"]}\n{\"q\": 5}\n")
        let result = try CLIRunner.run(["eval", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("line 2"))
    }
}
