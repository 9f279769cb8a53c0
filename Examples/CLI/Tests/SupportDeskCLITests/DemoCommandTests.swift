import Foundation
import Testing

@Suite struct DemoCommandTests {
    @Test(arguments: ["ru", "en"])
    func theDemoTellsTheWholeStoryAndExitsZero(locale: String) throws {
        let result = try CLIRunner.run(["demo", "--locale", locale, "--now", "2026-11-25T09:00:00Z"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let out = result.stdout
        for address in ["anna@romashka.ru", "boris@romashka.ru", "vera@romashka.ru"] { #expect(out.contains(address)) }
        #expect(out.contains("fields.chatId"))
        #expect(out.contains("TW-1"))
        #expect(out.contains("companyHasAccount"))
        if locale == "ru" {
            #expect(out.contains("проверка закрыла TW-1"))
            #expect(out.contains("закрыто 0"))
            #expect(out.contains("«решена»"))
        } else {
            #expect(out.contains("the sweep closed TW-1"))
            #expect(out.contains("closes 0"))
            #expect(out.contains("“resolved”"))
        }
        #expect(out.contains("closed automatically: no customer reply"))
    }

    @Test func theDemoKeepsAGivenDatabaseAndRefusesAnExistingOne() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let db = directory.appendingPathComponent("demo.sqlite").path
        var result = try CLIRunner.run(["demo", "--db", db, "--locale", "en"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: db))
        result = try CLIRunner.run(["ticket", "show", "TW-1", "--db", db, "--json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""status":"resolved""#))
        result = try CLIRunner.run(["demo", "--db", db])
        #expect(result.status == 1 && result.stderr.contains("fresh database"))
    }
}
