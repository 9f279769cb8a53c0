#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension HelpCenter {
    /// Closes every ticket whose customer did not answer within the reply period, and sends the reminders
    /// that are due (when the policy has them).
    ///
    /// A ticket asked at `t` is due once now is **after** `t + replyPeriod` (with the default 2 days: still
    /// open at 47 h 59 min and at exactly 48 h, closed at 48 h 1 min). It is closed with reason
    /// ``Ticket/CloseReason/noCustomerReply``, its history records “closed automatically”, and every address
    /// of the account is notified.
    ///
    /// The sweep is idempotent (a second run finds nothing due), costs in proportion to the number of due
    /// tickets (it reads them through the store's deadline index), and is safe to run from several processes
    /// at once: each close is a versioned write, and a ticket that another writer changed first (the
    /// customer answered, another sweep closed it) is re-read and left alone unless it is still due.
    /// - Parameter batchSize: How many due tickets to read at a time (at least 1).
    /// - Returns: What was closed, reminded and skipped.
    /// - Throws: ``HelpCenterError`` `storage` (the work done before the failure stays done).
    @discardableResult
    public func sweep(batchSize: Int = 100) async throws(HelpCenterError) -> SweepReport {
        let date = now()
        var report = SweepReport()
        let closing = try await drainDue(batchSize: batchSize) { limit throws(HelpCenterError) in
            try await stored { try await store.ticketsWaitingForCustomer(dueBefore: date, limit: limit) }
        } handle: { ticket throws(HelpCenterError) in
            try await closeForNoReply(ticket, at: date)
        }
        report.closed = closing.handled
        report.skipped = closing.skipped
        guard policy.reminderAfter != nil else { return report }
        let reminding = try await drainDue(batchSize: batchSize) { limit throws(HelpCenterError) in
            try await stored { try await store.ticketsNeedingReminder(dueBefore: date, limit: limit) }
        } handle: { ticket throws(HelpCenterError) in
            try await remind(ticket, at: date)
        }
        report.reminded = reminding.handled
        report.skipped += reminding.skipped
        return report
    }

    /// Reads due tickets a batch at a time and hands each to `handle` once; a ticket `handle` skips (another
    /// process changed it first) is reported as skipped and not read again. Costs in proportion to the number
    /// of due tickets.
    private func drainDue<Handled>(
        batchSize: Int,
        due: (_ limit: Int) async throws(HelpCenterError) -> [Ticket],
        handle: (Ticket) async throws(HelpCenterError) -> Handled?
    ) async throws(HelpCenterError) -> (handled: [Handled], skipped: [Ticket.Number]) {
        var handled: [Handled] = []
        var skipped: [Ticket.Number] = []
        var attempted = Set<Ticket.ID>()
        while true {
            let limit = max(1, batchSize) + attempted.count
            let batch = try await due(limit)
            let fresh = batch.filter { !attempted.contains($0.id) }
            if fresh.isEmpty { break }
            for ticket in fresh {
                attempted.insert(ticket.id)
                if let result = try await handle(ticket) {
                    handled.append(result)
                } else {
                    skipped.append(ticket.number)
                }
            }
            if batch.count < limit { break }
        }
        return (handled, skipped)
    }

    /// Closes one due ticket; `nil` when it turned out not to be due any more.
    private func closeForNoReply(_ found: Ticket, at date: Date) async throws(HelpCenterError) -> Ticket? {
        var ticket = found
        for _ in 0...policy.conflictRetries {
            guard ticket.status == .waitingForCustomer, let deadline = ticket.replyDeadline, deadline < date else {
                return nil
            }
            var next = ticket
            next.status = try transition(.autoClose, ticket, by: .system)
            next.closeReason = .noCustomerReply
            next.closedAt = date
            next.updatedAt = date
            next.replyDeadline = nil
            next.reminderAt = nil
            let history = [
                TicketHistoryEntry(
                    ticketID: ticket.id, at: date, actor: .system,
                    change: .status(from: .waitingForCustomer, to: .closed),
                    reason: "closed automatically: no customer reply for more than "
                        + NotificationMessages.duration(policy.replyPeriod, .en)
                        + " (the reply was due by \(NotificationMessages.timestamp(deadline)))")
            ]
            let outbox = notifications(.closedNoReply, ticket: next, account: try await account(of: ticket))
            do {
                return try await store.updateTicket(
                    next, expectedVersion: ticket.version, history: history, outbox: outbox, comment: nil)
            } catch let error as StorageError where error.code == .versionConflict {
                guard let reread = try await stored({ try await store.ticket(id: ticket.id) }) else { return nil }
                ticket = reread
            } catch {
                throw Self.storageFailure(error)
            }
        }
        return nil
    }

    /// Sends one due reminder; `nil` when it turned out not to be due any more.
    private func remind(_ found: Ticket, at date: Date) async throws(HelpCenterError) -> Ticket? {
        var ticket = found
        for _ in 0...policy.conflictRetries {
            guard ticket.status == .waitingForCustomer, let reminderAt = ticket.reminderAt, reminderAt < date else {
                return nil
            }
            var next = ticket
            next.reminderAt = nil
            next.updatedAt = date
            let history = [
                TicketHistoryEntry(
                    ticketID: ticket.id, at: date, actor: .system, change: .reminded,
                    reason: "reminded the customer of the unanswered question")
            ]
            let outbox = notifications(.reminder, ticket: next, account: try await account(of: ticket))
            do {
                return try await store.updateTicket(
                    next, expectedVersion: ticket.version, history: history, outbox: outbox, comment: nil)
            } catch let error as StorageError where error.code == .versionConflict {
                guard let reread = try await stored({ try await store.ticket(id: ticket.id) }) else { return nil }
                ticket = reread
            } catch {
                throw Self.storageFailure(error)
            }
        }
        return nil
    }
}
