#if canImport(FoundationEssentials)
package import FoundationEssentials
#else
package import Foundation
#endif

/// A Swift value that can be bound to a statement parameter.
package protocol SQLiteBindable {
    /// Binds the value to parameter `index` (1-based) of `statement`.
    /// - Throws: ``SQLiteError`` when SQLite refuses the value.
    func bind(to statement: SQLiteStatement, at index: Int32) throws(SQLiteError)
}

extension Int64: SQLiteBindable {
    package func bind(to statement: SQLiteStatement, at index: Int32) throws(SQLiteError) {
        try statement.bind(self, at: index)
    }
}

extension Int: SQLiteBindable {
    package func bind(to statement: SQLiteStatement, at index: Int32) throws(SQLiteError) {
        try statement.bind(Int64(self), at: index)
    }
}

extension Bool: SQLiteBindable {
    package func bind(to statement: SQLiteStatement, at index: Int32) throws(SQLiteError) {
        try statement.bind(Int64(self ? 1 : 0), at: index)
    }
}

extension Double: SQLiteBindable {
    package func bind(to statement: SQLiteStatement, at index: Int32) throws(SQLiteError) {
        try statement.bind(self, at: index)
    }
}

extension String: SQLiteBindable {
    package func bind(to statement: SQLiteStatement, at index: Int32) throws(SQLiteError) {
        try statement.bind(self, at: index)
    }
}

/// Dates are stored as `REAL` seconds since 2001-01-01 (`timeIntervalSinceReferenceDate`), which
/// round-trips every `Date` exactly and orders correctly.
extension Date: SQLiteBindable {
    package func bind(to statement: SQLiteStatement, at index: Int32) throws(SQLiteError) {
        try statement.bind(timeIntervalSinceReferenceDate, at: index)
    }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    package func bind(to statement: SQLiteStatement, at index: Int32) throws(SQLiteError) {
        switch self {
        case .none: try statement.bindNull(at: index)
        case .some(let value): try value.bind(to: statement, at: index)
        }
    }
}

/// SQL `NULL`, for binding where no typed optional is at hand.
package struct SQLiteNull: SQLiteBindable {
    package init() {}
    package func bind(to statement: SQLiteStatement, at index: Int32) throws(SQLiteError) {
        try statement.bindNull(at: index)
    }
}

extension SQLiteStatement {
    /// Column `index` of the current row as a date (see `Date`'s ``SQLiteBindable`` conformance).
    package func date(_ index: Int32) -> Date { Date(timeIntervalSinceReferenceDate: double(index)) }

    /// Column `index` of the current row as a date, or `nil` for `NULL`.
    package func optionalDate(_ index: Int32) -> Date? { isNull(index) ? nil : date(index) }
}
