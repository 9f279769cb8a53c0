#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

extension SQLiteStore {
    /// The ticket columns, in the order ``readTicket(_:)`` reads them.
    static let ticketColumns = """
        id, number_prefix, number_sequence, account_id, topic_id, category_id, fields, status, assignee, \
        close_reason, created_at, updated_at, queued_at, reply_deadline, reminder_at, closed_at, version
        """

    public func createTicket(
        _ draft: TicketDraft, history: [TicketHistoryEntry], outbox: [OutboxNotification.Draft]
    ) async throws -> Ticket {
        let prefix = draft.numberPrefix.uppercased()
        guard !prefix.isEmpty,
            prefix.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else {
            throw StorageError(
                .invalidArgument,
                "the number prefix “\(draft.numberPrefix)” of ticket \(draft.id) is not letters and digits",
                context: StorageError.Context(ticketID: draft.id))
        }
        try Self.checkHistory(history, of: draft.id)
        let fields = try perform { try json(draft.fields) }
        return try writing {
            let sequence = try connection.scalarInt(
                "UPDATE ticket_number_sequence SET last = last + 1 WHERE id = 1 RETURNING last")
            let ticket = draft.ticket(number: Ticket.Number(prefix: prefix, sequence: sequence))
            // The schema's constraints check the account (foreign key) and the id (unique) as the row goes
            // in, in the same B-tree searches the insert makes anyway; a refusal rolls the whole transaction
            // back, number included.
            do {
                try insertTicket(ticket, fieldsJSON: fields)
            } catch let error as SQLiteError where error.code == .constraintViolation {
                if error.isForeignKeyViolation { throw StorageError.accountNotFound(draft.accountID) }
                guard error.sqliteMessage?.contains("tickets.id") == true else { throw error }
                throw StorageError(
                    .duplicateID, "a ticket with id \(draft.id) already exists",
                    context: StorageError.Context(ticketID: draft.id))
            }
            try insertHistory(history, ticketSequence: sequence)
            try insertOutbox(outbox, of: ticket, at: draft.createdAt)
            try appendChange(.ticketCreated, ticket: ticket.id, comment: nil, version: 1, at: draft.createdAt)
            return ticket
        }
    }

    public func updateTicket(
        _ ticket: Ticket, expectedVersion: Int, history: [TicketHistoryEntry], outbox: [OutboxNotification.Draft],
        comment: Comment?
    ) async throws -> Ticket {
        try Self.checkHistory(history, of: ticket.id)
        if let comment, comment.ticketID != ticket.id {
            throw StorageError(
                .invalidArgument, "comment \(comment.id) belongs to ticket \(comment.ticketID), not \(ticket.id)",
                context: StorageError.Context(ticketID: ticket.id))
        }
        let fields = try perform { try json(ticket.fields) }
        let attachments = try perform { try comment.map { try json($0.attachments) } }
        let author = try perform { try comment.map { try json($0.author) } }
        return try writing {
            let stored = try connection.statement(
                "SELECT number_prefix, number_sequence, account_id, created_at, version FROM tickets WHERE id = ?")
            try stored.bind(ticket.id.rawValue, at: 1)
            guard try stored.step() else {
                stored.reset()
                throw StorageError.ticketNotFound(ticket.id)
            }
            let number = Ticket.Number(prefix: stored.text(0), sequence: stored.int64(1))
            let accountID = Account.ID(stored.text(2))
            let createdAt = stored.date(3)
            let version = Int(stored.int64(4))
            stored.reset()
            guard version == expectedVersion else {
                throw StorageError.versionConflict(ticket: ticket.id, expected: expectedVersion, actual: version)
            }
            guard number == ticket.number, accountID == ticket.accountID, createdAt == ticket.createdAt else {
                throw StorageError(
                    .invalidChange,
                    "an update of ticket \(ticket.id) may not change its number, account or creation time",
                    context: StorageError.Context(accountID: accountID, ticketID: ticket.id, ticketNumber: number))
            }
            let update = try connection.statement(
                """
                UPDATE tickets SET topic_id = ?, category_id = ?, fields = ?, status = ?, assignee = ?,
                    close_reason = ?, updated_at = ?, queued_at = ?, reply_deadline = ?, reminder_at = ?,
                    closed_at = ?, version = version + 1
                WHERE id = ? AND version = ?
                """)
            try update.bind(
                ticket.topicID.rawValue, ticket.categoryID.rawValue, fields, ticket.status.rawValue,
                ticket.assignee?.rawValue, ticket.closeReason?.rawValue, ticket.updatedAt, ticket.queuedAt,
                ticket.replyDeadline, ticket.reminderAt, ticket.closedAt, ticket.id.rawValue, expectedVersion)
            try update.run()
            guard connection.changes == 1 else {
                throw StorageError.versionConflict(ticket: ticket.id, expected: expectedVersion, actual: version)
            }
            var updated = ticket
            updated.version = expectedVersion + 1
            if let comment, let attachments, let author {
                try insertComment(
                    comment, ticketSequence: number.sequence, authorJSON: author, attachmentsJSON: attachments)
            }
            try insertHistory(history, ticketSequence: number.sequence)
            try insertOutbox(outbox, of: updated, at: ticket.updatedAt)
            try appendChange(
                .ticketUpdated, ticket: ticket.id, comment: nil, version: updated.version, at: ticket.updatedAt)
            if let comment {
                try appendChange(
                    .commentAdded, ticket: ticket.id, comment: comment.id, version: updated.version,
                    at: ticket.updatedAt)
            }
            return updated
        }
    }

