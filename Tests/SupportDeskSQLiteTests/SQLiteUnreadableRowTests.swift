import Foundation
import SupportDesk
import Testing

@testable import SupportDeskSQLite

@Suite("SQLite unreadable rows")
struct SQLiteUnreadableRowTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// A store file with one account and one queued ticket with a comment and a notification.
    static func makeStore(in directory: TemporaryDirectory) async throws -> (path: String, ticket: Ticket) {
        let path = directory.path("rows.sqlite")
        let store = try SQLiteStore(path: path)
        let member = try EmailAddress("anna@romashka.ru")
        let account = try Account(company: "Ромашка", members: [member], createdAt: Self.start)
        try await store.createAccount(account)
        let draft = TicketDraft(
            numberPrefix: "TW", accountID: account.id, topicID: "chat-dialog", categoryID: "chats",
            fields: FieldValues([CommonField.summary: .text("Бот молчит")]), createdAt: Self.start)
        let ticket = try await store.createTicket(
            draft,
            history: [
                TicketHistoryEntry(ticketID: draft.id, at: Self.start, actor: .customer(member), change: .created)
            ],
            outbox: [OutboxNotification.Draft(recipient: member, kind: .ticketCreated, body: "создана")])
        let comment = SupportDesk.Comment(
            ticketID: ticket.id, author: .agent("olga"), visibility: .public, body: "смотрим", attachments: [],
            createdAt: Self.start)
        var updated = ticket
        updated.updatedAt = Self.start
        _ = try await store.updateTicket(updated, expectedVersion: 1, history: [], outbox: [], comment: comment)
        return (path, ticket)
    }

    static func expectUnreadable(
        _ error: StorageError?, table: String, ticket: Ticket? = nil, path: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(error?.code == .unreadableStore, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.context.table == table, sourceLocation: sourceLocation)
        #expect(error?.context.location == path, sourceLocation: sourceLocation)
        #expect(error?.message.contains("“\(table)”") == true, sourceLocation: sourceLocation)
        if let ticket {
            #expect(error?.context.ticketID == ticket.id, sourceLocation: sourceLocation)
        }
        // A summary in words, not the decoder's dump.
        #expect(error?.message.contains("DecodingError") == false, sourceLocation: sourceLocation)
        #expect(error?.message.contains("codingPath") == false, sourceLocation: sourceLocation)
    }

    @Test(
        "a ticket row with corrupt JSON or an unknown enum value fails every read of it with unreadableStore naming the table and the ticket",
        arguments: [
            "UPDATE tickets SET fields = '{not json'",
            "UPDATE tickets SET fields = '{\"summary\":{\"txt\":1}}'",
            "UPDATE tickets SET status = 'bogus'",
            "UPDATE tickets SET close_reason = 'eaten by a grue'",
        ])
    func corruptTicketRow(corruption: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, ticket) = try await Self.makeStore(in: directory)
        try RawDatabase.execute(path, corruption)
        let store = try SQLiteStore(path: path)
        let byID = await #expect(throws: StorageError.self) { try await store.ticket(id: ticket.id) }
        Self.expectUnreadable(byID, table: "tickets", ticket: ticket, path: path)
        #expect(byID?.context.ticketNumber == ticket.number)
        #expect(byID?.message.contains(ticket.number.description) == true)
        let byNumber = await #expect(throws: StorageError.self) { try await store.ticket(number: ticket.number) }
        Self.expectUnreadable(byNumber, table: "tickets", ticket: ticket, path: path)
        let list = await #expect(throws: StorageError.self) {
            try await store.tickets(account: ticket.accountID, after: nil, limit: 10)
        }
        Self.expectUnreadable(list, table: "tickets", ticket: ticket, path: path)
        if !corruption.contains("status") {  // A ticket whose status is unknown is not in the queue index.
            let queue = await #expect(throws: StorageError.self) { try await store.queue(after: nil, limit: 10) }
            Self.expectUnreadable(queue, table: "tickets", ticket: ticket, path: path)
        }
    }

    @Test("corrupt comment, history, notification, change and account rows each name their table and row")
    func corruptOtherRows() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, ticket) = try await Self.makeStore(in: directory)
        let store = try SQLiteStore(path: path)

        try RawDatabase.execute(path, "UPDATE comments SET visibility = 'secret'")
        let comments = await #expect(throws: StorageError.self) { try await store.comments(ticket: ticket.id) }
        Self.expectUnreadable(comments, table: "comments", ticket: ticket, path: path)
        try RawDatabase.execute(path, "UPDATE comments SET visibility = 'public', author = '[1,2'")
        let author = await #expect(throws: StorageError.self) { try await store.comments(ticket: ticket.id) }
        Self.expectUnreadable(author, table: "comments", ticket: ticket, path: path)

        try RawDatabase.execute(path, "UPDATE ticket_history SET change = '{\"nope\":{}}'")
        let history = await #expect(throws: StorageError.self) { try await store.history(ticket: ticket.id) }
        Self.expectUnreadable(history, table: "ticket_history", ticket: ticket, path: path)

        try RawDatabase.execute(path, "UPDATE outbox SET status = 'lost'")
        let outbox = await #expect(throws: StorageError.self) { try await store.notifications(after: nil, limit: 5) }
        Self.expectUnreadable(outbox, table: "outbox", ticket: ticket, path: path)
        #expect(outbox?.context.notificationID != nil)
        try RawDatabase.execute(path, "UPDATE outbox SET status = 'pending', recipient = 'not an email'")
        let recipient = await #expect(throws: StorageError.self) {
            try await store.pendingNotifications(dueAt: Self.start.addingTimeInterval(60), limit: 5)
        }
        Self.expectUnreadable(recipient, table: "outbox", ticket: ticket, path: path)

        try RawDatabase.execute(path, "UPDATE changes SET kind = 'exploded'")
        let changes = await #expect(throws: StorageError.self) { try await store.changes(since: 0, limit: 5) }
        Self.expectUnreadable(changes, table: "changes", ticket: ticket, path: path)

        try RawDatabase.execute(path, "UPDATE accounts SET sharing = 'null'")
        let account = await #expect(throws: StorageError.self) { try await store.account(id: ticket.accountID) }
        Self.expectUnreadable(account, table: "accounts", path: path)
        #expect(account?.context.accountID == ticket.accountID)
    }
}
