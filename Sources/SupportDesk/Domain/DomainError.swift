/// An error from a domain rule: a bad email, an account that already exists, an illegal transition.
///
/// Match on ``code`` (stable across releases); show ``message`` to people.
public struct DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable error kind.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A text is not a valid email address.
        public static let invalidEmail = Code(rawValue: "invalidEmail")
        /// A ticket number is not of the form `PREFIX-123`.
        public static let invalidTicketNumber = Code(rawValue: "invalidTicketNumber")
        /// An account's description breaks an account rule (no members, empty company name, …).
        public static let invalidAccount = Code(rawValue: "invalidAccount")
        /// An account lists one address twice (in whatever case: see ``EmailAddress/matchKey``).
        public static let duplicateEmail = Code(rawValue: "duplicateEmail")
        /// A requested status change is not allowed by the ticket state machine.
        public static let illegalTransition = Code(rawValue: "illegalTransition")
        /// A name, id or text is empty or malformed.
        public static let invalidValue = Code(rawValue: "invalidValue")
    }

    /// What went wrong, as a stable code.
    public let code: Code
    /// A human-readable explanation naming what was wrong.
    public let message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: The stable code.
    ///   - message: The explanation.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
