import CSQLite
import Foundation

/// Databases written straight through the SQLite C API, as another application (or an earlier version of
/// SupportDesk) would write them, and byte snapshots of a file with its side files.
enum RawDatabase {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `sql` on the file at `path` (created if missing) with a plain connection, then closes it.
    static func execute(_ path: String, _ sql: String) throws {
        var opened: OpaquePointer?
        defer { sqlite3_close_v2(opened) }
        guard sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK,
            let database = opened
        else { throw Failure(description: "cannot open \(path)") }
        var message: UnsafeMutablePointer<CChar>?
        defer { sqlite3_free(message) }
        guard sqlite3_exec(database, sql, nil, nil, &message) == SQLITE_OK else {
            throw Failure(description: message.map { String(cString: $0) } ?? "exec failed")
        }
    }

    /// The first column of the first row of `sql`, as an integer, read through a plain connection.
    static func integer(_ path: String, _ sql: String) throws -> Int64 {
        var opened: OpaquePointer?
        defer { sqlite3_close_v2(opened) }
        guard sqlite3_open_v2(path, &opened, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let database = opened else {
            throw Failure(description: "cannot open \(path)")
        }
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else {
            throw Failure(description: String(cString: sqlite3_errmsg(database)))
        }
        return sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : 0
    }

    /// The bytes of a file and of its `-wal`, `-shm` and `-journal` side files (`nil` for a missing one).
    struct Snapshot: Equatable {
        let files: [String: Data?]

        init(_ path: String) {
            var files: [String: Data?] = [:]
            for suffix in ["", "-wal", "-shm", "-journal"] {
                files[suffix] = FileManager.default.contents(atPath: path + suffix)
            }
            self.files = files
        }
    }
}
