import Synchronization

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A complete ``SupportDeskStore`` kept in memory, for tests, previews and embedding.
///
/// All state sits behind one `Mutex`: every operation validates first, then applies all its changes
/// under the lock, so operations are atomic and serializable. Indexes (the queue, reply deadlines,
/// reminders, pending notifications, an account's tickets) are sorted arrays searched by bisection, so
/// the deadline and queue queries cost in proportion to what they return. Nothing is persisted.
public final class InMemoryStore: SupportDeskStore {
    private let state: Mutex<State>

    /// Creates an empty store.
    /// - Parameter firstTicketSequence: The sequence of the first ticket number allocated (1 by default;
    ///   a help center migrating from another tool may start at 1042).
    public init(firstTicketSequence: Int64 = 1) {
        state = Mutex(State(nextTicketSequence: max(1, firstTicketSequence)))
    }

    // MARK: - AccountStore

    /// Stores a new account, enforcing company and member-email uniqueness.
    /// - Parameter account: The account.
    /// - Throws: ``StorageError`` `duplicateCompany`, `duplicateMember`, `duplicateID`.
    public func createAccount(_ account: Account) async throws {
        try state.withLock { state in
            guard state.accounts[account.id] == nil else {
                throw StorageError(
                    .duplicateID, "an account with id \(account.id) already exists",
                    context: .init(accountID: account.id))
            }
            let key = account.companyKey
            if let existing = state.accountByCompany[key] {
                throw StorageError.duplicateCompany(account.company, existing: existing)
            }
            var seen = Set<String>()
            for member in account.members {
                if let existing = state.accountByMember[member.matchKey] {
                    throw StorageError.duplicateMember(member, existing: existing)
                }
                guard seen.insert(member.matchKey).inserted else {
                    throw StorageError(
                        .duplicateMember, "\(member) is listed twice among the members of “\(account.company)”",
                        context: .init(email: member))
                }
            }
            state.accounts[account.id] = account
            state.accountByCompany[key] = account.id
            for member in account.members { state.accountByMember[member.matchKey] = account.id }
        }
    }

    /// Reads an account.
    /// - Parameter id: The account's identifier.
    /// - Returns: The account, or `nil`.
    public func account(id: Account.ID) async throws -> Account? {
        state.withLock { $0.accounts[id] }
    }

    /// Finds the account an email is a member of.
    /// - Parameter email: The member email.
    /// - Returns: The account, or `nil`.
    public func account(memberEmail email: EmailAddress) async throws -> Account? {
        state.withLock { state in state.accountByMember[email.matchKey].flatMap { state.accounts[$0] } }
    }

    /// Finds the account of a company.
    /// - Parameter company: The company name as typed.
    /// - Returns: The account, or `nil`.
    public func account(company: String) async throws -> Account? {
        state.withLock { state in
            state.accountByCompany[Account.companyKey(for: company)].flatMap { state.accounts[$0] }
        }
    }

    // MARK: - TicketStore

    /// Creates a ticket, allocating its number, with its history and notifications.
    /// - Parameters:
    ///   - draft: The ticket without its number.
    ///   - history: Its first history entries.
    ///   - outbox: Notifications to write.
    /// - Returns: The stored ticket.
    /// - Throws: ``StorageError`` `notFound`, `duplicateID`, `invalidArgument`.
    public func createTicket(
        _ draft: TicketDraft, history: [TicketHistoryEntry], outbox: [OutboxNotification.Draft]
    ) async throws -> Ticket {
        let prefix = try Self.checkedPrefix(draft.numberPrefix)
        try Self.checkHistory(history, of: draft.id)
        return try state.withLock { state in
            guard state.accounts[draft.accountID] != nil else { throw StorageError.accountNotFound(draft.accountID) }
            guard state.tickets[draft.id] == nil else {
                throw StorageError(
                    .duplicateID, "a ticket with id \(draft.id) already exists", context: .init(ticketID: draft.id))
            }
            try state.checkNewNotifications(outbox)
            let sequence = state.nextTicketSequence
            state.nextTicketSequence += 1
            let ticket = draft.ticket(number: Ticket.Number(prefix: prefix, sequence: sequence))
            state.insertTicket(ticket)
            state.history[ticket.id, default: []].append(contentsOf: history)
            state.appendNotifications(outbox, for: ticket, at: ticket.createdAt)
            state.appendChange(.ticketCreated, ticket: ticket, at: ticket.createdAt)
            return ticket
        }
    }

