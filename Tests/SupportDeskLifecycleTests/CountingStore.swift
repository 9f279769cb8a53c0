import Foundation
import SupportDesk
import Synchronization

/// A store that forwards to another and counts the tickets the help center reads and writes, so tests
/// can check what an operation touches (the sweep's cost follows the number due, not the number stored).
final class CountingStore: SupportDeskStore {
    let inner: any SupportDeskStore
    private let counts = Mutex<[String: Int]>([:])

    init(_ inner: any SupportDeskStore) { self.inner = inner }

    func count(_ name: String) -> Int { counts.withLock { $0[name, default: 0] } }
    func reset() { counts.withLock { $0.removeAll() } }
    private func add(_ name: String, _ value: Int = 1) { counts.withLock { $0[name, default: 0] += value } }

    func createAccount(_ account: Account) async throws { try await inner.createAccount(account) }
    func account(id: Account.ID) async throws -> Account? { try await inner.account(id: id) }
    func account(memberEmail email: EmailAddress) async throws -> Account? {
        try await inner.account(memberEmail: email)
    }
    func account(company: String) async throws -> Account? { try await inner.account(company: company) }

    func createTicket(
        _ draft: TicketDraft, history: [TicketHistoryEntry], outbox: [OutboxNotification.Draft]
    )
        async throws -> Ticket
    {
        try await inner.createTicket(draft, history: history, outbox: outbox)
    }

    func updateTicket(
        _ ticket: Ticket, expectedVersion: Int, history: [TicketHistoryEntry], outbox: [OutboxNotification.Draft],
        comment: Comment?
    ) async throws -> Ticket {
        add("updateTicket")
        return try await inner.updateTicket(
            ticket, expectedVersion: expectedVersion, history: history, outbox: outbox, comment: comment)
    }

    func ticket(id: Ticket.ID) async throws -> Ticket? {
        add("ticketRead")
        return try await inner.ticket(id: id)
    }

    func ticket(number: Ticket.Number) async throws -> Ticket? {
        add("ticketRead")
        return try await inner.ticket(number: number)
    }

    func tickets(account: Account.ID, after cursor: PageCursor?, limit: Int) async throws -> Page<Ticket> {
        let page = try await inner.tickets(account: account, after: cursor, limit: limit)
        add("ticketRead", page.items.count)
        return page
    }

    func comments(ticket: Ticket.ID) async throws -> [Comment] { try await inner.comments(ticket: ticket) }
    func history(ticket: Ticket.ID) async throws -> [TicketHistoryEntry] { try await inner.history(ticket: ticket) }

    func queue(after cursor: PageCursor?, limit: Int) async throws -> Page<Ticket> {
        let page = try await inner.queue(after: cursor, limit: limit)
        add("ticketRead", page.items.count)
        return page
    }

    func claimNext(agent: Agent.ID, now: Date) async throws -> Ticket? {
        try await inner.claimNext(agent: agent, now: now)
    }

    func ticketsWaitingForCustomer(dueBefore date: Date, limit: Int) async throws -> [Ticket] {
        let due = try await inner.ticketsWaitingForCustomer(dueBefore: date, limit: limit)
        add("ticketRead", due.count)
        return due
    }

    func ticketsNeedingReminder(dueBefore date: Date, limit: Int) async throws -> [Ticket] {
        let due = try await inner.ticketsNeedingReminder(dueBefore: date, limit: limit)
        add("ticketRead", due.count)
        return due
    }

    func importTickets(_ tickets: [ImportedTicket]) async throws { try await inner.importTickets(tickets) }

    func pendingNotifications(dueAt date: Date, limit: Int) async throws -> [OutboxNotification] {
        try await inner.pendingNotifications(dueAt: date, limit: limit)
    }

    func notifications(after cursor: PageCursor?, limit: Int) async throws -> Page<OutboxNotification> {
        try await inner.notifications(after: cursor, limit: limit)
    }

    func notification(id: OutboxNotification.ID) async throws -> OutboxNotification? {
        try await inner.notification(id: id)
    }

    func markDelivered(_ id: OutboxNotification.ID, at date: Date) async throws -> OutboxNotification {
        try await inner.markDelivered(id, at: date)
    }

    func recordFailure(
        _ id: OutboxNotification.ID, error: String, at date: Date, retryAt: Date?
    ) async throws
        -> OutboxNotification
    {
        try await inner.recordFailure(id, error: error, at: date, retryAt: retryAt)
    }

    func changes(since position: Int64, limit: Int) async throws -> [ChangeFeedEntry] {
        try await inner.changes(since: position, limit: limit)
    }

    func latestChangeSequence() async throws -> Int64 { try await inner.latestChangeSequence() }
}
