#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Expectations and test data shared by the checks.
extension StoreConformance {
    /// A fixed moment with whole seconds, so every backend's date encoding round-trips it exactly.
    static let epoch = Date(timeIntervalSince1970: 1_800_000_000)

    /// The epoch plus a number of seconds.
    func at(_ seconds: Int) -> Date { Self.epoch.addingTimeInterval(TimeInterval(seconds)) }

    func expect(
        _ condition: Bool, _ message: @autoclosure () -> String, file: String = #fileID, line: Int = #line
    ) throws {
        if !condition { throw ConformanceFailure(message: message(), file: file, line: line) }
    }

    func expectEqual<Value: Equatable>(
        _ actual: Value, _ expected: Value, _ what: String, file: String = #fileID, line: Int = #line
    ) throws {
        if actual != expected {
            throw ConformanceFailure(
                message: "\(what): expected \(expected), got \(actual)", file: file, line: line)
        }
    }

    /// Runs `body` and expects it to throw a ``StorageError`` with `code`; returns the error.
    @discardableResult
    func expectError<Value>(
        _ code: StorageError.Code, _ what: String, file: String = #fileID, line: Int = #line,
        _ body: () async throws -> Value
    ) async throws -> StorageError {
        do {
            let value = try await body()
            throw ConformanceFailure(
                message: "\(what): expected StorageError \(code), but it succeeded with \(value)", file: file,
                line: line)
        } catch let error as StorageError {
            guard error.code == code else {
                throw ConformanceFailure(
                    message: "\(what): expected StorageError \(code), got \(error)", file: file, line: line)
            }
            return error
        } catch let failure as ConformanceFailure {
            throw failure
        } catch {
            throw ConformanceFailure(
                message: "\(what): expected StorageError \(code), got \(String(describing: error))", file: file,
                line: line)
        }
    }

    func email(_ text: String) throws -> EmailAddress {
        try EmailAddress(text)
    }

    /// Creates and stores an account with member emails.
    func makeAccount(
        _ store: any SupportDeskStore, _ company: String, _ emails: [String], at date: Date? = nil
    ) async throws -> Account {
        let account = try Account(
            company: company, members: emails.map { try email($0) }, createdAt: date ?? Self.epoch)
        try await store.createAccount(account)
        return account
    }

    /// A draft with a summary field, created at `date`.
    func draft(
        _ account: Account, at date: Date, summary: String = "Чат не отвечает", prefix: String = "TW"
    )
        -> TicketDraft
    {
        TicketDraft(
            numberPrefix: prefix, accountID: account.id, topicID: "chat-dialog", categoryID: "chats",
            fields: FieldValues([CommonField.summary: .text(summary)]), createdAt: date)
    }

    /// Creates a ticket with a `created` history entry by the account's first member.
    func createTicket(
        _ store: any SupportDeskStore, _ account: Account, at date: Date, summary: String = "Чат не отвечает",
        outbox: [OutboxNotification.Draft] = []
    ) async throws -> Ticket {
        let draft = draft(account, at: date, summary: summary)
        let created = TicketHistoryEntry(
            ticketID: draft.id, at: date, actor: .customer(account.members[0]), change: .created)
        return try await store.createTicket(draft, history: [created], outbox: outbox)
    }

    /// Moves a ticket to waiting-for-customer with a deadline (and optionally a reminder time).
    func makeWaiting(
        _ store: any SupportDeskStore, _ ticket: Ticket, deadline: Date, reminder: Date? = nil, at date: Date
    ) async throws -> Ticket {
        var next = ticket
        next.status = .waitingForCustomer
        next.assignee = "agent-smith"
        next.replyDeadline = deadline
        next.reminderAt = reminder
        next.updatedAt = date
        return try await store.updateTicket(
            next, expectedVersion: ticket.version,
            history: [
                TicketHistoryEntry(
                    ticketID: ticket.id, at: date, actor: .agent("agent-smith"),
                    change: .status(from: ticket.status, to: .waitingForCustomer))
            ], outbox: [], comment: nil)
    }

    /// Reads every notification through the paged listing.
    func allNotifications(_ store: any SupportDeskStore) async throws -> [OutboxNotification] {
        var result: [OutboxNotification] = []
        var cursor: PageCursor?
        repeat {
            let page = try await store.notifications(after: cursor, limit: 50)
            result += page.items
            cursor = page.next
        } while cursor != nil
        return result
    }

    /// Reads the whole change feed.
    func allChanges(_ store: any SupportDeskStore) async throws -> [ChangeFeedEntry] {
        var result: [ChangeFeedEntry] = []
        while true {
            let batch = try await store.changes(since: result.last?.sequence ?? 0, limit: 100)
            if batch.isEmpty { return result }
            result += batch
        }
    }

    /// Reads every queued ticket through the paged listing.
    func wholeQueue(_ store: any SupportDeskStore, pageSize: Int = 100) async throws -> [Ticket] {
        var result: [Ticket] = []
        var cursor: PageCursor?
        repeat {
            let page = try await store.queue(after: cursor, limit: pageSize)
            result += page.items
            cursor = page.next
        } while cursor != nil
        return result
    }

    /// Everything stored about a ticket and the store's shared logs, to compare before and after.
    struct Snapshot: Equatable {
        var ticket: Ticket?
        var comments: [Comment]
        var history: [TicketHistoryEntry]
        var notifications: [OutboxNotification]
        var latestChange: Int64
    }

    func snapshot(_ store: any SupportDeskStore, _ ticket: Ticket.ID) async throws -> Snapshot {
        Snapshot(
            ticket: try await store.ticket(id: ticket), comments: try await store.comments(ticket: ticket),
            history: try await store.history(ticket: ticket), notifications: try await allNotifications(store),
            latestChange: try await store.latestChangeSequence())
    }
}
