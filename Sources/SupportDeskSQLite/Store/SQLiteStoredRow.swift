/// A row of the SupportDesk schema, named the way errors name it: the table, the record as people know it
/// (`ticket TW-12 (id …)`), and its identifiers for ``StorageError/Context``.
///
/// Every value the store cannot read back from a row (undecodable JSON, an unknown enum value, an invalid
/// email or number) becomes a ``StorageError`` `unreadableStore` naming this row, never a raw decoder or
/// SQLite message.
struct SQLiteStoredRow {
    /// The table.
    let table: String
    /// The record, as people name it.
    let record: String
    /// The record's identifiers and the store's location.
    let context: StorageError.Context

    /// The error for a value of `column` that cannot be read.
    /// - Parameters:
    ///   - column: The column.
    ///   - problem: What is wrong with its value, in words.
    /// - Returns: An `unreadableStore` error naming the table, the row and the column.
    func unreadable(_ column: String, _ problem: String) -> StorageError {
        var context = context
        context.underlying = "column “\(column)”: \(problem)"
        return StorageError.unreadableRecord(
            record, table: table, problem: "its “\(column)” \(problem)", context: context)
    }

    /// The error for an enumeration value that is not one of the known values.
    /// - Parameters:
    ///   - column: The column.
    ///   - value: The stored text.
    /// - Returns: An `unreadableStore` error.
    func unknownValue(_ column: String, _ value: String) -> StorageError {
        unreadable(column, "holds “\(Self.abbreviated(value))”, which is not a known value")
    }

    /// The error for a JSON column that does not decode.
    /// - Parameters:
    ///   - column: The column.
    ///   - error: The decoder's error (summarised, not quoted).
    /// - Returns: An `unreadableStore` error.
    func undecodable(_ column: String, _ error: any Error) -> StorageError {
        let reason: String =
            switch error {
            case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty: "is not valid JSON"
            case DecodingError.dataCorrupted(let context): "has an invalid value at \(Self.path(context.codingPath))"
            case DecodingError.keyNotFound(let key, let context):
                "lacks “\(key.stringValue)” at \(Self.path(context.codingPath))"
            case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
                "has a value of the wrong type at \(Self.path(context.codingPath))"
            default: "cannot be decoded"
            }
        return unreadable(column, reason)
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "the top level" : codingPath.map(\.stringValue).joined(separator: ".")
    }

    private static func abbreviated(_ value: String) -> String {
        let cleaned = String(
            value.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
        return cleaned.count > 40 ? String(cleaned.prefix(37)) + "…" : cleaned
    }
}
