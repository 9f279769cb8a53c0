/// An error from a help-center operation: a rule of the lifecycle, an access rule, or the store below.
///
/// Match on ``code`` (stable across releases); show ``message`` to people; read ``context`` for what
/// was involved.
public struct HelpCenterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable error kind.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case companyHasAccount, emailInAnotherAccount, invalidAccount, unknownCustomer, unknownAccount
            case unknownTicket, unknownTopic, accessDenied, notPermitted, illegalTransition
            case refreshWindowExpired, invalidComment, invalidAgent, conflict, invalidPolicy, storage
            case textTooLong, duplicateEmail, duplicateAttachment
        }

        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The code's name, such as `accessDenied`.
        public var description: String { kind.rawValue }

        /// The company already has an account (context: the existing account).
        public static let companyHasAccount = Code(.companyHasAccount)
        /// An email is already a member of another account (context: that account and the email).
        public static let emailInAnotherAccount = Code(.emailInAnotherAccount)
        /// The account's description breaks an account rule (no email, empty company…).
        public static let invalidAccount = Code(.invalidAccount)
        /// The customer's email is not a member of any account.
        public static let unknownCustomer = Code(.unknownCustomer)
        /// No account has the identifier.
        public static let unknownAccount = Code(.unknownAccount)
        /// No ticket has the number or identifier.
        public static let unknownTicket = Code(.unknownTicket)
        /// The catalog has no such topic, or the submission does not match it.
        public static let unknownTopic = Code(.unknownTopic)
        /// A customer tried to see or change a ticket of another account.
        public static let accessDenied = Code(.accessDenied)
        /// The actor may not perform this operation (a customer writing an internal comment, an agent
        /// refreshing, anyone but the system sweeping…).
        public static let notPermitted = Code(.notPermitted)
        /// The ticket state machine does not allow the transition from the ticket's status.
        public static let illegalTransition = Code(.illegalTransition)
        /// The refresh window after an automatic close has passed; the customer must create a new ticket.
        public static let refreshWindowExpired = Code(.refreshWindowExpired)
        /// A comment's text is empty (after cleaning, see ``TicketText``).
        public static let invalidComment = Code(.invalidComment)
        /// A comment or a reason is longer than its limit (``TicketText/maxCommentBytes``,
        /// ``TicketText/maxReasonBytes``), after cleaning; nothing is truncated.
        public static let textTooLong = Code(.textTooLong)
        /// One account lists the same address twice, in whatever case (context: the email); see
        /// ``EmailAddress/matchKey``.
        public static let duplicateEmail = Code(.duplicateEmail)
        /// Two attachments of one ticket (its form and its comments) have the same ``Attachment/id``.
        public static let duplicateAttachment = Code(.duplicateAttachment)
        /// An agent name is empty or malformed.
        public static let invalidAgent = Code(.invalidAgent)
        /// The ticket kept changing under the operation (other writers) more times than the policy retries.
        public static let conflict = Code(.conflict)
        /// A ``HelpCenterPolicy`` setting is out of range.
        public static let invalidPolicy = Code(.invalidPolicy)
        /// The store failed; ``Context/storageError`` holds its error.
        public static let storage = Code(.storage)
    }

    /// The records an error is about. Only the members that apply are set.
    public struct Context: Hashable, Sendable {
        /// The actor who performed the operation.
        public var actor: Actor?
        /// The account involved (for a uniqueness error: the existing account).
        public var accountID: Account.ID?
        /// The ticket number involved.
        public var ticketNumber: Ticket.Number?
        /// The transition refused.
        public var transition: TicketTransition?
        /// The ticket's status when the operation was refused.
        public var status: Ticket.Status?
        /// The email involved.
        public var email: EmailAddress?
        /// The store's error, for code `storage` and for errors derived from one.
        public var storageError: StorageError?

        /// Creates a context; every member is optional.
        public init(
            actor: Actor? = nil, accountID: Account.ID? = nil, ticketNumber: Ticket.Number? = nil,
            transition: TicketTransition? = nil, status: Ticket.Status? = nil, email: EmailAddress? = nil,
            storageError: StorageError? = nil
        ) {
            self.actor = actor
            self.accountID = accountID
            self.ticketNumber = ticketNumber
            self.transition = transition
            self.status = status
            self.email = email
            self.storageError = storageError
        }
    }

    /// What went wrong, as a stable code.
    public let code: Code
    /// A human-readable explanation naming what was wrong.
    public let message: String
    /// What was involved.
    public let context: Context

    /// Creates an error.
    /// - Parameters:
    ///   - code: The stable code.
    ///   - message: The explanation.
    ///   - context: What was involved.
    public init(_ code: Code, _ message: String, context: Context = Context()) {
        self.code = code
        self.message = message
        self.context = context
    }

    public var description: String { "\(code): \(message)" }
}