    /// Stores a change of a ticket with its comment, history and notifications, if the version matches.
    /// - Parameters:
    ///   - ticket: The new value.
    ///   - expectedVersion: The version the caller read.
    ///   - history: Entries to record.
    ///   - outbox: Notifications to write.
    ///   - comment: A comment to add.
    /// - Returns: The stored ticket.
    /// - Throws: ``StorageError`` `notFound`, `versionConflict`, `invalidChange`, `invalidArgument`,
    ///   `duplicateID`.
    public func updateTicket(
        _ ticket: Ticket, expectedVersion: Int, history: [TicketHistoryEntry],
        outbox: [OutboxNotification.Draft], comment: Comment?
    ) async throws -> Ticket {
        try Self.checkHistory(history, of: ticket.id)
        if let comment, comment.ticketID != ticket.id {
            throw StorageError(
                .invalidArgument, "comment \(comment.id) belongs to ticket \(comment.ticketID), not \(ticket.id)",
                context: .init(ticketID: ticket.id))
        }
        return try state.withLock { state in
            guard let stored = state.tickets[ticket.id] else { throw StorageError.ticketNotFound(ticket.id) }
            guard stored.version == expectedVersion else {
                throw StorageError.versionConflict(ticket: ticket.id, expected: expectedVersion, actual: stored.version)
            }
            try Self.checkImmutable(stored: stored, new: ticket)
            if let comment, state.commentIDs.contains(comment.id) {
                throw StorageError(
                    .duplicateID, "a comment with id \(comment.id) already exists", context: .init(ticketID: ticket.id))
            }
            try state.checkNewNotifications(outbox)
            var updated = ticket
            updated.version = stored.version + 1
            state.replaceTicket(stored, with: updated)
            if let comment {
                state.comments[ticket.id, default: []].append(comment)
                state.commentIDs.insert(comment.id)
            }
            state.history[ticket.id, default: []].append(contentsOf: history)
            state.appendNotifications(outbox, for: updated, at: updated.updatedAt)
            state.appendChange(.ticketUpdated, ticket: updated, at: updated.updatedAt)
            if let comment {
                state.appendChange(.commentAdded, ticket: updated, comment: comment.id, at: updated.updatedAt)
            }
            return updated
        }
    }

    /// Reads a ticket.
    /// - Parameter id: The ticket's identifier.
    /// - Returns: The ticket, or `nil`.
    public func ticket(id: Ticket.ID) async throws -> Ticket? {
        state.withLock { $0.tickets[id] }
    }

    /// Finds a ticket by its number.
    /// - Parameter number: The number.
    /// - Returns: The ticket, or `nil`.
    public func ticket(number: Ticket.Number) async throws -> Ticket? {
        state.withLock { state in
            guard let id = state.ticketBySequence[number.sequence], let ticket = state.tickets[id],
                ticket.number.prefix == number.prefix.uppercased()
            else { return nil }
            return ticket
        }
    }

