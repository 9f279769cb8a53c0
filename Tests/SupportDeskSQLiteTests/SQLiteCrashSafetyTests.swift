import Foundation
import SupportDesk
import Testing

@testable import SupportDeskSQLite

/// Kills a process that writes to a SQLite store at random moments and checks that everything it was
/// told was saved is there, whole.
///
/// `SUPPORTDESK_CRASH_KILLS` sets the number of kills (50 by default; `Tests/Scripts/crash-test.sh --kills 1000`).
@Suite("SQLite crash safety", .serialized)
struct SQLiteCrashSafetyTests {
    static var kills: Int {
        ProcessInfo.processInfo.environment["SUPPORTDESK_CRASH_KILLS"].flatMap(Int.init).map { max(1, $0) } ?? 50
    }

    /// What the writer reported as saved: tickets by id (with their number) and comments by ticket.
    struct Confirmed {
        var tickets: [Ticket.ID: Ticket.Number] = [:]
        var comments: [(ticket: Ticket.ID, comment: SupportDesk.Comment.ID)] = []

        mutating func add(_ lines: [Substring]) throws {
            for line in lines {
                let parts = line.split(separator: " ")
                switch (parts.first, parts.count) {
                case ("ticket", 3):
                    tickets[Ticket.ID(String(parts[1]))] = try Ticket.Number(String(parts[2]))
                case ("comment", 3):
                    comments.append((Ticket.ID(String(parts[1])), SupportDesk.Comment.ID(String(parts[2]))))
                default:
                    Issue.record("unexpected line from the writer: \(line)")
                }
            }
        }
    }

    @Test("every ticket and comment confirmed before a SIGKILL survives, whole, in an intact file")
    func killedWriterLosesNothingConfirmed() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("crash.sqlite")
        var confirmed = Confirmed()
        var generator = SystemRandomNumberGenerator()
        var verifiedTickets = Set<Ticket.ID>()
        var verifiedComments = 0

        for round in 1...Self.kills {
            let writer = try CrashWriterProcess(["write", path])
            // Random moments: some kills land while the writer opens the file (recovery, migration), most
            // in the middle of transactions.
            try await Task.sleep(for: .milliseconds(Int.random(in: 5...150, using: &generator)))
            writer.kill()
            let lines = writer.lines()
            let exitedByItself = writer.process.terminationReason == .exit
            if exitedByItself { Issue.record("round \(round): the writer exited by itself: \(writer.errorText())") }
            try confirmed.add(lines)

            // Reopen after the crash and check what was confirmed so far (new items every round, all at the end).
            let connection = try SQLiteConnection(path: path, migrations: SQLiteSchema.migrations)
            #expect(try connection.scalarText("PRAGMA integrity_check") == "ok", "round \(round)")
            let store = try SQLiteStore(path: path)
            for (id, number) in confirmed.tickets where !verifiedTickets.contains(id) {
                try await Self.expectWhole(ticket: id, number: number, in: store, connection: connection)
                verifiedTickets.insert(id)
            }
            for (ticket, comment) in confirmed.comments[verifiedComments...] {
                try await Self.expectComment(comment, of: ticket, in: store, connection: connection)
            }
            verifiedComments = confirmed.comments.count
        }