    public func ticket(id: Ticket.ID) async throws -> Ticket? {
        try perform {
            try readTickets("SELECT \(Self.ticketColumns) FROM tickets WHERE id = ?", id.rawValue).first
        }
    }

    public func ticket(number: Ticket.Number) async throws -> Ticket? {
        try perform {
            try readTickets(
                "SELECT \(Self.ticketColumns) FROM tickets WHERE number_sequence = ? AND number_prefix = ?",
                number.sequence, number.prefix
            ).first
        }
    }

    public func tickets(account: Account.ID, after cursor: PageCursor?, limit: Int) async throws -> Page<Ticket> {
        try Self.checkLimit(limit)
        let before = try cursor.map { cursor throws(StorageError) in try Self.parseTicketCursor(cursor) } ?? Int64.max
        let tickets = try perform {
            try readTickets(
                """
                SELECT \(Self.ticketColumns) FROM tickets INDEXED BY tickets_by_account
                WHERE account_id = ? AND number_sequence < ? ORDER BY number_sequence DESC LIMIT ?
                """, account.rawValue, before, limit + 1)
        }
        return Self.page(tickets, limit: limit) { PageCursor(rawValue: "tickets:\($0.number.sequence)") }
    }

    public func comments(ticket: Ticket.ID) async throws -> [Comment] {
        try perform {
            let rows = try connection.statement(
                """
                SELECT id, author, visibility, body, attachments, created_at FROM comments
                WHERE ticket_seq = (SELECT number_sequence FROM tickets WHERE id = ?) ORDER BY position
                """)
            try rows.bind(ticket.rawValue, at: 1)
            // Reset even when a row fails to decode: a statement left mid-way keeps its read snapshot open.
            defer { rows.reset() }
            var comments: [Comment] = []
            while try rows.step() {
                let id = Comment.ID(rows.text(0))
                let stored = SQLiteStoredRow(
                    table: "comments", record: "comment \(id) of ticket \(ticket)",
                    context: StorageError.Context(ticketID: ticket, location: path))
                let visibilityText = rows.text(2)
                guard let visibility = Comment.Visibility(rawValue: visibilityText) else {
                    throw stored.unknownValue("visibility", visibilityText)
                }
                comments.append(
                    Comment(
                        id: id, ticketID: ticket,
                        author: try decode(Actor.self, rows.text(1), column: "author", of: stored),
                        visibility: visibility, body: rows.text(3),
                        attachments: try decode([Attachment].self, rows.text(4), column: "attachments", of: stored),
                        createdAt: rows.date(5)))
            }
            return comments
        }
    }

