internal import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides, before anything is written to a file, whether it is ours to open: a database marked with our
/// `PRAGMA application_id`, an empty one we may initialise, or an unmarked one made by an earlier version
/// of this library (recognised by its exact schema for its `user_version`). Anything else is refused.
///
/// Only reads: the header through `read(2)`, and when the header is unmarked, the schema through a
/// read-only connection whose side files (`-wal`, `-shm`) are removed afterwards if it created them.
enum SQLiteOwnership {
    /// What a file is, for the connection about to open it.
    enum State: Equatable {
        /// There is no file.
        case missing
        /// A zero-length file, or a database without any schema and without a mark: initialise it.
        case blank
        /// A database carrying our application id.
        case ours
        /// An unmarked database with exactly the schema our migrations produce for its version: mark it.
        case legacy
    }

    /// Classifies the file at `path`.
    /// - Parameters:
    ///   - path: The database file.
    ///   - applicationID: Our `PRAGMA application_id`.
    ///   - migrations: Our schema steps, to recognise an unmarked database of ours.
    /// - Returns: The file's state.
    /// - Throws: ``SQLiteError`` `notADatabase` / `corrupt` (not a usable SQLite file), `foreignDatabase`
    ///   (someone else's database), `openFailed` (cannot be read).
    static func classify(
        path: String, applicationID: UInt32, migrations: [SQLiteMigration]
    ) throws(SQLiteError)
        -> State
    {
        switch try SQLiteFileHeader.inspect(path: path) {
        case .missing: return .missing
        case .empty: return .blank
        case .database(let found) where found == applicationID: return .ours
        case .database(let found) where found != 0:
            throw foreign(path, "its application id is \(hex(found)), not SupportDesk's \(hex(applicationID))")
        case .database: return try classifyUnmarked(path: path, applicationID: applicationID, migrations: migrations)
        }
    }

    /// `0x5344534B`-style text for an application id.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    private static func foreign(_ path: String, _ found: String) -> SQLiteError {
        SQLiteError(
            .foreignDatabase,
            "is a SQLite database that is not a SupportDesk store (\(found)); it was not changed", path: path)
    }

    /// The header has no mark: look at the schema (a write-ahead log may also hold a newer first page).
    private static func classifyUnmarked(
        path: String, applicationID: UInt32, migrations: [SQLiteMigration]
    )
        throws(SQLiteError) -> State
    {
        let snapshot = try readSnapshot(path: path)
        if snapshot.applicationID == applicationID { return .ours }
        if snapshot.applicationID != 0 {
            throw foreign(
                path, "its application id is \(hex(snapshot.applicationID)), not SupportDesk's \(hex(applicationID))")
        }
        if snapshot.schema.isEmpty && snapshot.userVersion == 0 { return .blank }
        let latest = migrations.map(\.version).max() ?? 0
        if snapshot.userVersion >= 1, snapshot.userVersion <= latest,
            let expected = try? expectedSchema(migrations: migrations, version: snapshot.userVersion),
            expected == snapshot.schema
        {
            return .legacy
        }
        let names = snapshot.schema.filter { $0.type == "table" }.map(\.name)
        let tables = names.isEmpty ? "no tables" : "tables " + names.prefix(8).joined(separator: ", ")
        let more = names.count > 8 ? " and \(names.count - 8) more" : ""
        throw foreign(
            path,
            "no SupportDesk mark (application id 0), user_version \(snapshot.userVersion), \(tables)\(more)")
    }

    /// One schema object, as `sqlite_master` lists it.
    struct SchemaEntry: Hashable, Comparable {
        var type: String
        var name: String
        var table: String
        var sql: String

        static func < (lhs: SchemaEntry, rhs: SchemaEntry) -> Bool {
            (lhs.type, lhs.name, lhs.table, lhs.sql) < (rhs.type, rhs.name, rhs.table, rhs.sql)
        }
    }

    private struct Snapshot {
        var applicationID: UInt32
        var userVersion: Int
        var schema: [SchemaEntry]
    }

    private static func readSnapshot(path: String) throws(SQLiteError) -> Snapshot {
        let sideFiles = ["-wal", "-shm", "-journal"].map { path + $0 }
        let existedBefore = sideFiles.map { access($0, F_OK) == 0 }
        defer {
            for (file, existed) in zip(sideFiles, existedBefore) where !existed { unlink(file) }
        }
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        defer { sqlite3_close_v2(opened) }
        guard code == SQLITE_OK, let database = opened else {
            throw SQLiteConnection.error(code, database: opened, path: path, context: "cannot be opened")
        }
        sqlite3_extended_result_codes(database, 1)
        do throws(SQLiteError) {
            let schema = try schemaEntries(database, path: path)
            let applicationID = UInt32(truncatingIfNeeded: try integer(database, "PRAGMA application_id", path: path))
            let userVersion = Int(try integer(database, "PRAGMA user_version", path: path))
            return Snapshot(applicationID: applicationID, userVersion: userVersion, schema: schema)
        } catch {
            throw SQLiteConnection.describingOpenFailure(error, path: path)
        }
    }

    /// The schema our migrations up to `version` produce, built in a private in-memory database.
    static func expectedSchema(migrations: [SQLiteMigration], version: Int) throws(SQLiteError) -> [SchemaEntry] {
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(":memory:", &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        defer { sqlite3_close_v2(opened) }
        guard code == SQLITE_OK, let database = opened else {
            throw SQLiteConnection.error(code, database: opened, path: ":memory:", context: "cannot be opened")
        }
        for migration in migrations.sorted(by: { $0.version < $1.version }) where migration.version <= version {
            guard sqlite3_exec(database, migration.sql, nil, nil, nil) == SQLITE_OK else {
                throw SQLiteError(.migrationFailed, "migration \(migration.version) fails", path: ":memory:")
            }
        }
        return try schemaEntries(database, path: ":memory:")
    }

    private static func schemaEntries(_ database: OpaquePointer, path: String) throws(SQLiteError) -> [SchemaEntry] {
        let sql =
            "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(database, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        guard code == SQLITE_OK, let statement else {
            throw SQLiteConnection.error(code, database: database, path: path, context: "cannot read the schema")
        }
        var entries: [SchemaEntry] = []
        while true {
            let step = sqlite3_step(statement)
            guard step == SQLITE_ROW else {
                guard step == SQLITE_DONE else {
                    throw SQLiteConnection.error(
                        step, database: database, path: path, context: "cannot read the schema")
                }
                return entries.sorted()
            }
            entries.append(
                SchemaEntry(
                    type: text(statement, 0), name: text(statement, 1), table: text(statement, 2),
                    sql: text(statement, 3)))
        }
    }

    private static func integer(_ database: OpaquePointer, _ sql: String, path: String) throws(SQLiteError) -> Int64 {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(database, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        guard code == SQLITE_OK, let statement else {
            throw SQLiteConnection.error(code, database: database, path: path, context: "“\(sql)” failed")
        }
        let step = sqlite3_step(statement)
        guard step == SQLITE_ROW || step == SQLITE_DONE else {
            throw SQLiteConnection.error(step, database: database, path: path, context: "“\(sql)” failed")
        }
        return step == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : 0
    }

    private static func text(_ statement: OpaquePointer, _ index: Int32) -> String {
        guard let pointer = sqlite3_column_text(statement, index) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}
