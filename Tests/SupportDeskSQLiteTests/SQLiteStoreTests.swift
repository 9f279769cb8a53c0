import Foundation
import SupportDesk
import Testing

@testable import SupportDeskSQLite

@Suite("SQLiteStore")
struct SQLiteStoreTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("everything written is there after closing and reopening the file")
    func reopenKeepsEverything() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("persist.sqlite")
        let member = try EmailAddress("anna@romashka.ru")
        let account = try Account(
            company: "Ромашка", members: [member], sharing: .mailingGroup(fanOut: [member]), createdAt: Self.start)
        var created: Ticket
        let comment: SupportDesk.Comment
        do {
            let store = try SQLiteStore(path: path)
            try await store.createAccount(account)
            let draft = TicketDraft(
                numberPrefix: "TW", accountID: account.id, topicID: "chat-dialog", categoryID: "chats",
                fields: FieldValues([
                    CommonField.summary: .text("Бот молчит"), "amount": .decimal(Decimal(string: "12.50") ?? 0),
                    "when": .date(try #require(CalendarDate("2027-03-01"))), "tags": .options(["a", "b"]),
                ]),
                createdAt: Self.start)
            created = try await store.createTicket(
                draft,
                history: [
                    TicketHistoryEntry(ticketID: draft.id, at: Self.start, actor: .customer(member), change: .created)
                ],
                outbox: [OutboxNotification.Draft(recipient: member, kind: .ticketCreated, body: "создана")])
            comment = SupportDesk.Comment(
                ticketID: created.id, author: .agent("olga"), visibility: .internal, body: "проверить логи",
                attachments: [Attachment(fileName: "log.txt", contentType: "text/plain", size: 10, sha256: "ab")],
                createdAt: Self.start.addingTimeInterval(60))
            var waiting = created
            waiting.status = .waitingForCustomer
            waiting.updatedAt = comment.createdAt
            waiting.replyDeadline = Self.start.addingTimeInterval(2 * 86_400)
            created = try await store.updateTicket(
                waiting, expectedVersion: 1, history: [], outbox: [], comment: comment)
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.account(id: account.id) == account)
        #expect(try await reopened.ticket(id: created.id) == created)
        #expect(try await reopened.comments(ticket: created.id) == [comment])
        #expect(try await reopened.history(ticket: created.id).count == 1)
        #expect(try await reopened.notifications(after: nil, limit: 10).items.map(\.body) == ["создана"])
        #expect(try await reopened.latestChangeSequence() == 3)
        #expect(
            try await reopened.ticketsWaitingForCustomer(dueBefore: Self.start.addingTimeInterval(3 * 86_400), limit: 5)
                .map(\.id) == [created.id])
        #expect(await reopened.schemaVersion == SQLiteSchema.latestVersion)
    }

    @Test("a file that is not a database gives unreadableStore naming the file, and stays untouched")
    func garbageFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("garbage.sqlite")
        let bytes = Data(String(repeating: "not a database, just text\n", count: 100).utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StorageError.self) { try SQLiteStore(path: path) }
        #expect(error?.code == .unreadableStore)
        #expect(error?.context.location == path)
        #expect(error?.message.contains(path) == true)
        #expect(error?.message.contains("not a SQLite database") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("a truncated store gives unreadableStore and stays untouched")
    func truncatedFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("truncated.sqlite")
        do {
            let store = try SQLiteStore(path: path)
            let member = try EmailAddress("a@b.ru")
            let account = try Account(company: "Big", members: [member], createdAt: Self.start)
            try await store.createAccount(account)
            try await store.importTickets(
                (1...300).map { index in
                    ImportedTicket(
                        ticket: Ticket(
                            number: Ticket.Number(prefix: "TW", sequence: Int64(index)), accountID: account.id,
                            topicID: "t", categoryID: "c",
                            fields: FieldValues([CommonField.description: .text(String(repeating: "x", count: 300))]),
                            createdAt: Self.start, queuedAt: Self.start))
                })
        }
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        let truncated = whole.prefix(whole.count / 3)
        try truncated.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StorageError.self) { try SQLiteStore(path: path) }
        #expect(error?.code == .unreadableStore)
        #expect(error?.message.contains("truncated") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == truncated)
    }

    @Test("a store written by a newer schema version gives incompatibleSchema and stays untouched")
    func newerSchema() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("future.sqlite")
        do {
            let connection = try SQLiteConnection(path: path, migrations: SQLiteSchema.migrations)
            try connection.execute("PRAGMA user_version=\(SQLiteSchema.latestVersion + 1)")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: StorageError.self) { try SQLiteStore(path: path) }
        #expect(error?.code == .incompatibleSchema)
        #expect(error?.context.location == path)
        #expect(error?.message.contains("newer version") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("a queued ticket without a queue time queues at its creation time, in lists, pages and claims")
    func queueWithoutQueueTime() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.path("queue.sqlite"))
        let account = try Account(company: "Q", members: [try EmailAddress("q@q.ru")], createdAt: Self.start)
        try await store.createAccount(account)
        func ticket(_ sequence: Int64, created: Double, queued: Double?) -> ImportedTicket {
            ImportedTicket(
                ticket: Ticket(
                    number: Ticket.Number(prefix: "Q", sequence: sequence), accountID: account.id, topicID: "t",
                    categoryID: "c", fields: FieldValues(), createdAt: Self.start.addingTimeInterval(created),
                    queuedAt: queued.map { Self.start.addingTimeInterval($0) }))
        }
        let tickets = [
            ticket(1, created: 0, queued: 30), ticket(2, created: 25, queued: nil), ticket(3, created: 0, queued: 20),
        ]
        try await store.importTickets(tickets)
        let expected = [tickets[2].ticket.id, tickets[1].ticket.id, tickets[0].ticket.id]
        var paged: [Ticket.ID] = []
        var cursor: PageCursor?
        repeat {
            let page = try await store.queue(after: cursor, limit: 1)
            paged += page.items.map(\.id)
            cursor = page.next
        } while cursor != nil
        #expect(paged == expected)
        #expect(try await store.ticket(id: tickets[1].ticket.id)?.queuedAt == nil)
        #expect(try await store.claimNext(agent: "a", now: Self.start)?.id == expected[0])
    }

    @Test("the due query and the queue claim use their partial indexes, not a scan of all tickets")
    func queriesUseTheirIndexes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.path("plan.sqlite"), migrations: SQLiteSchema.migrations)
        func plan(_ sql: String) throws -> String {
            let statement = try connection.statement("EXPLAIN QUERY PLAN " + sql)
            var details: [String] = []
            while try statement.step() { details.append(statement.text(3)) }
            return details.joined(separator: " | ")
        }
        let due = try plan(
            """
            SELECT id FROM tickets WHERE status = 'waiting_for_customer' AND reply_deadline IS NOT NULL
            AND reply_deadline < 5 ORDER BY reply_deadline, number_sequence LIMIT 10
            """)
        #expect(
            due.hasPrefix("SEARCH tickets USING INDEX tickets_reply_deadline") && due.contains("reply_deadline<?")
                && !due.contains("TEMP B-TREE"), "\(due)")
        let queue = try plan(
            "SELECT number_sequence FROM tickets WHERE status = 'new' ORDER BY coalesce(queued_at, created_at), number_sequence LIMIT 1"
        )
        #expect(queue.contains("tickets_queue") && !queue.contains("TEMP B-TREE"), "\(queue)")
        let outbox = try plan(
            "SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= 5 ORDER BY next_attempt_at, sequence LIMIT 10"
        )
        #expect(outbox.contains("outbox_due") && !outbox.contains("TEMP B-TREE"), "\(outbox)")
    }
}
