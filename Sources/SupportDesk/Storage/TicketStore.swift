#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Stores tickets with their comments and history, numbers them, and keeps the support queue and the
/// reply deadlines queryable.
///
/// Every write here also appends to the store's change feed (``ChangeFeed``) and may write notifications
/// to its outbox (``NotificationOutbox``), in the same transaction.
///
/// ## Implementation requirements
///
/// **Atomicity.** Each method that writes is one transaction: either everything it describes is stored
/// (ticket row, history entries, comment, outbox rows, change-feed entries) or nothing is. A method that
/// throws has changed nothing.
///
/// **Numbers.** ``createTicket(_:history:outbox:)`` allocates the ticket's number inside its transaction:
/// the sequence is greater than every sequence allocated before (including imported ones), is never
/// given to two tickets, and is never reused. Gaps are allowed (for example after a rolled-back create).
/// Sequences are unique across the store, whatever the prefix. In SQL: a counter row updated in the
/// same transaction, or `max(sequence) + 1` under the write lock; not a sequence read outside it.
///
/// **Optimistic concurrency.** Every stored change of a ticket increments ``Ticket/version`` by one. The
/// store owns the version: it ignores the version of the value passed in, compares the stored version
/// with `expectedVersion`, and throws `versionConflict` (with both versions) when they differ. The
/// compare and the write are one atomic step (`UPDATE … WHERE id = ? AND version = ?`).
///
/// **The queue** is the set of tickets with status ``Ticket/Status/new``, ordered by
/// ``Ticket/queuedAt`` then by number sequence (oldest first). ``claimNext(agent:now:)`` takes the first
/// one atomically: two concurrent claims (from tasks or processes) never return the same ticket, and a
/// ticket in the queue is never skipped while older ones are taken.
///
/// **Deadlines.** ``ticketsWaitingForCustomer(dueBefore:limit:)`` and
/// ``ticketsNeedingReminder(dueBefore:limit:)`` must cost in proportion to the number of tickets returned,
/// not to the number stored: keep an index on (``Ticket/replyDeadline``) and (``Ticket/reminderAt``)
/// restricted to, or led by, tickets waiting for the customer.
///
/// **Comments** are stored exactly as given, visibility included; the store never filters by
/// visibility (the lifecycle does). Comments and history are returned in the order they were stored.
///
/// **Values round-trip.** A ticket, comment or history entry read back equals the one written (field
/// values of every kind, attachments metadata, optional dates), except for what the store sets
/// (number, version). Dates keep at least millisecond precision.
///
/// **Errors** are ``StorageError``s with the codes named on each method. A limit below 1 is
/// `invalidArgument`; a cursor from another listing is `invalidCursor`.
///
/// **Concurrency.** Every method is safe to call from many tasks at once; backends whose data can be
/// shared (a database file, a server) keep these guarantees across processes.
public protocol TicketStore: Sendable {
    /// Creates a ticket: allocates its number, stores it with its first history entries and its
    /// notifications, and appends a ``ChangeFeedEntry/Kind/ticketCreated`` entry, all in one transaction.
    /// - Parameters:
    ///   - draft: The ticket without its number. The stored ticket has status `new`, `queuedAt` equal to
    ///     `createdAt`, and version 1. The prefix must be letters and digits; it is stored uppercased, so
    ///     the number's text parses back with ``Ticket/Number/init(_:)``.
    ///   - history: The entries to record (usually one ``TicketHistoryEntry/Change/created``); each
    ///     entry's ``TicketHistoryEntry/ticketID`` must be the draft's id.
    ///   - outbox: Notifications to write, created at ``TicketDraft/createdAt`` and due at once.
    /// - Returns: The stored ticket, with its number.
    /// - Throws: ``StorageError`` `notFound` (no such account), `duplicateID` (a ticket with that id
    ///   exists), `invalidArgument` (a history entry of another ticket, a prefix that is empty or not letters and
    ///   digits), `backendFailure`.
    func createTicket(
        _ draft: TicketDraft, history: [TicketHistoryEntry], outbox: [OutboxNotification.Draft]
    ) async throws -> Ticket

    /// Stores a change of a ticket with what comes with it, in one transaction: the new ticket value, a
    /// comment, history entries and notifications, plus change-feed entries
    /// (``ChangeFeedEntry/Kind/ticketUpdated``, and ``ChangeFeedEntry/Kind/commentAdded`` with a comment).
    /// - Parameters:
    ///   - ticket: The new value. ``Ticket/id``, ``Ticket/number``, ``Ticket/accountID`` and
    ///     ``Ticket/createdAt`` must equal the stored ones; ``Ticket/version`` is ignored.
    ///   - expectedVersion: The version the caller read; the write happens only if it is still stored.
    ///   - history: Entries to record (each of this ticket).
    ///   - outbox: Notifications to write, created at the ticket's ``Ticket/updatedAt`` and due at once.
    ///   - comment: A comment to add (of this ticket), or `nil`.
    /// - Returns: The stored ticket, with version `expectedVersion + 1`.
    /// - Throws: ``StorageError`` `notFound`, `versionConflict` (context: expected and actual versions),
    ///   `invalidChange` (id, number, account or creation time changed), `invalidArgument` (a comment or
    ///   history entry of another ticket), `duplicateID` (a comment id that exists), `backendFailure`.
    func updateTicket(
        _ ticket: Ticket, expectedVersion: Int, history: [TicketHistoryEntry],
        outbox: [OutboxNotification.Draft], comment: Comment?
    ) async throws -> Ticket

