#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

extension SQLiteStore {
    static let outboxColumns = """
        id, sequence, account_id, ticket_id, ticket_number, recipient, kind, body, comment_id, created_at, status, \
        attempts, next_attempt_at, last_error, delivered_at
        """

    public func pendingNotifications(dueAt date: Date, limit: Int) async throws -> [OutboxNotification] {
        try Self.checkLimit(limit)
        return try perform {
            try readNotifications(
                """
                SELECT \(Self.outboxColumns) FROM outbox INDEXED BY outbox_due
                WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, sequence LIMIT ?
                """, date, limit)
        }
    }

    public func notifications(after cursor: PageCursor?, limit: Int) async throws -> Page<OutboxNotification> {
        try Self.checkLimit(limit)
        var after: Int64 = 0
        if let cursor {
            let parts = cursor.rawValue.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == "outbox", let sequence = Int64(parts[1]) else {
                throw StorageError.invalidCursor(cursor)
            }
            after = sequence
        }
        let items = try perform {
            try readNotifications(
                "SELECT \(Self.outboxColumns) FROM outbox WHERE sequence > ? ORDER BY sequence LIMIT ?", after,
                limit + 1)
        }
        guard items.count > limit else { return Page(items: items, next: nil) }
        let kept = Array(items.prefix(limit))
        return Page(items: kept, next: kept.last.map { PageCursor(rawValue: "outbox:\($0.sequence)") })
    }

    public func notification(id: OutboxNotification.ID) async throws -> OutboxNotification? {
        try perform {
            try readNotifications("SELECT \(Self.outboxColumns) FROM outbox WHERE id = ?", id.rawValue).first
        }
    }

    @discardableResult
    public func markDelivered(_ id: OutboxNotification.ID, at date: Date) async throws -> OutboxNotification {
        try writing {
            guard
                let stored = try readNotifications("SELECT \(Self.outboxColumns) FROM outbox WHERE id = ?", id.rawValue)
                    .first
            else { throw StorageError.notificationNotFound(id) }
            guard stored.status != .delivered else { return stored }
            try connection.run(
                "UPDATE outbox SET status = 'delivered', delivered_at = ? WHERE id = ?", date, id.rawValue)
            var delivered = stored
            delivered.status = .delivered
            delivered.deliveredAt = date
            return delivered
        }
    }

    @discardableResult
    public func recordFailure(
        _ id: OutboxNotification.ID, error: String, at date: Date, retryAt: Date?
    ) async throws -> OutboxNotification {
        try writing {
            guard
                let stored = try readNotifications("SELECT \(Self.outboxColumns) FROM outbox WHERE id = ?", id.rawValue)
                    .first
            else { throw StorageError.notificationNotFound(id) }
            guard stored.status == .pending else {
                throw StorageError(
                    .invalidArgument, "notification \(id) is \(stored.status.rawValue), not pending",
                    context: StorageError.Context(notificationID: id))
            }
            var failed = stored
            failed.attempts += 1
            failed.lastError = error
            if let retryAt {
                failed.nextAttemptAt = retryAt
            } else {
                failed.status = .deadLetter
            }
            try connection.run(
                "UPDATE outbox SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
                failed.status.rawValue, failed.attempts, error, failed.nextAttemptAt, id.rawValue)
            return failed
        }
    }

    private func readNotifications(_ sql: String, _ values: any SQLiteBindable...) throws -> [OutboxNotification] {
        let rows = try connection.statement(sql)
        try rows.bind(values)
        defer { rows.reset() }
        var notifications: [OutboxNotification] = []
        while try rows.step() {
            let id = OutboxNotification.ID(rows.text(0))
            let numberText = rows.text(4)
            let recipientText = rows.text(5)
            let statusText = rows.text(10)
            let stored = SQLiteStoredRow(
                table: "outbox", record: "notification \(id)",
                context: StorageError.Context(
                    ticketID: Ticket.ID(rows.text(3)), notificationID: id, location: path))
            guard let number = try? Ticket.Number(numberText) else {
                throw stored.unreadable("ticket_number", "is not a valid ticket number")
            }
            guard let recipient = try? EmailAddress(recipientText) else {
                throw stored.unreadable("recipient", "is not a valid email address")
            }
            guard let status = OutboxNotification.Status(rawValue: statusText) else {
                throw stored.unknownValue("status", statusText)
            }
            notifications.append(
                OutboxNotification(
                    id: id, sequence: rows.int64(1), accountID: Account.ID(rows.text(2)),
                    ticketID: Ticket.ID(rows.text(3)),
                    ticketNumber: number, recipient: recipient, kind: OutboxNotification.Kind(rawValue: rows.text(6)),
                    body: rows.text(7), commentID: rows.optionalText(8).map(Comment.ID.init(rawValue:)),
                    createdAt: rows.date(9), status: status, attempts: Int(rows.int64(11)),
                    nextAttemptAt: rows.date(12), lastError: rows.optionalText(13), deliveredAt: rows.optionalDate(14)))
        }
        return notifications
    }
}