    /// Lists an account's tickets, newest first.
    /// - Parameters:
    ///   - account: The account.
    ///   - cursor: Where to continue.
    ///   - limit: The most items to return.
    /// - Returns: A page of tickets.
    /// - Throws: ``StorageError`` `invalidArgument`, `invalidCursor`.
    public func tickets(account: Account.ID, after cursor: PageCursor?, limit: Int) async throws -> Page<Ticket> {
        guard limit >= 1 else { throw StorageError.invalidLimit(limit) }
        let tag = "account:\(account.rawValue):"
        var before = Int64.max
        if let cursor {
            guard cursor.rawValue.hasPrefix(tag), let value = Int64(cursor.rawValue.dropFirst(tag.count)) else {
                throw StorageError.invalidCursor(cursor)
            }
            before = value
        }
        return state.withLock { state in
            guard let index = state.ticketsByAccount[account] else { return Page(items: [], next: nil) }
            var position = index.lowerBound(before) - 1
            var items: [Ticket] = []
            while position >= 0, items.count < limit {
                if let id = state.ticketBySequence[index[position]], let ticket = state.tickets[id] {
                    items.append(ticket)
                }
                position -= 1
            }
            let more = position >= 0 && position + 1 < index.count
            return Page(items: items, next: more ? PageCursor(rawValue: "\(tag)\(index[position + 1])") : nil)
        }
    }

    /// Reads a ticket's comments in the order they were stored.
    /// - Parameter ticket: The ticket.
    /// - Returns: The comments.
    public func comments(ticket: Ticket.ID) async throws -> [Comment] {
        state.withLock { $0.comments[ticket] ?? [] }
    }

    /// Reads a ticket's history in the order it was recorded.
    /// - Parameter ticket: The ticket.
    /// - Returns: The history entries.
    public func history(ticket: Ticket.ID) async throws -> [TicketHistoryEntry] {
        state.withLock { $0.history[ticket] ?? [] }
    }

    /// Lists the support queue, oldest first.
    /// - Parameters:
    ///   - cursor: Where to continue.
    ///   - limit: The most items to return.
    /// - Returns: A page of queued tickets.
    /// - Throws: ``StorageError`` `invalidArgument`, `invalidCursor`.
    public func queue(after cursor: PageCursor?, limit: Int) async throws -> Page<Ticket> {
        guard limit >= 1 else { throw StorageError.invalidLimit(limit) }
        let after = try cursor.map { try Self.decodeQueueCursor($0) }
        return state.withLock { state in
            var position = after.map { state.queue.upperBound($0) } ?? 0
            var items: [Ticket] = []
            while position < state.queue.count, items.count < limit {
                if let ticket = state.ticket(sequence: state.queue[position].sequence) { items.append(ticket) }
                position += 1
            }
            let more = position < state.queue.count && position > 0
            return Page(items: items, next: more ? Self.queueCursor(state.queue[position - 1]) : nil)
        }
    }

    /// Atomically takes the oldest queued ticket for an agent.
    /// - Parameters:
    ///   - agent: The agent.
    ///   - now: The time of the claim.
    /// - Returns: The claimed ticket, or `nil` when the queue is empty.
    public func claimNext(agent: Agent.ID, now: Date) async throws -> Ticket? {
        state.withLock { state in
            guard let key = state.queue.first, let stored = state.ticket(sequence: key.sequence) else { return nil }
            var claimed = stored
            claimed.status = .inProgress
            claimed.assignee = agent
            claimed.updatedAt = now
            claimed.version = stored.version + 1
            state.replaceTicket(stored, with: claimed)
            state.history[claimed.id, default: []].append(contentsOf: [
                TicketHistoryEntry(
                    ticketID: claimed.id, at: now, actor: .agent(agent), change: .status(from: .new, to: .inProgress)),
                TicketHistoryEntry(ticketID: claimed.id, at: now, actor: .agent(agent), change: .assigned(agent)),
            ])
            state.appendChange(.ticketUpdated, ticket: claimed, at: now)
            return claimed
        }
    }

    /// Lists tickets waiting for the customer whose reply deadline is before `date`.
    /// - Parameters:
    ///   - date: The moment.
    ///   - limit: The most tickets to return.
    /// - Returns: The due tickets, earliest deadline first.
    /// - Throws: ``StorageError`` `invalidArgument`.
    public func ticketsWaitingForCustomer(dueBefore date: Date, limit: Int) async throws -> [Ticket] {
        guard limit >= 1 else { throw StorageError.invalidLimit(limit) }
        return state.withLock { $0.tickets(in: $0.replyDeadlines, before: date, limit: limit) }
    }