    /// Reads a ticket.
    /// - Parameter id: The ticket's identifier.
    /// - Returns: The ticket, or `nil` when there is none.
    /// - Throws: ``StorageError`` `backendFailure`.
    func ticket(id: Ticket.ID) async throws -> Ticket?

    /// Finds a ticket by its number. The sequence identifies the ticket; the prefix must match too.
    /// - Parameter number: The number (``Ticket/Number`` parsing already uppercased the prefix).
    /// - Returns: The ticket, or `nil` when no ticket has that number.
    /// - Throws: ``StorageError`` `backendFailure`.
    func ticket(number: Ticket.Number) async throws -> Ticket?

    /// Lists an account's tickets, newest first (by number sequence, descending).
    /// - Parameters:
    ///   - account: The account.
    ///   - cursor: Where to continue (``Page/next`` of the previous page), or `nil` for the first page.
    ///   - limit: The most items to return (at least 1).
    /// - Returns: A page of tickets.
    /// - Throws: ``StorageError`` `invalidArgument`, `invalidCursor`, `backendFailure`.
    func tickets(account: Account.ID, after cursor: PageCursor?, limit: Int) async throws -> Page<Ticket>

    /// Reads a ticket's comments, all visibilities, in the order they were stored.
    /// - Parameter ticket: The ticket.
    /// - Returns: The comments (empty for an unknown ticket).
    /// - Throws: ``StorageError`` `backendFailure`.
    func comments(ticket: Ticket.ID) async throws -> [Comment]

    /// Reads a ticket's history, in the order it was recorded.
    /// - Parameter ticket: The ticket.
    /// - Returns: The history entries (empty for an unknown ticket).
    /// - Throws: ``StorageError`` `backendFailure`.
    func history(ticket: Ticket.ID) async throws -> [TicketHistoryEntry]

    /// Lists the support queue: tickets with status `new`, oldest ``Ticket/queuedAt`` first (ties by number).
    /// - Parameters:
    ///   - cursor: Where to continue, or `nil` for the first page.
    ///   - limit: The most items to return (at least 1).
    /// - Returns: A page of queued tickets.
    /// - Throws: ``StorageError`` `invalidArgument`, `invalidCursor`, `backendFailure`.
    func queue(after cursor: PageCursor?, limit: Int) async throws -> Page<Ticket>

    /// Atomically takes the oldest ticket of the queue for an agent: sets its status to `inProgress`, its
    /// assignee to `agent` and ``Ticket/updatedAt`` to `now`, increments its version, records the history
    /// entries ``TicketHistoryEntry/Change/status(from:to:)`` (`new` → `inProgress`) and
    /// ``TicketHistoryEntry/Change/assigned(_:)`` by `.agent(agent)` at `now`, and appends a
    /// ``ChangeFeedEntry/Kind/ticketUpdated`` entry.
    /// - Parameters:
    ///   - agent: The agent taking the ticket.
    ///   - now: The time of the claim.
    /// - Returns: The claimed ticket, or `nil` when the queue is empty.
    /// - Throws: ``StorageError`` `backendFailure`.
    func claimNext(agent: Agent.ID, now: Date) async throws -> Ticket?

    /// Lists tickets waiting for the customer whose ``Ticket/replyDeadline`` is strictly before `date`,
    /// earliest deadline first. Costs in proportion to the number returned.
    /// - Parameters:
    ///   - date: The moment (usually now): a deadline equal to it is not yet due.
    ///   - limit: The most tickets to return (at least 1).
    /// - Returns: The due tickets.
    /// - Throws: ``StorageError`` `invalidArgument`, `backendFailure`.
    func ticketsWaitingForCustomer(dueBefore date: Date, limit: Int) async throws -> [Ticket]

    /// Lists tickets waiting for the customer whose ``Ticket/reminderAt`` is strictly before `date`,
    /// earliest first. Costs in proportion to the number returned.
    /// - Parameters:
    ///   - date: The moment (usually now).
    ///   - limit: The most tickets to return (at least 1).
    /// - Returns: The tickets whose reminder is due.
    /// - Throws: ``StorageError`` `invalidArgument`, `backendFailure`.
    func ticketsNeedingReminder(dueBefore date: Date, limit: Int) async throws -> [Ticket]

    /// Imports whole tickets (a migration, a benchmark) in one transaction: all of them or none. Each
    /// ticket is stored as given (number, status, version), with its comments and history, and gets a
    /// ``ChangeFeedEntry/Kind/ticketCreated`` entry; no notifications are written. Numbers allocated
    /// afterwards are greater than every imported sequence.
    /// - Parameter tickets: The tickets; their accounts must exist.
    /// - Throws: ``StorageError`` `notFound` (an account), `duplicateID` (a ticket or comment id),
    ///   `duplicateTicketNumber`, `invalidArgument` (a comment or history entry of another ticket, a
    ///   version below 1), `backendFailure`.
    func importTickets(_ tickets: [ImportedTicket]) async throws
}