    public func history(ticket: Ticket.ID) async throws -> [TicketHistoryEntry] {
        try perform {
            let rows = try connection.statement(
                """
                SELECT at, actor, change, reason, position FROM ticket_history
                WHERE ticket_seq = (SELECT number_sequence FROM tickets WHERE id = ?) ORDER BY position
                """)
            try rows.bind(ticket.rawValue, at: 1)
            defer { rows.reset() }
            var entries: [TicketHistoryEntry] = []
            while try rows.step() {
                let stored = SQLiteStoredRow(
                    table: "ticket_history", record: "history entry \(rows.int64(4)) of ticket \(ticket)",
                    context: StorageError.Context(ticketID: ticket, location: path))
                entries.append(
                    TicketHistoryEntry(
                        ticketID: ticket, at: rows.date(0),
                        actor: try decode(Actor.self, rows.text(1), column: "actor", of: stored),
                        change: try decode(TicketHistoryEntry.Change.self, rows.text(2), column: "change", of: stored),
                        reason: rows.text(3)))
            }
            return entries
        }
    }

    public func queue(after cursor: PageCursor?, limit: Int) async throws -> Page<Ticket> {
        try Self.checkLimit(limit)
        let tickets: [Ticket]
        if let cursor {
            let (queuedAt, sequence) = try Self.parseQueueCursor(cursor)
            tickets = try perform {
                try readTickets(
                    """
                    SELECT \(Self.ticketColumns) FROM tickets INDEXED BY tickets_queue
                    WHERE status = 'new' AND (coalesce(queued_at, created_at), number_sequence) > (?, ?)
                    ORDER BY coalesce(queued_at, created_at), number_sequence LIMIT ?
                    """, queuedAt, sequence, limit + 1)
            }
        } else {
            tickets = try perform {
                try readTickets(
                    """
                    SELECT \(Self.ticketColumns) FROM tickets INDEXED BY tickets_queue
                    WHERE status = 'new' ORDER BY coalesce(queued_at, created_at), number_sequence LIMIT ?
                    """, limit + 1)
            }
        }
        return Self.page(tickets, limit: limit) { ticket in
            let queuedAt = (ticket.queuedAt ?? ticket.createdAt).timeIntervalSinceReferenceDate
            return PageCursor(rawValue: "queue:\(String(queuedAt.bitPattern, radix: 16)):\(ticket.number.sequence)")
        }
    }

    public func claimNext(agent: Agent.ID, now: Date) async throws -> Ticket? {
        let actor = try perform { try json(Actor.agent(agent)) }
        let statusChange = try perform { try json(TicketHistoryEntry.Change.status(from: .new, to: .inProgress)) }
        let assigned = try perform { try json(TicketHistoryEntry.Change.assigned(agent)) }
        return try writing {
            // One statement under the write lock: the oldest queued ticket is taken by exactly one claimer,
            // in this process or another.
            guard
                let ticket = try readTickets(
                    """
                    UPDATE tickets SET status = 'in_progress', assignee = ?, updated_at = ?, version = version + 1
                    WHERE number_sequence = (
                        SELECT number_sequence FROM tickets INDEXED BY tickets_queue WHERE status = 'new'
                        ORDER BY coalesce(queued_at, created_at), number_sequence LIMIT 1)
                      AND status = 'new'
                    RETURNING \(Self.ticketColumns)
                    """, agent.rawValue, now
                ).first
            else { return nil }
            let insert = try connection.statement(
                "INSERT INTO ticket_history (ticket_seq, at, actor, change, reason) VALUES (?, ?, ?, ?, '')")
            try insert.bind(ticket.number.sequence, now, actor, statusChange)
            try insert.run()
            insert.reset()
            try insert.bind(ticket.number.sequence, now, actor, assigned)
            try insert.run()
            try appendChange(.ticketUpdated, ticket: ticket.id, comment: nil, version: ticket.version, at: now)
            return ticket
        }
    }

    public func ticketsWaitingForCustomer(dueBefore date: Date, limit: Int) async throws -> [Ticket] {
        try Self.checkLimit(limit)
        return try perform {
            try readTickets(
                """
                SELECT \(Self.ticketColumns) FROM tickets INDEXED BY tickets_reply_deadline
                WHERE status = 'waiting_for_customer' AND reply_deadline IS NOT NULL AND reply_deadline < ?
                ORDER BY reply_deadline, number_sequence LIMIT ?
                """, date, limit)
        }
    }

