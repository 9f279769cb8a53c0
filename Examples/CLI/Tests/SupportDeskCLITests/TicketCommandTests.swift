import Foundation
import SupportDesk
import Testing

/// The lifecycle commands across separate invocations on one database file, as a person would run them.
@Suite struct TicketCommandTests {
    let directory: URL
    var db: String { directory.appendingPathComponent("desk.sqlite").path }

    init() throws { directory = try CLIRunner.temporaryDirectory() }

    static let form = """
        {"accountNumber": "123456", "summary": "Бот молчит", "description": "Пишу боту в Telegram, он не отвечает",
         "chatId": "3f2c9a10-1b2c-4d5e-8f90-a1b2c3d4e5f6", "dialogId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
         "channel": "telegram"}
        """

    func run(_ arguments: [String], stdin: String? = nil, now: String? = nil) throws -> CLIRunner.Result {
        var full = arguments + ["--db", db]
        if let now { full += ["--now", now] }
        return try CLIRunner.run(full, stdin: stdin, in: directory)
    }

    func json(_ result: CLIRunner.Result) throws -> JSONValue {
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try JSONParser().parse(result.stdout)
    }

    @Test func theWholeLifecycleAcrossInvocations() throws {
        var result = try run(
            [
                "account", "create", "--company", "Ромашка", "--email", "support@romashka.ru", "--email",
                "anna@romashka.ru",
                "--email", "boris@romashka.ru", "--group", "--json",
            ], now: "2026-11-25T10:00:00Z")
        let recipients = try json(result).objectValue?["recipients"]?.arrayValue?.compactMap(\.stringValue)
        #expect(recipients == ["anna@romashka.ru", "boris@romashka.ru"])
        result = try run(["account", "create", "--company", "Лютик", "--email", "olga@lutik.ru"])
        #expect(result.status == 0, "stderr: \(result.stderr)")

        result = try run(
            ["ticket", "create", "--as", "support@romashka.ru", "--topic", "chat-dialog"], stdin: Self.form,
            now: "2026-11-25T10:00:00Z")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let number = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Ticket.Number(number).prefix == "TW")

