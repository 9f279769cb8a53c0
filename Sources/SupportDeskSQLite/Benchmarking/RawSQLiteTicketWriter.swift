internal import CSQLite

/// The baseline of the create-ticket benchmark: the same rows ``SQLiteStore/createTicket(_:history:outbox:)``
/// writes (number counter, ticket, history entry, two notifications, change-feed entry, in one
/// `BEGIN IMMEDIATE` transaction), with the same schema and pragmas, written straight through the SQLite
/// C API with prepared statements and pre-encoded JSON: no actor, no encoding, no checks.
///
/// Benchmark support only (`@_spi(Benchmarks)`); not part of the SDK's API.
@_spi(Benchmarks)
public final class RawSQLiteTicketWriter {
    private let database: OpaquePointer
    private var statements: [OpaquePointer] = []
    private let path: String

    /// Creates a database at `path` with SupportDesk's schema and one account `raw-account`.
    /// - Parameters:
    ///   - path: A new database file.
    ///   - configuration: The pragmas to use (as for ``SQLiteStore``).
    /// - Throws: ``SQLiteError`` when SQLite fails.
    public init(path: String, configuration: SQLiteConfiguration = .default) throws(SQLiteError) {
        // The schema and pragmas come from the same code as the store's, then the connection is let go.
        do { _ = try SQLiteConnection(path: path, configuration: configuration, migrations: SQLiteSchema.migrations) }
        var opened: OpaquePointer?
        guard sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
            let opened
        else {
            sqlite3_close_v2(opened)
            throw SQLiteError(.openFailed, "cannot be opened", path: path)
        }
        database = opened
        self.path = path
        sqlite3_busy_timeout(database, Int32(configuration.busyTimeoutMilliseconds))
        try exec("PRAGMA journal_mode=WAL")
        try exec("PRAGMA synchronous=\(configuration.synchronous.rawValue)")
        try exec("PRAGMA foreign_keys=ON")
        try exec(
            """
            INSERT INTO accounts (id, company, company_key, sharing, created_at)
            VALUES ('raw-account', 'Raw', 'raw', '{"allEmployees":{}}', 0)
            """)
        for sql in [
            "BEGIN IMMEDIATE",
            "UPDATE ticket_number_sequence SET last = last + 1 WHERE id = 1 RETURNING last",
            """
            INSERT INTO tickets (number_sequence, id, number_prefix, account_id, topic_id, category_id, fields, status,
                created_at, updated_at, queued_at, version)
            VALUES (?, ?, 'TW', 'raw-account', 'chat-dialog', 'chats', ?, 'new', ?, ?, ?, 1)
            """,
            "INSERT INTO ticket_history (ticket_seq, at, actor, change, reason) VALUES (?, ?, ?, ?, '')",
            """
            INSERT INTO outbox (id, account_id, ticket_id, ticket_number, recipient, kind, body, created_at, status,
                attempts, next_attempt_at)
            VALUES (?, 'raw-account', ?, ?, ?, 'ticket_created', ?, ?, 'pending', 0, ?)
            """,
            "INSERT INTO changes (kind, ticket_id, ticket_version, recorded_at) VALUES ('ticket_created', ?, 1, ?)",
            "COMMIT",
        ] {
            var statement: OpaquePointer?
            guard
                sqlite3_prepare_v3(database, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
                let statement
            else { throw failure("prepare") }
            statements.append(statement)
        }
    }

    deinit {
        for statement in statements { sqlite3_finalize(statement) }
        sqlite3_close_v2(database)
    }

    /// Writes one ticket with its history entry, two notifications and its change-feed entry, durably.
    /// - Parameters:
    ///   - id: The ticket's id (unique).
    ///   - fieldsJSON: The field values, already JSON.
    ///   - at: The creation time, seconds since 2001.
    /// - Returns: The allocated number sequence.
    /// - Throws: ``SQLiteError`` when SQLite fails.
    @discardableResult
    public func createTicket(id: String, fieldsJSON: String, at: Double) throws(SQLiteError) -> Int64 {
        let begin = statements[0], counter = statements[1], outbox = statements[4], change = statements[5]
        let commit = statements[6]
        try run(begin)
        guard sqlite3_step(counter) == SQLITE_ROW else { throw rollback("number") }
        let sequence = sqlite3_column_int64(counter, 0)
        sqlite3_reset(counter)
        try insertTicketAndHistory(sequence: sequence, id: id, fieldsJSON: fieldsJSON, at: at)
        for (index, recipient) in ["anna@romashka.ru", "boris@romashka.ru"].enumerated() {
            bindText(outbox, 1, "\(id)-n\(index)")
            bindText(outbox, 2, id)
            bindText(outbox, 3, "TW-\(sequence)")
            bindText(outbox, 4, recipient)
            bindText(outbox, 5, "Заявка создана")
            sqlite3_bind_double(outbox, 6, at)
            sqlite3_bind_double(outbox, 7, at)
            guard sqlite3_step(outbox) == SQLITE_DONE else { throw rollback("outbox") }
            sqlite3_reset(outbox)
        }
        bindText(change, 1, id)
        sqlite3_bind_double(change, 2, at)
        guard sqlite3_step(change) == SQLITE_DONE else { throw rollback("change") }
        sqlite3_reset(change)
        try run(commit)
        return sequence
    }

    /// The ticket row and its creation history entry, as both the durable create and the import write them.
    @inline(__always)
    private func insertTicketAndHistory(
        sequence: Int64, id: String, fieldsJSON: String, at: Double
    )
        throws(SQLiteError)
    {
        let ticket = statements[2], history = statements[3]
        sqlite3_bind_int64(ticket, 1, sequence)
        bindText(ticket, 2, id)
        bindText(ticket, 3, fieldsJSON)
        sqlite3_bind_double(ticket, 4, at)
        sqlite3_bind_double(ticket, 5, at)
        sqlite3_bind_double(ticket, 6, at)
        guard sqlite3_step(ticket) == SQLITE_DONE else { throw rollback("ticket") }
        sqlite3_reset(ticket)
        sqlite3_bind_int64(history, 1, sequence)
        sqlite3_bind_double(history, 2, at)
        bindText(history, 3, #"{"customer":{"_0":"anna@romashka.ru"}}"#)
        bindText(history, 4, #"{"created":{}}"#)
        guard sqlite3_step(history) == SQLITE_DONE else { throw rollback("history") }
        sqlite3_reset(history)
    }

    /// Writes tickets in one transaction the way ``SQLiteStore/importTickets(_:)`` does (ticket row, one
    /// history entry, one change-feed entry each, then the number counter), for the bulk-import baseline.
    /// - Parameters:
    ///   - ids: The tickets' ids (unique); their sequences are `firstSequence`, `firstSequence + 1`, ….
    ///   - fieldsJSON: The field values of every ticket, already JSON.
    ///   - firstSequence: The number sequence of the first ticket (above every stored one).
    /// - Throws: ``SQLiteError`` when SQLite fails.
    public func importTickets(ids: [String], fieldsJSON: String, firstSequence: Int64) throws(SQLiteError) {
        let begin = statements[0], change = statements[5], commit = statements[6]
        try run(begin)
        var sequence = firstSequence
        for id in ids {
            let at = Double(sequence)
            try insertTicketAndHistory(sequence: sequence, id: id, fieldsJSON: fieldsJSON, at: at)
            bindText(change, 1, id)
            sqlite3_bind_double(change, 2, at)
            guard sqlite3_step(change) == SQLITE_DONE else { throw rollback("change") }
            sqlite3_reset(change)
            sequence += 1
        }
        guard
            sqlite3_exec(database, "UPDATE ticket_number_sequence SET last = max(last, \(sequence - 1))", nil, nil, nil)
                == SQLITE_OK
        else { throw rollback("number") }
        try run(commit)
    }

    private func bindText(_ statement: OpaquePointer, _ index: Int32, _ text: String) {
        let length = Int32(text.utf8.count)
        text.withCString {
            _ = sqlite3_bind_text(statement, index, $0, length, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }

    private func run(_ statement: OpaquePointer) throws(SQLiteError) {
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else { throw failure("step") }
    }

    private func exec(_ sql: String) throws(SQLiteError) {
        guard sqlite3_exec(database, sql, nil, nil, nil) == SQLITE_OK else { throw failure(sql) }
    }

    private func rollback(_ what: String) -> SQLiteError {
        let error = failure(what)
        for statement in statements { sqlite3_reset(statement) }
        sqlite3_exec(database, "ROLLBACK", nil, nil, nil)
        return error
    }

    private func failure(_ what: String) -> SQLiteError {
        SQLiteConnection.error(sqlite3_errcode(database), database: database, path: path, context: "raw \(what) failed")
    }
}
