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
        var attempted = Set<Ticket.ID>()
        while true {
            let limit = max(1, batchSize) + attempted.count
            let due = try await stored { try await store.ticketsWaitingForCustomer(dueBefore: date, limit: limit) }
            let fresh = due.filter { !attempted.contains($0.id) }
            if fresh.isEmpty { break }
            for ticket in fresh {
                attempted.insert(ticket.id)
                if let closed = try await closeForNoReply(ticket, at: date) {
                    report.closed.append(closed)
                } else {
                    report.skipped.append(ticket.number)
                }
            }
            if due.count < limit { break }
        }
        guard policy.reminderAfter != nil else { return report }
        attempted.removeAll()
        while true {
            let limit = max(1, batchSize) + attempted.count
            let due = try await stored { try await store.ticketsNeedingReminder(dueBefore: date, limit: limit) }
            let fresh = due.filter { !attempted.contains($0.id) }
            if fresh.isEmpty { break }
            for ticket in fresh {
                attempted.insert(ticket.id)
                if let reminded = try await remind(ticket, at: date) {
                    report.reminded.append(reminded)
                } else {
                    report.skipped.append(ticket.number)
                }
            }
            if due.count < limit { break }
        }
        return report
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