    /// Lists tickets waiting for the customer whose reminder is due before `date`.
    /// - Parameters:
    ///   - date: The moment.
    ///   - limit: The most tickets to return.
    /// - Returns: The tickets, earliest reminder first.
    /// - Throws: ``StorageError`` `invalidArgument`.
    public func ticketsNeedingReminder(dueBefore date: Date, limit: Int) async throws -> [Ticket] {
        guard limit >= 1 else { throw StorageError.invalidLimit(limit) }
        return state.withLock { $0.tickets(in: $0.reminders, before: date, limit: limit) }
    }

    /// Imports whole tickets, all or none.
    /// - Parameter tickets: The tickets with their comments and history.
    /// - Throws: ``StorageError`` `notFound`, `duplicateID`, `duplicateTicketNumber`, `invalidArgument`.
    public func importTickets(_ tickets: [ImportedTicket]) async throws {
        for imported in tickets {
            let ticket = imported.ticket
            try Self.checkHistory(imported.history, of: ticket.id)
            for comment in imported.comments where comment.ticketID != ticket.id {
                throw StorageError(
                    .invalidArgument, "comment \(comment.id) belongs to ticket \(comment.ticketID), not \(ticket.id)",
                    context: .init(ticketID: ticket.id))
            }
            guard ticket.version >= 1 else {
                throw StorageError(
                    .invalidArgument, "ticket \(ticket.number) has version \(ticket.version); versions start at 1",
                    context: .init(ticketID: ticket.id, ticketNumber: ticket.number))
            }
            guard ticket.number.sequence >= 1 else {
                throw StorageError(
                    .invalidArgument, "ticket number \(ticket.number) is not positive",
                    context: .init(ticketID: ticket.id, ticketNumber: ticket.number))
            }
        }
        try state.withLock { state in
            var ids = Set<Ticket.ID>()
            var sequences = Set<Int64>()
            var commentIDs = Set<Comment.ID>()
            for imported in tickets {
                let ticket = imported.ticket
                guard state.accounts[ticket.accountID] != nil else {
                    throw StorageError.accountNotFound(ticket.accountID)
                }
                guard state.tickets[ticket.id] == nil, ids.insert(ticket.id).inserted else {
                    throw StorageError(
                        .duplicateID, "a ticket with id \(ticket.id) already exists",
                        context: .init(ticketID: ticket.id))
                }
                guard state.ticketBySequence[ticket.number.sequence] == nil,
                    sequences.insert(ticket.number.sequence).inserted
                else {
                    throw StorageError(
                        .duplicateTicketNumber, "the ticket number \(ticket.number) is already taken",
                        context: .init(ticketID: ticket.id, ticketNumber: ticket.number))
                }
                for comment in imported.comments {
                    guard !state.commentIDs.contains(comment.id), commentIDs.insert(comment.id).inserted else {
                        throw StorageError(
                            .duplicateID, "a comment with id \(comment.id) already exists",
                            context: .init(ticketID: ticket.id))
                    }
                }
            }
            for imported in tickets {
                let ticket = imported.ticket
                state.insertTicket(ticket)
                if !imported.comments.isEmpty {
                    state.comments[ticket.id, default: []].append(contentsOf: imported.comments)
                    for comment in imported.comments { state.commentIDs.insert(comment.id) }
                }
                if !imported.history.isEmpty {
                    state.history[ticket.id, default: []].append(contentsOf: imported.history)
                }
                state.nextTicketSequence = max(state.nextTicketSequence, ticket.number.sequence + 1)
                state.appendChange(.ticketCreated, ticket: ticket, at: ticket.updatedAt)
            }
        }
    }

    // MARK: - NotificationOutbox