        let connection = try SQLiteConnection(path: path, migrations: SQLiteSchema.migrations)
        #expect(try connection.scalarText("PRAGMA integrity_check") == "ok")
        let store = try SQLiteStore(path: path)
        for (id, number) in confirmed.tickets {
            try await Self.expectWhole(ticket: id, number: number, in: store, connection: connection)
        }
        // Numbers are unique (it is the key) and the counter never falls behind a stored number.
        #expect(
            try connection.scalarInt("SELECT count(DISTINCT number_sequence) FROM tickets")
                == connection.scalarInt("SELECT count(*) FROM tickets"))
        #expect(
            try connection.scalarInt("SELECT last FROM ticket_number_sequence")
                >= connection.scalarInt("SELECT coalesce(max(number_sequence), 0) FROM tickets"))
        // Every stored ticket is whole, not only the confirmed ones: no half-written transaction survived.
        #expect(
            try connection.scalarInt(
                "SELECT count(*) FROM tickets t WHERE (SELECT count(*) FROM outbox o WHERE o.ticket_id = t.id AND o.kind = 'ticket_created') != 2"
            ) == 0)
        #expect(
            try connection.scalarInt(
                "SELECT count(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_history h WHERE h.ticket_seq = t.number_sequence)"
            ) == 0)
        #expect(confirmed.tickets.count > 0, "the writer confirmed no ticket in \(Self.kills) rounds")
        print(
            "crash safety: \(Self.kills) kills, \(confirmed.tickets.count) confirmed tickets, \(confirmed.comments.count) confirmed comments, \(try connection.scalarInt("SELECT count(*) FROM tickets")) stored tickets"
        )
        // Check the next number continues after everything stored.
        let next = try await store.createTicket(
            TicketDraft(
                numberPrefix: "CR", accountID: try #require(try await store.account(company: "Crash writer")).id,
                topicID: "chat-dialog", categoryID: "chats", fields: FieldValues(), createdAt: Date()),
            history: [], outbox: [])
        #expect(confirmed.tickets.values.allSatisfy { $0.sequence < next.number.sequence })
    }

    static func expectWhole(
        ticket id: Ticket.ID, number: Ticket.Number, in store: SQLiteStore, connection: SQLiteConnection
    ) async throws {
        let ticket = try #require(try await store.ticket(id: id), "confirmed ticket \(id) (\(number)) is missing")
        #expect(ticket.number == number)
        #expect(ticket.summary.hasPrefix("Crash round "))
        let history = try await store.history(ticket: id)
        #expect(history.first?.change == .created, "ticket \(number) has no creation history entry")
        #expect(
            try connection.scalarInt(
                "SELECT count(*) FROM outbox WHERE ticket_id = ? AND kind = 'ticket_created'", id.rawValue) == 2,
            "ticket \(number) does not have its two notifications")
    }

    static func expectComment(
        _ comment: SupportDesk.Comment.ID, of ticket: Ticket.ID, in store: SQLiteStore, connection: SQLiteConnection
    ) async throws {
        let comments = try await store.comments(ticket: ticket)
        #expect(comments.contains { $0.id == comment }, "confirmed comment \(comment) is missing")
        #expect(
            try connection.scalarInt("SELECT count(*) FROM outbox WHERE comment_id = ?", comment.rawValue) == 1,
            "comment \(comment) has no notification")
        #expect(try await store.ticket(id: ticket)?.version == 2)
    }

    @Test("two processes claiming from one queue file take every ticket exactly once")
    func twoProcessesClaimEachTicketOnce() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("queue.sqlite")
        let count = 400
        var ids: Set<Ticket.ID> = []
        do {
            let store = try SQLiteStore(path: path)
            let account = try Account(company: "Queue", members: [try EmailAddress("q@queue.test")], createdAt: Date())
            try await store.createAccount(account)
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            let tickets = (1...count).map { index in
                let created = start.addingTimeInterval(Double(index))
                return ImportedTicket(
                    ticket: Ticket(
                        number: Ticket.Number(prefix: "Q", sequence: Int64(index)), accountID: account.id,
                        topicID: "chat-dialog", categoryID: "chats", fields: FieldValues(), createdAt: created,
                        queuedAt: created))
            }
            ids = Set(tickets.map(\.ticket.id))
            try await store.importTickets(tickets)
        }
        let startAt = (Date().timeIntervalSince1970 + 0.5) * 1000
        let first = try CrashWriterProcess(["claim", path, "agent-a", String(startAt)])
        let second = try CrashWriterProcess(["claim", path, "agent-b", String(startAt)])
        // Read both outputs at once: each child blocks if its pipe fills while the other is being waited for.
        async let firstLines = first.waitForLines()
        async let secondLines = second.waitForLines()
        let byFirst = await firstLines.map { Ticket.ID(String($0.dropFirst("claimed ".count))) }
        let bySecond = await secondLines.map { Ticket.ID(String($0.dropFirst("claimed ".count))) }
        #expect(first.process.terminationStatus == 0, "\(first.errorText())")
        #expect(second.process.terminationStatus == 0, "\(second.errorText())")

        print("two claimers: \(byFirst.count) + \(bySecond.count) claims")
        #expect(byFirst.count + bySecond.count == count, "claims: \(byFirst.count) + \(bySecond.count)")
        #expect(Set(byFirst).isDisjoint(with: bySecond), "a ticket was claimed by both processes")
        #expect(Set(byFirst).union(bySecond) == ids)
        let store = try SQLiteStore(path: path)
        #expect(try await store.queue(after: nil, limit: 1).items.isEmpty)
        for (agent, claimed) in [("agent-a", byFirst), ("agent-b", bySecond)] {
            for id in claimed.prefix(50) {
                let ticket = try #require(try await store.ticket(id: id))
                #expect(ticket.assignee == Agent.ID(agent) && ticket.status == .inProgress && ticket.version == 2)
            }
        }
        let connection = try SQLiteConnection(path: path, migrations: SQLiteSchema.migrations)
        #expect(
            try connection.scalarInt("SELECT count(*) FROM ticket_history") == Int64(2 * count),
            "each claim records its two history entries once")
        #expect(try connection.scalarText("PRAGMA integrity_check") == "ok")
    }
}
