import Foundation
import SupportDesk
import Testing

@Suite struct FormCommandTests {
    static let validForm = """
        {"accountNumber": " 123456 ", "summary": "Бот  молчит", "description": "Пишу боту в Telegram, он не отвечает",
         "chatId": "«3f2c9a10-1b2c-4d5e-8f90-a1b2c3d4e5f6»", "dialogId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
         "channel": "telegram"}
        """

    @Test func validFormPrintsTheNormalizedSubmission() throws {
        let result = try CLIRunner.run(["form", "validate", "chat-dialog", "--json"], stdin: Self.validForm)
        #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
        let output = try JSONParser().parse(result.stdout)
        #expect(output.objectValue?["valid"] == true)
        #expect(output.objectValue?["category"] == "chats")
        let fields = try #require(output.objectValue?["fields"]?.objectValue)
        #expect(fields["summary"] == "Бот молчит")
        #expect(fields["chatId"] == "3f2c9a10-1b2c-4d5e-8f90-a1b2c3d4e5f6")
        #expect(fields["accountNumber"] == "123456")
    }

    @Test func invalidFormListsEveryIssueAndExitsOne() throws {
        let form = #"{"summary": "Бот", "chatId": "nope", "channel": "icq", "colour": "red"}"#
        let result = try CLIRunner.run(["form", "validate", "chat-dialog", "--json", "--locale", "en"], stdin: form)
        #expect(result.status == 1)
        let output = try JSONParser().parse(result.stdout)
        #expect(output.objectValue?["valid"] == false)
        let issues = try #require(output.objectValue?["issues"]?.arrayValue?.compactMap { $0.objectValue })
        let pairs = issues.map { "\($0["field"]?.stringValue ?? ""):\($0["code"]?.stringValue ?? "")" }
        #expect(
            pairs == [
                "fields.accountNumber:required", "fields.summary:tooShort", "fields.description:required",
                "fields.chatId:pattern", "fields.channel:notAnOption", "fields.colour:unknownField",
            ])
        #expect(issues.allSatisfy { !($0["message"]?.stringValue ?? "").isEmpty })
        #expect(issues[1]["message"]?.stringValue?.contains("at least 5") == true)
    }

    @Test(arguments: [("ru", "Заполните поле"), ("en", "Please fill in")])
    func textOutputIsLocalized(locale: String, phrase: String) throws {
        let result = try CLIRunner.run(["form", "validate", "chat-dialog", "--locale", locale], stdin: "{}")
        #expect(result.status == 1)
        #expect(result.stdout.contains(phrase))
        #expect(result.stdout.contains("fields.chatId"))
    }

    @Test func malformedInputIsAnIssueNotACrash() throws {
        let result = try CLIRunner.run(["form", "validate", "chat-dialog", "--json"], stdin: "{\"summary\": ")
        #expect(result.status == 1)
        let output = try JSONParser().parse(result.stdout)
        let code = output.objectValue?["issues"]?.arrayValue?.first?.objectValue?["code"]
        #expect(code == "invalidJSON")
    }

    @Test func unknownTopicIsAnIssue() throws {
        let result = try CLIRunner.run(["form", "validate", "no-such-topic", "--json"], stdin: "{}")
        #expect(result.status == 1)
        #expect(result.stdout.contains("unknownTopic"))
    }

    @Test func stateShowsConditionalFields() throws {
        let result = try CLIRunner.run(["form", "state", "chat-dialog", "--json"], stdin: #"{"channel": "other"}"#)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let output = try JSONParser().parse(result.stdout)
        let fields = try #require(output.objectValue?["fields"]?.arrayValue?.compactMap { $0.objectValue })
        let other = try #require(fields.first { $0["id"] == "channelOther" })
        #expect(other["required"] == true)
        #expect(output.objectValue?["missing"]?.arrayValue?.contains("channelOther") == true)
    }
}
