/// An error from a storage backend: a uniqueness rule, a missing record, a lost optimistic-concurrency
/// race, a bad cursor, or a backend that cannot do its work.
///
/// Match on ``code`` (stable across releases and the same for every backend); show ``message`` to
/// people; read ``context`` for the records involved (for example the account that already has the
/// company name, or the version a ticket really has).
public struct StorageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable error kind.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case duplicateCompany, duplicateMember, duplicateID, duplicateTicketNumber, notFound
            case versionConflict, invalidCursor, invalidArgument, invalidChange, unreadableStore
            case incompatibleSchema, backendFailure, foreignDatabase, noSuchDatabase, invalidLocation
        }

        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The code's name, such as `duplicateCompany`.
        public var description: String { kind.rawValue }

        /// An account for the same company (by ``Account/companyKey``) already exists.
        public static let duplicateCompany = Code(.duplicateCompany)
        /// A member email is already a member of another account (or listed twice).
        public static let duplicateMember = Code(.duplicateMember)
        /// A record with the same identifier already exists.
        public static let duplicateID = Code(.duplicateID)
        /// An imported ticket's number is already taken.
        public static let duplicateTicketNumber = Code(.duplicateTicketNumber)
        /// The account, ticket or notification does not exist.
        public static let notFound = Code(.notFound)
        /// The ticket changed since it was read: its stored version is not the expected one.
        public static let versionConflict = Code(.versionConflict)
        /// A page cursor was not produced by this listing of this store.
        public static let invalidCursor = Code(.invalidCursor)
        /// An argument is out of range (a limit below 1) or inconsistent (a comment of another ticket).
        public static let invalidArgument = Code(.invalidArgument)
        /// An update changes what may not change (a ticket's number or account).
        public static let invalidChange = Code(.invalidChange)
        /// The store's file or database is not readable as a store (not a database, corrupt).
        public static let unreadableStore = Code(.unreadableStore)
        /// The store was written by a newer (or unknown) schema version.
        public static let incompatibleSchema = Code(.incompatibleSchema)
        /// The backend failed (I/O error, lost connection, disk full); nothing of the operation was kept.
        public static let backendFailure = Code(.backendFailure)
        /// The file is a valid database of another application (or of unknown origin), not a store of
        /// this library; it was left unchanged.
        public static let foreignDatabase = Code(.foreignDatabase)
        /// The store was opened for reading (or as existing only) and there is no store at the location.
        public static let noSuchDatabase = Code(.noSuchDatabase)
        /// The location cannot hold a store that keeps data (an empty path, `:memory:`, a `file:` URI).
        public static let invalidLocation = Code(.invalidLocation)
    }

    /// The records and values an error is about. Only the members that apply are set.
    public struct Context: Hashable, Sendable {
        /// The account involved, or for a uniqueness error the account that already holds the value.
        public var accountID: Account.ID?
        /// The company name involved.
        public var company: String?
        /// The email involved.
        public var email: EmailAddress?
        /// The ticket involved.
        public var ticketID: Ticket.ID?
        /// The ticket number involved.
        public var ticketNumber: Ticket.Number?
        /// The notification involved.
        public var notificationID: OutboxNotification.ID?
        /// The version the caller expected.
        public var expectedVersion: Int?
        /// The version actually stored.
        public var actualVersion: Int?
        /// The file or database involved.
        public var location: String?
        /// The table (or collection) holding the record involved, for an unreadable stored record.
        public var table: String?
        /// The underlying error, as text.
        public var underlying: String?

        /// Creates a context; every member is optional.
        public init(
            accountID: Account.ID? = nil, company: String? = nil, email: EmailAddress? = nil,
            ticketID: Ticket.ID? = nil, ticketNumber: Ticket.Number? = nil,
            notificationID: OutboxNotification.ID? = nil, expectedVersion: Int? = nil, actualVersion: Int? = nil,
            location: String? = nil, underlying: String? = nil, table: String? = nil
        ) {
            self.accountID = accountID
            self.company = company
            self.email = email
            self.ticketID = ticketID
            self.ticketNumber = ticketNumber
            self.notificationID = notificationID
            self.expectedVersion = expectedVersion
            self.actualVersion = actualVersion
            self.location = location
            self.underlying = underlying
            self.table = table
        }
    }

    /// What went wrong, as a stable code.
    public let code: Code
    /// A human-readable explanation naming what was wrong.
    public let message: String
    /// The records and values involved.
    public let context: Context

    /// Creates an error.
    /// - Parameters:
    ///   - code: The stable code.
    ///   - message: The explanation.
    ///   - context: The records and values involved.
    public init(_ code: Code, _ message: String, context: Context = Context()) {
        self.code = code
        self.message = message
        self.context = context
    }

    public var description: String { "\(code): \(message)" }
}