    /// Lists pending notifications due at `date`.
    /// - Parameters:
    ///   - date: The moment.
    ///   - limit: The most to return.
    /// - Returns: The due notifications, earliest attempt first.
    /// - Throws: ``StorageError`` `invalidArgument`.
    public func pendingNotifications(dueAt date: Date, limit: Int) async throws -> [OutboxNotification] {
        guard limit >= 1 else { throw StorageError.invalidLimit(limit) }
        return state.withLock { state in
            var result: [OutboxNotification] = []
            for key in state.pending.keys {
                guard key.time <= date, result.count < limit else { break }
                if let index = state.notificationIndex(sequence: key.sequence) { result.append(state.outbox[index]) }
            }
            return result
        }
    }

    /// Lists all notifications in the order they were written.
    /// - Parameters:
    ///   - cursor: Where to continue.
    ///   - limit: The most to return.
    /// - Returns: A page of notifications.
    /// - Throws: ``StorageError`` `invalidArgument`, `invalidCursor`.
    public func notifications(after cursor: PageCursor?, limit: Int) async throws -> Page<OutboxNotification> {
        guard limit >= 1 else { throw StorageError.invalidLimit(limit) }
        let tag = "outbox:"
        var after: Int64 = 0
        if let cursor {
            guard cursor.rawValue.hasPrefix(tag), let value = Int64(cursor.rawValue.dropFirst(tag.count)) else {
                throw StorageError.invalidCursor(cursor)
            }
            after = value
        }
        return state.withLock { state in
            // Sequences are 1…count in order, so the position of `after` is `after` itself.
            let start = Int(clamping: max(0, min(after, Int64(state.outbox.count))))
            let end = min(state.outbox.count, start + limit)
            let items = Array(state.outbox[start..<end])
            let next = end < state.outbox.count ? items.last.map { PageCursor(rawValue: "\(tag)\($0.sequence)") } : nil
            return Page(items: items, next: next)
        }
    }

    /// Reads one notification.
    /// - Parameter id: The notification's identifier.
    /// - Returns: The notification, or `nil`.
    public func notification(id: OutboxNotification.ID) async throws -> OutboxNotification? {
        state.withLock { state in state.outboxByID[id].map { state.outbox[$0] } }
    }

    /// Records a successful delivery.
    /// - Parameters:
    ///   - id: The notification.
    ///   - date: When it was delivered.
    /// - Returns: The stored notification.
    /// - Throws: ``StorageError`` `notFound`.
    @discardableResult
    public func markDelivered(_ id: OutboxNotification.ID, at date: Date) async throws -> OutboxNotification {
        try state.withLock { state in
            guard let index = state.outboxByID[id] else { throw StorageError.notificationNotFound(id) }
            var notification = state.outbox[index]
            guard notification.status != .delivered else { return notification }
            if notification.status == .pending {
                state.pending.remove(TimeKey(time: notification.nextAttemptAt, sequence: notification.sequence))
            }
            notification.status = .delivered
            notification.deliveredAt = date
            state.outbox[index] = notification
            return notification
        }
    }

    /// Records a failed delivery attempt.
    /// - Parameters:
    ///   - id: The notification.
    ///   - error: What went wrong.
    ///   - date: When the attempt failed.
    ///   - retryAt: When to try again; `nil` moves it to the dead letters.
    /// - Returns: The stored notification.
    /// - Throws: ``StorageError`` `notFound`, `invalidArgument`.
    @discardableResult
    public func recordFailure(
        _ id: OutboxNotification.ID, error: String, at date: Date, retryAt: Date?
    ) async throws -> OutboxNotification {
        try state.withLock { state in
            guard let index = state.outboxByID[id] else { throw StorageError.notificationNotFound(id) }
            var notification = state.outbox[index]
            guard notification.status == .pending else {
                throw StorageError(
                    .invalidArgument,
                    "notification \(id) is \(notification.status.rawValue), not pending; a failure cannot be recorded",
                    context: .init(notificationID: id))
            }
            state.pending.remove(TimeKey(time: notification.nextAttemptAt, sequence: notification.sequence))
            notification.attempts += 1
            notification.lastError = error
            if let retryAt {
                notification.nextAttemptAt = retryAt
                state.pending.insert(TimeKey(time: retryAt, sequence: notification.sequence))
            } else {
                notification.status = .deadLetter
            }
            state.outbox[index] = notification
            return notification
        }
    }

