import Foundation
import SupportDesk
import Testing

@Suite struct CatalogCommandTests {
    @Test func listsEveryCategoryAndTopicOfTheShippedCatalog() throws {
        let result = try CLIRunner.run(["catalog", "list", "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let value = try JSONParser().parse(result.stdout)
        let categories = try #require(value.arrayValue)
        #expect(categories.count == 8)
        let topics = categories.flatMap { $0.objectValue?["topics"]?.arrayValue ?? [] }
        #expect(topics.count == 17)
        #expect(topics.contains { $0.objectValue?["id"]?.stringValue == "chat-dialog" })
    }

    @Test func showsAFormWithLabelsAndHints() throws {
        let result = try CLIRunner.run(["catalog", "show", "chat-dialog"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Номер ЛК"))
        #expect(result.stdout.contains("chatId"))
        #expect(result.stdout.contains("Чаты"))
    }

    @Test func unknownTopicIsAClearError() throws {
        let result = try CLIRunner.run(["catalog", "show", "no-such-topic"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no-such-topic"))
    }

    @Test func lintAcceptsTheShippedCatalog() throws {
        let path = try #require(Catalog.twinHelpCenterPath)
        let result = try CLIRunner.run(["catalog", "lint", path])
        #expect(result.status == 0, "stdout: \(result.stdout)")
        #expect(result.stdout.contains("OK"))
    }

    @Test func lintListsEveryProblemWithItsPath() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("broken.json")
        let broken = """
            {"schemaVersion": 1, "commonFields": [],
             "categories": [{"id": "chats", "title": {"ru": "Чаты"}, "description": {"ru": "д", "en": "d"},
               "topics": [{"id": "chat-dialog", "title": {"ru": "т", "en": "t"}, "description": {"ru": "д", "en": "d"},
                 "fields": [{"id": "channel", "kind": "select", "label": {"ru": "К", "en": "C"}},
                            {"id": "mood", "kind": "colour", "label": {"ru": "Н", "en": "M"}}]}]}],
             "searchTips": {"ru": ["совет"], "en": ["tip"]}}
            """
        try Data(broken.utf8).write(to: file)
        let result = try CLIRunner.run(["catalog", "lint", file.path, "--json"])
        #expect(result.status == 1)
        let report = try JSONParser().parse(result.stdout)
        let issues = try #require(report.objectValue?["issues"]?.arrayValue)
        let paths = issues.compactMap { $0.objectValue?["path"]?.stringValue }
        #expect(paths.contains("categories[0].title"))
        #expect(paths.contains("categories[0].topics[0].fields[0].options"))
        #expect(paths.contains("categories[0].topics[0].fields[1].kind"))
    }
}