        result = try run(["queue", "list", "--json"])
        #expect(try json(result).arrayValue?.compactMap { $0.objectValue?["number"]?.stringValue } == [number])
        result = try run(["queue", "claim", "--agent", "ivan", "--json"], now: "2026-11-25T10:05:00Z")
        #expect(try json(result).objectValue?["status"]?.stringValue == "in_progress")
        result = try run(["queue", "claim", "--agent", "maria"])
        #expect(
            result.status == 0 && result.stdout.contains("очередь пуста") == false
                && result.stdout.contains("Очередь пуста"))

        result = try run(
            ["ticket", "comment", number, "--agent", "ivan", "--internal", "--text", "секрет"],
            now: "2026-11-25T10:06:00Z")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        result = try run(
            ["ticket", "comment", number, "--agent", "ivan", "--ask", "--text", "Пришлите скриншот"],
            now: "2026-11-25T10:07:00Z")
        #expect(result.status == 0, "stderr: \(result.stderr)")

        // The customer's view has no internal comment; the agent's has it.
        let customerView = try json(try run(["ticket", "show", number, "--as", "support@romashka.ru", "--json"]))
        let customerComments = customerView.objectValue?["comments"]?.arrayValue?.compactMap {
            $0.objectValue?["body"]?.stringValue
        }
        #expect(customerComments == ["Пришлите скриншот"])
        let agentView = try json(try run(["ticket", "show", number, "--agent", "ivan", "--json"]))
        #expect(agentView.objectValue?["comments"]?.arrayValue?.count == 2)
        let ticket = customerView.objectValue?["ticket"]?.objectValue
        #expect(ticket?["status"]?.stringValue == "waiting_for_customer")
        #expect(ticket?["replyDeadline"]?.stringValue == "2026-11-27T10:07:00Z")

        // Another account is refused, with an error, not an empty answer.
        result = try run(["ticket", "show", number, "--as", "olga@lutik.ru"])
        #expect(result.status == 1 && result.stderr.contains("accessDenied"))
        result = try run(["ticket", "list", "--as", "olga@lutik.ru", "--json"])
        #expect(try json(result).arrayValue?.isEmpty == true)

        // The 2-day rule, as of --now.
        result = try run(["sweep", "--json"], now: "2026-11-27T10:06:00Z")
        #expect(try json(result).objectValue?["closed"]?.arrayValue?.isEmpty == true)
        result = try run(["sweep", "--json"], now: "2026-11-27T10:08:00Z")
        #expect(try json(result).objectValue?["closed"]?.arrayValue?.compactMap(\.stringValue) == [number])
        result = try run(["sweep"], now: "2026-11-27T10:09:00Z")
        #expect(result.status == 0 && result.stdout.contains("Нечего закрывать"))

        // Refresh outside the window is refused; inside it returns the ticket to the queue.
        result = try run(
            ["ticket", "refresh", number, "--as", "support@romashka.ru", "--text", "актуально"],
            now: "2026-12-28T10:00:00Z")
        #expect(result.status == 1 && result.stderr.contains("refreshWindowExpired"))
        result = try run(
            ["ticket", "refresh", number, "--as", "support@romashka.ru", "--text", "актуально", "--json"],
            now: "2026-11-28T10:00:00Z")
        #expect(try json(result).objectValue?["ticket"]?.objectValue?["status"]?.stringValue == "new")
        result = try run(["ticket", "list", "--as", "support@romashka.ru"])
        #expect(result.stdout.contains("\(number)  [new]"))

        // The outbox has every event for every address of the group; delivery appends to a file.
        let outbox = try json(try run(["outbox", "list", "--json"])).arrayValue ?? []
        let kinds = outbox.compactMap { $0.objectValue?["kind"]?.stringValue }
        #expect(
            kinds == [
                "ticket_created", "ticket_created", "waiting_for_reply", "waiting_for_reply", "closed_no_reply",
                "closed_no_reply", "refreshed", "refreshed",
            ])
        let file = directory.appendingPathComponent("mail.jsonl").path
        result = try run(["outbox", "deliver", "--to", file, "--json"], now: "2026-11-29T00:00:00Z")
        #expect(try json(result).objectValue?["delivered"]?.int64Value == 8)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 8)
        result = try run(["outbox", "deliver", "--to", file, "--json"], now: "2026-11-29T00:00:00Z")
        #expect(try json(result).objectValue?["delivered"]?.int64Value == 0)
    }

    @Test func anInvalidFormListsEveryProblemAndExitsOne() throws {
        _ = try run(["account", "create", "--company", "Ромашка", "--email", "support@romashka.ru"])
        let result = try run(
            ["ticket", "create", "--as", "support@romashka.ru", "--topic", "chat-dialog", "--json"],
            stdin: #"{"accountNumber": "12ab", "summary": "Бот молчит"}"#)
        #expect(result.status == 1)
        let issues = try JSONParser().parse(result.stdout).objectValue?["issues"]?.arrayValue ?? []
        let paths = Set(issues.compactMap { $0.objectValue?["field"]?.stringValue })
        #expect(
            paths.isSuperset(of: ["fields.accountNumber", "fields.description", "fields.chatId", "fields.channel"]))
        #expect(try json(try run(["queue", "list", "--json"])).arrayValue?.isEmpty == true)
    }

    @Test func errorsAreClear() throws {
        _ = try run(["account", "create", "--company", "Ромашка", "--email", "support@romashka.ru"])
        var result = try run(["account", "create", "--company", " ромашка ", "--email", "other@romashka.ru"])
        #expect(result.status == 1 && result.stderr.contains("companyHasAccount") && result.stderr.contains("Ромашка"))
        result = try run(["account", "create", "--company", "Лютик", "--email", "support@romashka.ru"])
        #expect(result.status == 1 && result.stderr.contains("emailInAnotherAccount"))
        result = try run(["ticket", "show", "TW-77"])
        #expect(result.status == 1 && result.stderr.contains("unknownTicket"))
        result = try run(["ticket", "show", "not-a-number"])
        #expect(result.status == 1 && result.stderr.contains("invalidTicketNumber"))
        let number = try run(
            ["ticket", "create", "--as", "support@romashka.ru", "--topic", "chat-dialog"], stdin: Self.form
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        result = try run([
            "ticket", "close", number, "--as", "support@romashka.ru", "--reason", "само прошло", "--json",
        ])
        #expect(try json(result).objectValue?["closeReason"]?.stringValue == "closed_by_customer")
        result = try run(["ticket", "refresh", number, "--as", "support@romashka.ru", "--text", "снова"])
        #expect(result.status == 1 && result.stderr.contains("illegalTransition"))
        result = try run(["ticket", "comment", "TW-1", "--as", "support@romashka.ru", "--agent", "ivan", "--text", "x"])
        #expect(result.status != 0 && result.stderr.contains("not both"))
    }
}