    // MARK: - ChangeFeed

    /// Reads the changes after a position.
    /// - Parameters:
    ///   - position: The last sequence already processed.
    ///   - limit: The most entries to return.
    /// - Returns: Entries after `position`, ascending.
    /// - Throws: ``StorageError`` `invalidArgument`.
    public func changes(since position: Int64, limit: Int) async throws -> [ChangeFeedEntry] {
        guard limit >= 1 else { throw StorageError.invalidLimit(limit) }
        return state.withLock { state in
            // Sequences are 1…count in order.
            let start = Int(clamping: max(0, min(position, Int64(state.feed.count))))
            return Array(state.feed[start..<min(state.feed.count, start + limit)])
        }
    }

    /// The sequence of the latest change, or 0.
    /// - Returns: The latest position.
    public func latestChangeSequence() async throws -> Int64 {
        state.withLock { Int64($0.feed.count) }
    }

    // MARK: - Checks

    private static func checkedPrefix(_ prefix: String) throws -> String {
        guard !prefix.isEmpty,
            prefix.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else {
            throw StorageError(.invalidArgument, "the ticket number prefix “\(prefix)” must be letters and digits")
        }
        return prefix.uppercased()
    }

    private static func checkHistory(_ history: [TicketHistoryEntry], of ticket: Ticket.ID) throws {
        for entry in history where entry.ticketID != ticket {
            throw StorageError(
                .invalidArgument, "a history entry of ticket \(entry.ticketID) was given for ticket \(ticket)",
                context: .init(ticketID: ticket))
        }
    }

    private static func checkImmutable(stored: Ticket, new: Ticket) throws {
        var changed: [String] = []
        if stored.number != new.number { changed.append("number") }
        if stored.accountID != new.accountID { changed.append("account") }
        if stored.createdAt != new.createdAt { changed.append("creation time") }
        guard changed.isEmpty else {
            throw StorageError(
                .invalidChange,
                "ticket \(stored.number): the \(changed.joined(separator: ", ")) of a ticket cannot change",
                context: .init(ticketID: stored.id, ticketNumber: stored.number))
        }
    }

    private static func queueCursor(_ key: TimeKey) -> PageCursor {
        PageCursor(rawValue: "queue:\(key.time.timeIntervalSinceReferenceDate.bitPattern):\(key.sequence)")
    }

    private static func decodeQueueCursor(_ cursor: PageCursor) throws -> TimeKey {
        let parts = cursor.rawValue.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "queue", let bits = UInt64(parts[1]), let sequence = Int64(parts[2]) else {
            throw StorageError.invalidCursor(cursor)
        }
        return TimeKey(time: Date(timeIntervalSinceReferenceDate: Double(bitPattern: bits)), sequence: sequence)
    }
}