    public func ticketsNeedingReminder(dueBefore date: Date, limit: Int) async throws -> [Ticket] {
        try Self.checkLimit(limit)
        return try perform {
            try readTickets(
                """
                SELECT \(Self.ticketColumns) FROM tickets INDEXED BY tickets_reminder
                WHERE status = 'waiting_for_customer' AND reminder_at IS NOT NULL AND reminder_at < ?
                ORDER BY reminder_at, number_sequence LIMIT ?
                """, date, limit)
        }
    }

    public func importTickets(_ tickets: [ImportedTicket]) async throws {
        for imported in tickets {
            let ticket = imported.ticket
            guard ticket.version >= 1 else {
                throw StorageError(
                    .invalidArgument, "imported ticket \(ticket.id) has version \(ticket.version); versions start at 1",
                    context: StorageError.Context(ticketID: ticket.id))
            }
            guard !ticket.number.prefix.isEmpty, ticket.number.sequence > 0 else {
                throw StorageError(
                    .invalidArgument, "imported ticket \(ticket.id) has an invalid number \(ticket.number)",
                    context: StorageError.Context(ticketID: ticket.id))
            }
            try Self.checkHistory(imported.history, of: ticket.id)
            for comment in imported.comments where comment.ticketID != ticket.id {
                throw StorageError(
                    .invalidArgument, "comment \(comment.id) belongs to ticket \(comment.ticketID), not \(ticket.id)",
                    context: StorageError.Context(ticketID: ticket.id))
            }
        }
        try writing {
            var knownAccounts = Set<Account.ID>()
            var highest: Int64 = 0
            // The hot statements, looked up once for the whole batch.
            let ticketInsert = try connection.statement(Self.insertTicketSQL)
            let historyInsert = try connection.statement(Self.insertHistorySQL)
            let changeInsert = try connection.statement(Self.appendChangeSQL)
            for imported in tickets {
                let ticket = imported.ticket
                if !knownAccounts.contains(ticket.accountID) {
                    guard try exists("SELECT 1 FROM accounts WHERE id = ?", ticket.accountID.rawValue) else {
                        throw StorageError.accountNotFound(ticket.accountID)
                    }
                    knownAccounts.insert(ticket.accountID)
                }
                do {
                    try insertTicket(ticket, fieldsJSON: try json(ticket.fields), using: ticketInsert)
                } catch let error as SQLiteError where error.code == .constraintViolation {
                    if error.sqliteMessage?.contains("tickets.id") == true {
                        throw StorageError(
                            .duplicateID, "a ticket with id \(ticket.id) already exists",
                            context: StorageError.Context(ticketID: ticket.id))
                    }
                    throw StorageError(
                        .duplicateTicketNumber, "the ticket number \(ticket.number) is already taken",
                        context: StorageError.Context(ticketID: ticket.id, ticketNumber: ticket.number))
                }
                for comment in imported.comments {
                    try insertComment(
                        comment, ticketSequence: ticket.number.sequence, authorJSON: try json(comment.author),
                        attachmentsJSON: try json(comment.attachments))
                }
                try insertHistory(imported.history, ticketSequence: ticket.number.sequence, using: historyInsert)
                try appendChange(
                    .ticketCreated, ticket: ticket.id, comment: nil, version: ticket.version, at: ticket.createdAt,
                    using: changeInsert)
                highest = max(highest, ticket.number.sequence)
            }
            try connection.run("UPDATE ticket_number_sequence SET last = max(last, ?) WHERE id = 1", highest)
        }
    }

    // MARK: Rows

    func exists(_ sql: String, _ value: String) throws -> Bool {
        let statement = try connection.statement(sql)
        try statement.bind(value, at: 1)
        defer { statement.reset() }
        return try statement.step()
    }

    func readTickets(_ sql: String, _ values: any SQLiteBindable...) throws -> [Ticket] {
        let rows = try connection.statement(sql)
        try rows.bind(values)
        defer { rows.reset() }
        var tickets: [Ticket] = []
        while try rows.step() { tickets.append(try readTicket(rows)) }
        return tickets
    }

