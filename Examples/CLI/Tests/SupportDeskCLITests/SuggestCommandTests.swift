import Foundation
import SupportDesk
import Testing

@Suite struct SuggestCommandTests {
    @Test func printsTopicsWithCategoryTitlesAndSearchTips() throws {
        let result = try CLIRunner.run(["suggest", "обзвон", "не", "работает"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Звонки и обзвоны → Не работает обзвон"))
        #expect(result.stdout.contains("[call-campaign]"))
        #expect(result.stdout.contains("Советы по поиску"))
    }

    @Test func showsTheCorrectionOfAWrongLayout() throws {
        let result = try CLIRunner.run(["suggest", "--locale", "en", "cwtyfhbq"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Showing results for: “сценарий”"))
        #expect(result.stdout.contains("Search tips"))
    }

    @Test func jsonLinesGiveTopTenPerQuery() throws {
        let result = try CLIRunner.run(["suggest", "--jsonl"], stdin: "бот не отвечает\nj,pdjy\n\n")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let first = try #require(try JSONParser().parse(String(lines[0])).objectValue)
        #expect(first["query"]?.stringValue == "бот не отвечает")
        let suggestions = try #require(first["suggestions"]?.arrayValue)
        #expect(!suggestions.isEmpty && suggestions.count <= 10)
        #expect(suggestions.first?.objectValue?["topic"]?.stringValue == "chat-dialog")
        #expect(suggestions.first?.objectValue?["category"]?.stringValue == "chats")
        #expect(suggestions.first?.objectValue?["score"]?.doubleValue ?? 0 > 0)
        let second = try #require(try JSONParser().parse(String(lines[1])).objectValue)
        #expect(second["suggestions"]?.arrayValue?.first?.objectValue?["topic"]?.stringValue == "call-campaign")
        let third = try #require(try JSONParser().parse(String(lines[2])).objectValue)
        #expect(third["suggestions"]?.arrayValue?.isEmpty == true)
    }

    @Test func aPhraseIsRequiredWithoutJSONLines() throws {
        let result = try CLIRunner.run(["suggest"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("phrase"))
    }
}
