internal import CSQLite

/// SQLite's "copy the bytes now" destructor for bound text and blobs.
private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement, owned and cached by its ``SQLiteConnection``.
///
/// Bind parameters (1-based), then ``step()`` until it returns `false`, reading columns (0-based)
/// while it returns `true`. The connection resets the statement and clears its bindings when it hands
/// it out again.
package final class SQLiteStatement {
    let handle: OpaquePointer
    /// The SQL text, for error messages.
    package let sql: String
    private let database: OpaquePointer
    private let path: String

    init(handle: OpaquePointer, sql: String, database: OpaquePointer, path: String) {
        self.handle = handle
        self.sql = sql
        self.database = database
        self.path = path
    }

    deinit { sqlite3_finalize(handle) }

    /// Resets the statement so it can run again, and clears its bindings.
    package func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: Binding

    /// Binds values to parameters 1, 2, ….
    /// - Parameter values: The values, in parameter order.
    /// - Throws: ``SQLiteError`` when a value cannot be bound.
    package func bind(_ values: any SQLiteBindable...) throws(SQLiteError) {
        try bind(values)
    }

    /// Binds values to parameters 1, 2, ….
    /// - Parameter values: The values, in parameter order.
    /// - Throws: ``SQLiteError`` when a value cannot be bound.
    package func bind(_ values: [any SQLiteBindable]) throws(SQLiteError) {
        for (offset, value) in values.enumerated() {
            try value.bind(to: self, at: Int32(offset + 1))
        }
    }

    /// Binds SQL `NULL`.
    package func bindNull(at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_null(handle, index))
    }

    /// Binds an integer.
    package func bind(_ value: Int64, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    /// Binds a floating-point number.
    package func bind(_ value: Double, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_double(handle, index, value))
    }

    /// Binds text (copied by SQLite).
    package func bind(_ value: String, at index: Int32) throws(SQLiteError) {
        let length = Int32(value.utf8.count)
        let code = value.withCString { sqlite3_bind_text(handle, index, $0, length, transientDestructor) }
        try check(code)
    }

    /// Binds a blob (copied by SQLite).
    package func bind(blob value: [UInt8], at index: Int32) throws(SQLiteError) {
        let code = value.withUnsafeBytes { buffer in
            sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), transientDestructor)
        }
        try check(code)
    }

    private func check(_ code: Int32) throws(SQLiteError) {
        guard code == SQLITE_OK else {
            throw SQLiteConnection.error(
                code, database: database, path: path, context: "cannot bind a parameter of “\(sql)”")
        }
    }

    // MARK: Running

    /// Runs the statement one step.
    /// - Returns: `true` when a row is available, `false` when the statement is done.
    /// - Throws: ``SQLiteError`` when the statement fails (the statement is reset).
    @discardableResult
    package func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteConnection.error(code, database: database, path: path, context: "“\(sql)” failed")
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs the statement to completion, ignoring any rows.
    /// - Throws: ``SQLiteError`` when the statement fails.
    package func run() throws(SQLiteError) {
        while try step() {}
    }

    // MARK: Reading columns of the current row

    /// Whether column `index` of the current row is `NULL`.
    package func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    /// Column `index` of the current row as an integer (`0` for `NULL`).
    package func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// Column `index` of the current row as a floating-point number (`0` for `NULL`).
    package func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }

    /// Column `index` of the current row as text (`""` for `NULL`).
    package func text(_ index: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Column `index` of the current row as text, or `nil` for `NULL`.
    package func optionalText(_ index: Int32) -> String? { isNull(index) ? nil : text(index) }

    /// Column `index` of the current row as an integer, or `nil` for `NULL`.
    package func optionalInt64(_ index: Int32) -> Int64? { isNull(index) ? nil : int64(index) }

    /// Column `index` of the current row as a floating-point number, or `nil` for `NULL`.
    package func optionalDouble(_ index: Int32) -> Double? { isNull(index) ? nil : double(index) }

    /// Column `index` of the current row as bytes (empty for `NULL`).
    package func blob(_ index: Int32) -> [UInt8] {
        guard let pointer = sqlite3_column_blob(handle, index) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, index))
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