extension InMemoryStore {
    /// Everything the store holds, with its indexes.
    fileprivate struct State: Sendable {
        var accounts: [Account.ID: Account] = [:]
        var accountByCompany: [String: Account.ID] = [:]
        /// Member accounts by ``EmailAddress/matchKey``: addresses match ignoring case.
        var accountByMember: [String: Account.ID] = [:]

        var nextTicketSequence: Int64
        var tickets: [Ticket.ID: Ticket] = [:]
        var ticketBySequence: [Int64: Ticket.ID] = [:]
        var ticketsByAccount: [Account.ID: SortedKeys<Int64>] = [:]
        var comments: [Ticket.ID: [Comment]] = [:]
        var commentIDs: Set<Comment.ID> = []
        var history: [Ticket.ID: [TicketHistoryEntry]] = [:]

        var queue = SortedKeys<TimeKey>()
        var replyDeadlines = SortedKeys<TimeKey>()
        var reminders = SortedKeys<TimeKey>()

        var outbox: [OutboxNotification] = []
        var outboxByID: [OutboxNotification.ID: Int] = [:]
        var pending = SortedKeys<TimeKey>()

        var feed: [ChangeFeedEntry] = []

        init(nextTicketSequence: Int64) { self.nextTicketSequence = nextTicketSequence }

        func ticket(sequence: Int64) -> Ticket? {
            ticketBySequence[sequence].flatMap { tickets[$0] }
        }

        func notificationIndex(sequence: Int64) -> Int? {
            let index = Int(sequence) - 1
            return outbox.indices.contains(index) ? index : nil
        }

        func tickets(in index: SortedKeys<TimeKey>, before date: Date, limit: Int) -> [Ticket] {
            var result: [Ticket] = []
            for key in index.keys {
                guard key.time < date, result.count < limit else { break }
                if let ticket = ticket(sequence: key.sequence) { result.append(ticket) }
            }
            return result
        }

        func checkNewNotifications(_ drafts: [OutboxNotification.Draft]) throws {
            var ids = Set<OutboxNotification.ID>()
            for draft in drafts where outboxByID[draft.id] != nil || !ids.insert(draft.id).inserted {
                throw StorageError(
                    .duplicateID, "a notification with id \(draft.id) already exists",
                    context: .init(notificationID: draft.id))
            }
        }

        mutating func insertTicket(_ ticket: Ticket) {
            tickets[ticket.id] = ticket
            ticketBySequence[ticket.number.sequence] = ticket.id
            ticketsByAccount[ticket.accountID, default: SortedKeys()].insert(ticket.number.sequence)
            index(ticket)
        }

        mutating func replaceTicket(_ old: Ticket, with new: Ticket) {
            unindex(old)
            tickets[new.id] = new
            index(new)
        }

        private mutating func index(_ ticket: Ticket) {
            let sequence = ticket.number.sequence
            if ticket.status == .new {
                queue.insert(TimeKey(time: ticket.queuedAt ?? ticket.createdAt, sequence: sequence))
            }
            if ticket.status == .waitingForCustomer {
                if let deadline = ticket.replyDeadline {
                    replyDeadlines.insert(TimeKey(time: deadline, sequence: sequence))
                }
                if let reminder = ticket.reminderAt { reminders.insert(TimeKey(time: reminder, sequence: sequence)) }
            }
        }

        private mutating func unindex(_ ticket: Ticket) {
            let sequence = ticket.number.sequence
            if ticket.status == .new {
                queue.remove(TimeKey(time: ticket.queuedAt ?? ticket.createdAt, sequence: sequence))
            }
            if ticket.status == .waitingForCustomer {
                if let deadline = ticket.replyDeadline {
                    replyDeadlines.remove(TimeKey(time: deadline, sequence: sequence))
                }
                if let reminder = ticket.reminderAt { reminders.remove(TimeKey(time: reminder, sequence: sequence)) }
            }
        }

        mutating func appendNotifications(_ drafts: [OutboxNotification.Draft], for ticket: Ticket, at date: Date) {
            for draft in drafts {
                let notification = OutboxNotification(
                    id: draft.id, sequence: Int64(outbox.count + 1), accountID: ticket.accountID, ticketID: ticket.id,
                    ticketNumber: ticket.number, recipient: draft.recipient, kind: draft.kind, body: draft.body,
                    commentID: draft.commentID, createdAt: date)
                outboxByID[draft.id] = outbox.count
                outbox.append(notification)
                pending.insert(TimeKey(time: date, sequence: notification.sequence))
            }
        }

        mutating func appendChange(
            _ kind: ChangeFeedEntry.Kind, ticket: Ticket, comment: Comment.ID? = nil, at date: Date
        ) {
            feed.append(
                ChangeFeedEntry(
                    sequence: Int64(feed.count + 1), kind: kind, ticketID: ticket.id, commentID: comment,
                    ticketVersion: ticket.version, recordedAt: date))
        }
    }
}
