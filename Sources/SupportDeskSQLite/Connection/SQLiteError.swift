internal import CSQLite

/// An error from the SQLite backend: the database file could not be opened, is not a usable
/// SupportDesk database, or a statement failed.
///
/// Match on ``code`` (stable across releases); show ``message`` to people. ``path`` names the database
/// file, and ``sqliteCode`` / ``sqliteMessage`` carry SQLite's own result code and text when SQLite
/// reported the problem.
public struct SQLiteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable error kind.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case openFailed
            case notADatabase
            case corrupt
            case newerSchemaVersion
            case migrationFailed
            case busy
            case constraintViolation
            case readOnly
            case ioFailure
            case statementFailed
            case misuse
            case invalidStoredValue
            case foreignDatabase
            case noSuchDatabase
            case invalidLocation
            case olderSchemaVersion
        }

        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The code as text (`notADatabase`), stable across releases.
        public var rawValue: String { kind.rawValue }
        public var description: String { kind.rawValue }

        /// The file could not be opened or created (missing directory, no permission).
        public static let openFailed = Code(.openFailed)
        /// The file exists but is not a SQLite database (wrong header, too short).
        public static let notADatabase = Code(.notADatabase)
        /// The file is a SQLite database but damaged (truncated, malformed pages or schema).
        public static let corrupt = Code(.corrupt)
        /// The file was written by a newer version of this library (its schema version is unknown here).
        public static let newerSchemaVersion = Code(.newerSchemaVersion)
        /// Bringing the schema up to date failed; nothing of the migration was kept.
        public static let migrationFailed = Code(.migrationFailed)
        /// Another connection held the database locked for longer than the busy timeout.
        public static let busy = Code(.busy)
        /// A uniqueness, foreign-key or check constraint rejected a change.
        public static let constraintViolation = Code(.constraintViolation)
        /// The database or its directory cannot be written.
        public static let readOnly = Code(.readOnly)
        /// The operating system reported an I/O error or the disk is full.
        public static let ioFailure = Code(.ioFailure)
        /// Any other failure of a statement; see ``SQLiteError/sqliteMessage``.
        public static let statementFailed = Code(.statementFailed)
        /// The connection was used in a way it does not support (a nested transaction, a closed connection).
        public static let misuse = Code(.misuse)
        /// A stored value could not be read back (wrong type, undecodable JSON).
        public static let invalidStoredValue = Code(.invalidStoredValue)
        /// The file is a SQLite database, but not one of SupportDesk's (another application's mark, or tables
        /// that are not SupportDesk's); it was left unchanged.
        public static let foreignDatabase = Code(.foreignDatabase)
        /// The file does not exist (or holds no database yet) and the open mode does not create one.
        public static let noSuchDatabase = Code(.noSuchDatabase)
        /// The path is not a file a store can keep data in (empty, `:memory:`, a `file:` URI).
        public static let invalidLocation = Code(.invalidLocation)
        /// A read-only open found a schema older than this version writes; it must be migrated by a
        /// read-write open first.
        public static let olderSchemaVersion = Code(.olderSchemaVersion)
    }

    /// What went wrong, as a stable code.
    public let code: Code
    /// A human-readable explanation naming the file and the reason.
    public let message: String
    /// The database file concerned.
    public let path: String
    /// SQLite's extended result code, when SQLite reported the problem.
    public let sqliteCode: Int32?
    /// SQLite's error text, when SQLite reported the problem.
    public let sqliteMessage: String?

    /// Creates an error.
    /// - Parameters:
    ///   - code: The stable code.
    ///   - message: The explanation (the file path is added by ``description``).
    ///   - path: The database file concerned.
    ///   - sqliteCode: SQLite's extended result code, if any.
    ///   - sqliteMessage: SQLite's error text, if any.
    public init(_ code: Code, _ message: String, path: String, sqliteCode: Int32? = nil, sqliteMessage: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.sqliteCode = sqliteCode
        self.sqliteMessage = sqliteMessage
    }

    public var description: String {
        var text = "\(code): \(path): \(message)"
        if let sqliteMessage, !message.contains(sqliteMessage) {
            text += " (SQLite: \(sqliteMessage)"
            if let sqliteCode { text += ", code \(sqliteCode)" }
            text += ")"
        }
        return text
    }
}

extension SQLiteError {
    /// Whether SQLite refused a row because one of its foreign keys points at no row
    /// (`SQLITE_CONSTRAINT_FOREIGNKEY`; foreign keys are enforced on every SupportDesk connection).
    package var isForeignKeyViolation: Bool { sqliteCode == SQLITE_CONSTRAINT | (3 << 8) }
}