extension StorageError {
    /// A company already has an account.
    /// - Parameters:
    ///   - company: The company name that was being registered.
    ///   - existing: The account that already holds the company.
    /// - Returns: A `duplicateCompany` error naming the existing account.
    public static func duplicateCompany(_ company: String, existing: Account.ID) -> StorageError {
        StorageError(
            .duplicateCompany, "the company “\(company)” already has an account (\(existing))",
            context: Context(accountID: existing, company: company))
    }

    /// An email already belongs to an account.
    /// - Parameters:
    ///   - email: The address.
    ///   - existing: The account the address belongs to.
    /// - Returns: A `duplicateMember` error naming the existing account.
    public static func duplicateMember(_ email: EmailAddress, existing: Account.ID) -> StorageError {
        StorageError(
            .duplicateMember, "\(email) is already a member of account \(existing)",
            context: Context(accountID: existing, email: email))
    }

    /// A ticket was changed by someone else since it was read.
    /// - Parameters:
    ///   - ticket: The ticket.
    ///   - expected: The version the caller read.
    ///   - actual: The version stored now.
    /// - Returns: A `versionConflict` error with both versions.
    public static func versionConflict(ticket: Ticket.ID, expected: Int, actual: Int) -> StorageError {
        StorageError(
            .versionConflict,
            "ticket \(ticket) was changed concurrently: expected version \(expected), the stored version is \(actual)",
            context: Context(ticketID: ticket, expectedVersion: expected, actualVersion: actual))
    }

    /// A ticket does not exist.
    /// - Parameter ticket: The ticket's identifier.
    /// - Returns: A `notFound` error naming the ticket.
    public static func ticketNotFound(_ ticket: Ticket.ID) -> StorageError {
        StorageError(.notFound, "there is no ticket \(ticket)", context: Context(ticketID: ticket))
    }

    /// An account does not exist.
    /// - Parameter account: The account's identifier.
    /// - Returns: A `notFound` error naming the account.
    public static func accountNotFound(_ account: Account.ID) -> StorageError {
        StorageError(.notFound, "there is no account \(account)", context: Context(accountID: account))
    }

    /// A notification does not exist.
    /// - Parameter notification: The notification's identifier.
    /// - Returns: A `notFound` error naming the notification.
    public static func notificationNotFound(_ notification: OutboxNotification.ID) -> StorageError {
        StorageError(
            .notFound, "there is no notification \(notification)", context: Context(notificationID: notification))
    }

    /// A limit below 1 was passed to a listing.
    /// - Parameter limit: The limit given.
    /// - Returns: An `invalidArgument` error.
    public static func invalidLimit(_ limit: Int) -> StorageError {
        StorageError(.invalidArgument, "a page limit must be at least 1, not \(limit)")
    }

    /// A cursor that does not belong to the listing.
    /// - Parameter cursor: The cursor given.
    /// - Returns: An `invalidCursor` error.
    public static func invalidCursor(_ cursor: PageCursor) -> StorageError {
        StorageError(.invalidCursor, "the cursor “\(cursor.rawValue)” was not produced by this listing")
    }

    /// A stored record cannot be read back (undecodable JSON, an unknown enum value, an invalid value).
    /// - Parameters:
    ///   - record: The record, as people name it (`ticket TW-12 (id …)`).
    ///   - table: The table or collection holding it.
    ///   - problem: What is wrong with it, in words.
    ///   - context: The record's identifiers (ticket, notification, account) and the store's location.
    /// - Returns: An `unreadableStore` error whose context names the table and the record.
    public static func unreadableRecord(
        _ record: String, table: String, problem: String, context: Context
    ) -> StorageError {
        var context = context
        context.table = table
        let place = context.location.map { " of \($0)" } ?? ""
        return StorageError(
            .unreadableStore, "\(record) in table “\(table)”\(place) cannot be read: \(problem)", context: context)
    }
}
