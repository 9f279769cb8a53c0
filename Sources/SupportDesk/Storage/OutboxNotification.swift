#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A notification waiting in (or delivered from) the outbox: one message to one address about one ticket.
///
/// Notifications are written by the store in the same transaction as the event that causes them (see
/// ``TicketStore/updateTicket(_:expectedVersion:history:outbox:comment:)``), so an event a customer must
/// hear of is never stored without its notification. A delivery worker reads pending ones
/// (``NotificationOutbox/pendingNotifications(dueAt:limit:)``) and records the outcome.
public struct OutboxNotification: Identifiable, Hashable, Sendable, Codable {
    /// A notification's identifier.
    public typealias ID = Identifier<OutboxNotification>

    /// Where a notification is in its delivery.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Not delivered yet; due at ``OutboxNotification/nextAttemptAt``.
        case pending
        /// Delivered (at least once).
        case delivered
        /// Gave up after too many failures; kept for an operator to inspect.
        case deadLetter = "dead_letter"
    }

    /// What event a notification tells of. A struct over a string so applications can add their own.
    public struct Kind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        /// The kind's stable name.
        public let rawValue: String
        /// Wraps a kind name.
        /// - Parameter rawValue: The name.
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The ticket was created (a confirmation with its number).
        public static let ticketCreated = Kind(rawValue: "ticket_created")
        /// Support wrote a public comment.
        public static let agentComment = Kind(rawValue: "agent_comment")
        /// Support asked a question and waits for the customer's reply.
        public static let waitingForReply = Kind(rawValue: "waiting_for_reply")
        /// A reminder of an unanswered question.
        public static let reminder = Kind(rawValue: "reminder")
        /// The ticket was closed because the customer did not reply.
        public static let closedNoReply = Kind(rawValue: "closed_no_reply")
        /// The ticket was resolved.
        public static let resolved = Kind(rawValue: "resolved")
        /// The ticket was refreshed and is back in the queue.
        public static let refreshed = Kind(rawValue: "refreshed")

        public init(from decoder: any Decoder) throws {
            self.rawValue = try decoder.singleValueContainer().decode(String.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    /// What the caller supplies for a notification; the store adds the ticket, account, number, times
    /// and delivery state when it writes the row.
    public struct Draft: Hashable, Sendable, Codable {
        /// The identifier the notification will have.
        public var id: ID
        /// The address to deliver to.
        public var recipient: EmailAddress
        /// What event it tells of.
        public var kind: Kind
        /// The message text (the sink may wrap it in a template).
        public var body: String
        /// The comment it is about, if any.
        public var commentID: Comment.ID?

        /// Creates a draft.
        /// - Parameters:
        ///   - id: The identifier (by default a new time-ordered one, ``Identifier/timeOrdered()``, so new
        ///     notifications append to the stores' id indexes).
        ///   - recipient: The address.
        ///   - kind: The event.
        ///   - body: The message text.
        ///   - commentID: The comment it is about.
        public init(
            id: ID = .timeOrdered(), recipient: EmailAddress, kind: Kind, body: String, commentID: Comment.ID? = nil
        ) {
            self.id = id
            self.recipient = recipient
            self.kind = kind
            self.body = body
            self.commentID = commentID
        }
    }

    /// The identifier.
    public var id: ID
    /// The position in the outbox: increasing in the order notifications were written.
    public var sequence: Int64
    /// The account of the ticket.
    public var accountID: Account.ID
    /// The ticket it is about.
    public var ticketID: Ticket.ID
    /// The ticket's number (known to the store even when the number was allocated in the same transaction).
    public var ticketNumber: Ticket.Number
    /// The address to deliver to.
    public var recipient: EmailAddress
    /// What event it tells of.
    public var kind: Kind
    /// The message text.
    public var body: String
    /// The comment it is about, if any.
    public var commentID: Comment.ID?
    /// When it was written (the time of the event).
    public var createdAt: Date
    /// Where it is in its delivery.
    public var status: Status
    /// How many delivery attempts failed so far.
    public var attempts: Int
    /// While pending: the earliest time of the next attempt.
    public var nextAttemptAt: Date
    /// The last delivery error, if any.
    public var lastError: String?
    /// When it was delivered.
    public var deliveredAt: Date?

    /// Creates a notification value (stores create them from drafts; workers read them).
    public init(
        id: ID, sequence: Int64, accountID: Account.ID, ticketID: Ticket.ID, ticketNumber: Ticket.Number,
        recipient: EmailAddress, kind: Kind, body: String, commentID: Comment.ID? = nil, createdAt: Date,
        status: Status = .pending, attempts: Int = 0, nextAttemptAt: Date? = nil, lastError: String? = nil,
        deliveredAt: Date? = nil
    ) {
        self.id = id
        self.sequence = sequence
        self.accountID = accountID
        self.ticketID = ticketID
        self.ticketNumber = ticketNumber
        self.recipient = recipient
        self.kind = kind
        self.body = body
        self.commentID = commentID
        self.createdAt = createdAt
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt ?? createdAt
        self.lastError = lastError
        self.deliveredAt = deliveredAt
    }
}
