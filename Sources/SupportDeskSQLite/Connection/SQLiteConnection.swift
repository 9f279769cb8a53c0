internal import CSQLite

/// One open connection to a SQLite database file, configured for SupportDesk: WAL journal,
/// `busy_timeout`, foreign keys on, `synchronous` as configured, schema migrated to the latest version.
///
/// A connection is not thread-safe: its owner serializes access (``SQLiteStore`` is an actor). Several
/// connections, in one process or several, may open the same file: WAL lets readers run beside one
/// writer, writers take the lock up front (`BEGIN IMMEDIATE`) and wait up to the busy timeout for it.
package final class SQLiteConnection {
    /// The database file.
    package let path: String
    /// The schema version after migration (`PRAGMA user_version`).
    package private(set) var schemaVersion: Int
    let handle: OpaquePointer
    private let cacheCapacity: Int
    private var cache: [String: SQLiteStatement] = [:]

    /// Opens (creating if needed, unless `configuration.access` says otherwise) and prepares a database file.
    ///
    /// An existing file is checked before anything is written to it: a file that is not a SQLite database,
    /// a damaged one, someone else's database (another application id, or an unmarked database whose
    /// schema is not exactly one `migrations` produce), or one whose schema version is newer than
    /// `migrations` know is refused and left byte-for-byte as it was. An empty database is initialised, an
    /// unmarked one of ours marked with `applicationID`.
    /// - Parameters:
    ///   - path: The database file (created if missing in ``SQLiteConfiguration/Access/readWrite``; its
    ///     directory must exist). An empty path, `:memory:` and `file:` URIs are refused.
    ///   - configuration: Durability, locking and access settings.
    ///   - migrations: The schema steps, versions 1, 2, 3, … in order.
    ///   - applicationID: The mark (`PRAGMA application_id`) of the files these migrations make.
    /// - Throws: ``SQLiteError`` (`invalidLocation`, `noSuchDatabase`, `openFailed`, `notADatabase`, `corrupt`,
    ///   `foreignDatabase`, `newerSchemaVersion`, `olderSchemaVersion`, `migrationFailed`, `busy`) naming
    ///   the file and the reason.
    package convenience init(
        path: String, configuration: SQLiteConfiguration = .default, migrations: [SQLiteMigration],
        applicationID: UInt32 = SQLiteSchema.applicationID
    )
        throws(SQLiteError)
    {
        try Self.checkLocation(path)
        let access = configuration.access
        let state = try SQLiteOwnership.classify(path: path, applicationID: applicationID, migrations: migrations)
        if state == .missing, !access.createsFile {
            throw SQLiteError(.noSuchDatabase, "does not exist (no database was created)", path: path)
        }
        if state == .blank, !access.writes {
            throw SQLiteError(
                .noSuchDatabase, "holds no SupportDesk database yet (it is empty); it was not changed", path: path)
        }
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        if access.createsFile { flags |= SQLITE_OPEN_CREATE }
        let handle = try Self.openHandle(path, flags: flags)
        try self.init(
            handle: handle, path: path, configuration: configuration, migrations: migrations,
            preparation: .file(state: state, applicationID: applicationID, writes: access.writes))
    }

    /// Opens a private in-memory database, migrated to the latest version: everything in it is lost when
    /// the connection is released. For throwaway stores (tests, previews) only.
    /// - Parameters:
    ///   - configuration: The settings (``SQLiteConfiguration/access`` and durability do not apply).
    ///   - migrations: The schema steps.
    /// - Throws: ``SQLiteError`` when SQLite cannot open it or a migration fails.
    package convenience init(
        inMemoryWith configuration: SQLiteConfiguration, migrations: [SQLiteMigration]
    )
        throws(SQLiteError)
    {
        let handle = try Self.openHandle(":memory:", flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX)
        try self.init(
            handle: handle, path: ":memory:", configuration: configuration, migrations: migrations,
            preparation: .inMemory)
    }

    /// How an open handle is prepared.
    private enum Preparation {
        case inMemory
        case file(state: SQLiteOwnership.State, applicationID: UInt32, writes: Bool)
    }

    private init(
        handle: OpaquePointer, path: String, configuration: SQLiteConfiguration, migrations: [SQLiteMigration],
        preparation: Preparation
    ) throws(SQLiteError) {
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, Int32(clamping: configuration.busyTimeoutMilliseconds))
        self.handle = handle
        self.path = path
        self.cacheCapacity = max(1, configuration.statementCacheCapacity)
        self.schemaVersion = 0

        // Read-only probes first: load the schema (damage to page 1 or the schema shows here) and the
        // version. Nothing has been written yet, so a refused file stays untouched.
        let latest = migrations.map(\.version).max() ?? 0
        do throws(SQLiteError) {
            if case .file(_, _, writes: false) = preparation { try execute("PRAGMA query_only=ON") }
            _ = try scalarInt("SELECT count(*) FROM sqlite_master")
            let found = Int(try scalarInt("PRAGMA user_version"))
            try Self.refuseNewer(found, latest: latest, path: path)
            if configuration.verifiesIntegrityOnOpen {
                let verdict = try scalarText("PRAGMA quick_check")
                guard verdict == "ok" else {
                    throw SQLiteError(
                        .corrupt, "is a damaged SQLite database: quick_check says “\(verdict)”", path: path)
                }
            }
            try prepare(preparation, configuration: configuration, migrations: migrations, found: found, latest: latest)
        } catch {
            cache.removeAll()
            sqlite3_close_v2(handle)
            throw Self.describingOpenFailure(error, path: path)
        }
    }

    /// Marks, switches to WAL and migrates a file we may write; only checks the version of one we only read.
    private func prepare(
        _ preparation: Preparation, configuration: SQLiteConfiguration, migrations: [SQLiteMigration], found: Int,
        latest: Int
    ) throws(SQLiteError) {
        switch preparation {
        case .inMemory:
            break
        case .file(_, _, writes: false):
            guard found == latest else {
                throw SQLiteError(
                    .olderSchemaVersion,
                    "has schema version \(found), older than this version's \(latest); open it for writing once to migrate it (a read-only open changes nothing)",
                    path: path)
            }
            schemaVersion = found
        case .file(let state, let applicationID, writes: true):
            // Only files known to be ours get here; the mark goes first, so a file initialised by a process
            // that stops half-way is still recognised as ours.
            if state != .ours { try execute("PRAGMA application_id=\(Int32(bitPattern: applicationID))") }
            try enableWriteAheadLog()
        }
        try execute("PRAGMA synchronous=\(configuration.synchronous.rawValue)")
        try execute("PRAGMA foreign_keys=ON")
        try execute("PRAGMA cache_size=-\(max(64, configuration.pageCacheKilobytes))")
        if case .file(_, _, writes: false) = preparation { return }
        try migrate(migrations, latest: latest)
    }

    /// Refuses paths that are not a file that keeps data: SQLite would open a private temporary or
    /// in-memory database, or interpret a URI, and every write would vanish.
    private static func checkLocation(_ path: String) throws(SQLiteError) {
        let reason: String? =
            if path.isEmpty {
                "an empty path opens a temporary database that is deleted when it is closed"
            } else if path == ":memory:" {
                "“:memory:” opens an in-memory database that is lost when it is closed"
            } else if path.hasPrefix("file:") {
                "“file:” URIs are not accepted; give a plain file path (prefix “./” for a file named “file:…”)"
            } else if path.utf8.contains(0) {
                "the path contains a NUL character"
            } else {
                nil
            }
        if let reason {
            throw SQLiteError(
                .invalidLocation, "is not a database file a store can keep data in: \(reason)", path: path)
        }
    }

    private static func openHandle(_ path: String, flags: Int32) throws(SQLiteError) -> OpaquePointer {
        var opened: OpaquePointer?
        let openCode = sqlite3_open_v2(path, &opened, flags, nil)
        guard openCode == SQLITE_OK, let handle = opened else {
            let message =
                opened.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(openCode))
            sqlite3_close_v2(opened)
            throw SQLiteError(
                .openFailed, "cannot be opened: \(message)", path: path, sqliteCode: openCode, sqliteMessage: message)
        }
        return handle
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    // MARK: Statements

    /// A prepared statement for `sql`, from the cache when it was prepared before; reset, with no bindings.
    /// - Parameter sql: One SQL statement with `?` parameters.
    /// - Returns: The statement, ready to bind and step.
    /// - Throws: ``SQLiteError`` when the SQL does not compile.
    package func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = cache[sql] {
            cached.reset()
            return cached
        }
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            throw Self.error(code, database: handle, path: path, context: "cannot prepare “\(sql)”")
        }
        let statement = SQLiteStatement(handle: prepared, sql: sql, database: handle, path: path)
        if cache.count >= cacheCapacity { cache.remove(at: cache.startIndex) }
        cache[sql] = statement
        return statement
    }

    /// Runs one or more statements without parameters (schema changes, pragmas).
    /// - Parameter sql: Statements separated by semicolons.
    /// - Throws: ``SQLiteError`` when one fails.
    package func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            throw Self.error(code, database: handle, path: path, context: "“\(Self.abbreviated(sql))” failed")
        }
    }

    /// Runs one statement with parameters to completion.
    /// - Parameters:
    ///   - sql: One SQL statement.
    ///   - values: The parameter values, in order.
    /// - Throws: ``SQLiteError`` when it fails.
    package func run(_ sql: String, _ values: any SQLiteBindable...) throws(SQLiteError) {
        let statement = try statement(sql)
        try statement.bind(values)
        try statement.run()
    }

    /// The first column of the first row of a query, as an integer (0 when there is no row).
    /// - Parameters:
    ///   - sql: One SQL query.
    ///   - values: The parameter values, in order.
    /// - Returns: The value.
    /// - Throws: ``SQLiteError`` when it fails.
    package func scalarInt(_ sql: String, _ values: any SQLiteBindable...) throws(SQLiteError) -> Int64 {
        let statement = try statement(sql)
        try statement.bind(values)
        defer { statement.reset() }
        return try statement.step() ? statement.int64(0) : 0
    }

    /// The first column of the first row of a query, as text (empty when there is no row).
    /// - Parameters:
    ///   - sql: One SQL query.
    ///   - values: The parameter values, in order.
    /// - Returns: The value.
    /// - Throws: ``SQLiteError`` when it fails.
    package func scalarText(_ sql: String, _ values: any SQLiteBindable...) throws(SQLiteError) -> String {
        let statement = try statement(sql)
        try statement.bind(values)
        defer { statement.reset() }
        return try statement.step() ? statement.text(0) : ""
    }

    /// The number of rows changed by the last `INSERT`, `UPDATE` or `DELETE`.
    package var changes: Int { Int(sqlite3_changes64(handle)) }

    /// The rowid of the last inserted row.
    package var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Whether a transaction is open.
    package var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    // MARK: Transactions

    /// Runs `body` in a write transaction (`BEGIN IMMEDIATE`: the write lock is taken up front, waiting
    /// up to the busy timeout), committing when it returns and rolling back when it throws.
    /// - Parameter body: The work; its statements all commit or none do.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or ``SQLiteError`` (`busy`, `misuse` for a nested call, …).
    package func write<T>(_ body: () throws -> T) throws -> T {
        try transaction("BEGIN IMMEDIATE", body)
    }

    /// Runs `body` in a read transaction (`BEGIN DEFERRED`), so its queries see one consistent snapshot.
    /// - Parameter body: The queries.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or ``SQLiteError``.
    package func read<T>(_ body: () throws -> T) throws -> T {
        try transaction("BEGIN DEFERRED", body)
    }

    private func transaction<T>(_ begin: String, _ body: () throws -> T) throws -> T {
        guard !isInTransaction else {
            throw SQLiteError(.misuse, "a transaction was started inside another one", path: path)
        }
        try statement(begin).run()
        do {
            let result = try body()
            try statement("COMMIT").run()
            return result
        } catch {
            if isInTransaction { sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
            throw error
        }
    }

    // MARK: Opening steps

    private func enableWriteAheadLog() throws(SQLiteError) {
        guard try scalarText("PRAGMA journal_mode").lowercased() != "wal" else { return }
        // Switching needs an exclusive lock; another process opening the same new file at the same moment
        // may hold it briefly, and this pragma does not wait through the busy handler, so retry a little.
        var attempts = 0
        while true {
            do throws(SQLiteError) {
                let mode = try scalarText("PRAGMA journal_mode=WAL").lowercased()
                guard mode == "wal" else {
                    throw SQLiteError(
                        .openFailed, "cannot switch to WAL mode (journal mode stays “\(mode)”)", path: path)
                }
                return
            } catch  where error.code == .busy && attempts < 50 {
                attempts += 1
                sqlite3_sleep(20)
            }
        }
    }

    private func migrate(_ migrations: [SQLiteMigration], latest: Int) throws(SQLiteError) {
        schemaVersion = Int(try scalarInt("PRAGMA user_version"))
        guard schemaVersion < latest else { return }
        let ordered = migrations.sorted { $0.version < $1.version }
        for (index, migration) in ordered.enumerated() where migration.version != index + 1 {
            throw SQLiteError(
                .migrationFailed, "migration versions must be 1, 2, 3, … (found \(migration.version))", path: path)
        }
        do {
            try write {
                // Another process may have migrated between the check above and taking the lock.
                let current = Int(try scalarInt("PRAGMA user_version"))
                try Self.refuseNewer(current, latest: latest, path: path)
                for migration in ordered where migration.version > current {
                    do throws(SQLiteError) { try execute(migration.sql) } catch {
                        throw SQLiteError(
                            .migrationFailed,
                            "migrating to schema version \(migration.version) failed: \(error.sqliteMessage ?? error.message); nothing was changed",
                            path: path, sqliteCode: error.sqliteCode, sqliteMessage: error.sqliteMessage)
                    }
                }
                try execute("PRAGMA user_version=\(latest)")
            }
        } catch let error as SQLiteError {
            throw error
        } catch {
            throw SQLiteError(.migrationFailed, "migration failed: \(error)", path: path)
        }
        schemaVersion = latest
    }

    private static func refuseNewer(_ found: Int, latest: Int, path: String) throws(SQLiteError) {
        guard found <= latest else {
            throw SQLiteError(
                .newerSchemaVersion,
                "was written by a newer version of SupportDesk (schema version \(found); this version knows up to \(latest)); it was not changed",
                path: path)
        }
    }

    /// Rewords the first failure of a probe on an existing file: SQLite's "file is not a database" and
    /// "malformed" errors become `notADatabase` / `corrupt` with the reason.
    static func describingOpenFailure(_ error: SQLiteError, path: String) -> SQLiteError {
        switch error.code {
        case .notADatabase where error.sqliteCode != nil:
            SQLiteError(
                .notADatabase,
                "is not a SQLite database (\(error.sqliteMessage ?? "unreadable header")); it was not changed",
                path: path, sqliteCode: error.sqliteCode, sqliteMessage: error.sqliteMessage)
        case .corrupt where error.sqliteCode != nil:
            SQLiteError(
                .corrupt, "is a damaged SQLite database (\(error.sqliteMessage ?? "malformed")); it was not changed",
                path: path, sqliteCode: error.sqliteCode, sqliteMessage: error.sqliteMessage)
        default: error
        }
    }

    // MARK: Errors

    /// Builds the error for SQLite result `code` on `database`.
    static func error(_ code: Int32, database: OpaquePointer?, path: String, context: String) -> SQLiteError {
        let text = database.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        let kind: SQLiteError.Code =
            switch code & 0xff {
            case SQLITE_BUSY, SQLITE_LOCKED: .busy
            case SQLITE_CONSTRAINT: .constraintViolation
            case SQLITE_READONLY: .readOnly
            case SQLITE_IOERR, SQLITE_FULL: .ioFailure
            case SQLITE_CORRUPT: .corrupt
            case SQLITE_NOTADB: .notADatabase
            case SQLITE_CANTOPEN: .openFailed
            case SQLITE_MISUSE: .misuse
            default: .statementFailed
            }
        return SQLiteError(kind, "\(context): \(text)", path: path, sqliteCode: code, sqliteMessage: text)
    }

    private static func abbreviated(_ sql: String) -> String {
        let flat = sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return flat.count > 80 ? String(flat.prefix(77)) + "…" : flat
    }
}