    func readTicket(_ row: SQLiteStatement) throws -> Ticket {
        let id = Ticket.ID(row.text(0))
        let number = Ticket.Number(prefix: row.text(1), sequence: row.int64(2))
        let stored = ticketRow(id, number: number)
        let statusText = row.text(7)
        guard let status = Ticket.Status(rawValue: statusText) else {
            throw stored.unknownValue("status", statusText)
        }
        let closeReason = try row.optionalText(9).map { text throws(StorageError) in
            guard let reason = Ticket.CloseReason(rawValue: text) else {
                throw stored.unknownValue("close_reason", text)
            }
            return reason
        }
        return Ticket(
            id: id, number: number,
            accountID: Account.ID(row.text(3)), topicID: Topic.ID(row.text(4)), categoryID: Category.ID(row.text(5)),
            fields: try decode(FieldValues.self, row.text(6), column: "fields", of: stored),
            status: status, assignee: row.optionalText(8).map(Agent.ID.init(rawValue:)), closeReason: closeReason,
            createdAt: row.date(10), updatedAt: row.date(11), queuedAt: row.optionalDate(12),
            replyDeadline: row.optionalDate(13), closedAt: row.optionalDate(15), version: Int(row.int64(16)),
            reminderAt: row.optionalDate(14))
    }

    static let insertTicketSQL = """
        INSERT INTO tickets (number_sequence, id, number_prefix, account_id, topic_id, category_id, fields, status,
            assignee, close_reason, created_at, updated_at, queued_at, reply_deadline, reminder_at, closed_at,
            version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    func insertTicket(_ ticket: Ticket, fieldsJSON: String, using statement: SQLiteStatement? = nil) throws {
        let insert = try statement ?? connection.statement(Self.insertTicketSQL)
        insert.reset()
        try insert.bind(ticket.number.sequence, at: 1)
        try insert.bind(ticket.id.rawValue, at: 2)
        try insert.bind(ticket.number.prefix, at: 3)
        try insert.bind(ticket.accountID.rawValue, at: 4)
        try insert.bind(ticket.topicID.rawValue, at: 5)
        try insert.bind(ticket.categoryID.rawValue, at: 6)
        try insert.bind(fieldsJSON, at: 7)
        try insert.bind(ticket.status.rawValue, at: 8)
        try ticket.assignee?.rawValue.bind(to: insert, at: 9)
        try ticket.closeReason?.rawValue.bind(to: insert, at: 10)
        try insert.bind(ticket.createdAt.timeIntervalSinceReferenceDate, at: 11)
        try insert.bind(ticket.updatedAt.timeIntervalSinceReferenceDate, at: 12)
        try ticket.queuedAt.bind(to: insert, at: 13)
        try ticket.replyDeadline.bind(to: insert, at: 14)
        try ticket.reminderAt.bind(to: insert, at: 15)
        try ticket.closedAt.bind(to: insert, at: 16)
        try insert.bind(Int64(ticket.version), at: 17)
        try insert.run()
    }

    static let insertHistorySQL =
        "INSERT INTO ticket_history (ticket_seq, at, actor, change, reason) VALUES (?, ?, ?, ?, ?)"

    func insertHistory(
        _ history: [TicketHistoryEntry], ticketSequence: Int64, using statement: SQLiteStatement? = nil
    ) throws {
        guard !history.isEmpty else { return }
        let insert = try statement ?? connection.statement(Self.insertHistorySQL)
        for entry in history {
            insert.reset()
            try insert.bind(ticketSequence, at: 1)
            try insert.bind(entry.at.timeIntervalSinceReferenceDate, at: 2)
            try insert.bind(try json(entry.actor), at: 3)
            try insert.bind(try json(entry.change), at: 4)
            try insert.bind(entry.reason, at: 5)
            try insert.run()
        }
    }

    func insertComment(_ comment: Comment, ticketSequence: Int64, authorJSON: String, attachmentsJSON: String) throws {
        let insert = try connection.statement(
            """
            INSERT INTO comments (id, ticket_seq, author, visibility, body, attachments, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        try insert.bind(
            comment.id.rawValue, ticketSequence, authorJSON, comment.visibility.rawValue, comment.body,
            attachmentsJSON, comment.createdAt)
        do {
            try insert.run()
        } catch {
            guard error.code == .constraintViolation, error.sqliteMessage?.contains("comments.id") == true else {
                throw error
            }
            throw StorageError(
                .duplicateID, "a comment with id \(comment.id) already exists",
                context: StorageError.Context(ticketID: comment.ticketID))
        }
    }

    func insertOutbox(_ drafts: [OutboxNotification.Draft], of ticket: Ticket, at date: Date) throws {
        guard !drafts.isEmpty else { return }
        let insert = try connection.statement(
            """
            INSERT INTO outbox (id, account_id, ticket_id, ticket_number, recipient, kind, body, comment_id,
                created_at, status, attempts, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?)
            """)
        let number = ticket.number.description
        for draft in drafts {
            insert.reset()
            try insert.bind(draft.id.rawValue, at: 1)
            try insert.bind(ticket.accountID.rawValue, at: 2)
            try insert.bind(ticket.id.rawValue, at: 3)
            try insert.bind(number, at: 4)
            try insert.bind(draft.recipient.rawValue, at: 5)
            try insert.bind(draft.kind.rawValue, at: 6)
            try insert.bind(draft.body, at: 7)
            try draft.commentID?.rawValue.bind(to: insert, at: 8)
            try insert.bind(date.timeIntervalSinceReferenceDate, at: 9)
            try insert.bind(date.timeIntervalSinceReferenceDate, at: 10)
            do {
                try insert.run()
            } catch {
                guard error.code == .constraintViolation, error.sqliteMessage?.contains("outbox.id") == true else {
                    throw error
                }
                throw StorageError(
                    .duplicateID, "a notification with id \(draft.id) already exists",
                    context: StorageError.Context(ticketID: ticket.id, notificationID: draft.id))
            }
        }
    }

    static let appendChangeSQL =
        "INSERT INTO changes (kind, ticket_id, comment_id, ticket_version, recorded_at) VALUES (?, ?, ?, ?, ?)"

    func appendChange(
        _ kind: ChangeFeedEntry.Kind, ticket: Ticket.ID, comment: Comment.ID?, version: Int, at date: Date,
        using statement: SQLiteStatement? = nil
    ) throws {
        let insert = try statement ?? connection.statement(Self.appendChangeSQL)
        insert.reset()
        try insert.bind(kind.rawValue, at: 1)
        try insert.bind(ticket.rawValue, at: 2)
        try comment?.rawValue.bind(to: insert, at: 3)
        try insert.bind(Int64(version), at: 4)
        try insert.bind(date.timeIntervalSinceReferenceDate, at: 5)
        try insert.run()
    }

    // MARK: Arguments and cursors

    static func checkHistory(_ history: [TicketHistoryEntry], of ticket: Ticket.ID) throws(StorageError) {
        for entry in history where entry.ticketID != ticket {
            throw StorageError(
                .invalidArgument, "a history entry of ticket \(entry.ticketID) was passed with ticket \(ticket)",
                context: StorageError.Context(ticketID: ticket))
        }
    }

    static func page(_ items: [Ticket], limit: Int, cursor: (Ticket) -> PageCursor) -> Page<Ticket> {
        guard items.count > limit else { return Page(items: items, next: nil) }
        let kept = Array(items.prefix(limit))
        return Page(items: kept, next: kept.last.map(cursor))
    }

    static func parseTicketCursor(_ cursor: PageCursor) throws(StorageError) -> Int64 {
        let parts = cursor.rawValue.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "tickets", let sequence = Int64(parts[1]) else {
            throw StorageError.invalidCursor(cursor)
        }
        return sequence
    }

    static func parseQueueCursor(_ cursor: PageCursor) throws(StorageError) -> (Double, Int64) {
        let parts = cursor.rawValue.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "queue", let bits = UInt64(parts[1], radix: 16),
            let sequence = Int64(parts[2])
        else { throw StorageError.invalidCursor(cursor) }
        return (Double(bitPattern: bits), sequence)
    }
}
