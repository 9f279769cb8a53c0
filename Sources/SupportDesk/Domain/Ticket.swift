#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A request to support: created from a validated form, numbered, queued, discussed in comments.
public struct Ticket: Identifiable, Hashable, Sendable, Codable {
    /// The ticket's internal identifier.
    public typealias ID = Identifier<Ticket>

    /// Where a ticket is in its lifecycle. See `Documentation/TicketLifecycle.md` for the transitions.
    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        /// Created and waiting in the queue for an agent.
        case new
        /// An agent works on it.
        case inProgress = "in_progress"
        /// An agent asked the customer something and waits for the answer.
        case waitingForCustomer = "waiting_for_customer"
        /// Support solved it.
        case resolved
        /// Closed, for example automatically when the customer did not reply in time.
        case closed

        /// Whether the ticket still needs work (not resolved or closed).
        public var isOpen: Bool { self != .resolved && self != .closed }
    }

    /// Why a ticket was closed.
    public enum CloseReason: String, Hashable, Sendable, Codable {
        /// The customer did not answer support's question within the reply period.
        case noCustomerReply = "no_customer_reply"
        /// Closed by an agent.
        case closedByAgent = "closed_by_agent"
        /// Closed at the customer's request.
        case closedByCustomer = "closed_by_customer"
    }

    /// The internal identifier.
    public var id: ID
    /// The human-readable number (`TW-1042`).
    public var number: Number
    /// The account the ticket belongs to.
    public var accountID: Account.ID
    /// The topic chosen when creating it.
    public var topicID: Topic.ID
    /// The topic's category.
    public var categoryID: Category.ID
    /// The normalized form values.
    public var fields: FieldValues
    /// The current status.
    public var status: Status
    /// The agent working on it, once claimed.
    public var assignee: Agent.ID?
    /// Why it was closed, when ``status`` is ``Status/closed``.
    public var closeReason: CloseReason?
    /// When it was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date
    /// When it entered the support queue (creation, or a refresh); orders the queue.
    public var queuedAt: Date?
    /// While waiting for the customer: when it is closed if the customer does not reply.
    public var replyDeadline: Date?
    /// While waiting for the customer: when a reminder is due, if the policy sends one and it was not sent yet.
    public var reminderAt: Date?
    /// When it was closed or resolved.
    public var closedAt: Date?
    /// Incremented by every stored change; used for optimistic concurrency.
    public var version: Int

    /// Creates a ticket value (stores and the lifecycle create tickets; applications read them).
    public init(
        id: ID = .random(), number: Number, accountID: Account.ID, topicID: Topic.ID, categoryID: Category.ID,
        fields: FieldValues, status: Status = .new, assignee: Agent.ID? = nil, closeReason: CloseReason? = nil,
        createdAt: Date, updatedAt: Date? = nil, queuedAt: Date? = nil, replyDeadline: Date? = nil,
        closedAt: Date? = nil, version: Int = 1, reminderAt: Date? = nil
    ) {
        self.id = id
        self.number = number
        self.accountID = accountID
        self.topicID = topicID
        self.categoryID = categoryID
        self.fields = fields
        self.status = status
        self.assignee = assignee
        self.closeReason = closeReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.queuedAt = queuedAt
        self.replyDeadline = replyDeadline
        self.closedAt = closedAt
        self.version = version
        self.reminderAt = reminderAt
    }

    /// The short summary the customer wrote (the common `summary` field), or an empty string.
    public var summary: String {
        if case .text(let text)? = fields[CommonField.summary] { return text }
        return ""
    }

    /// The detailed description (the common `description` field), or an empty string.
    public var details: String {
        if case .text(let text)? = fields[CommonField.description] { return text }
        return ""
    }
}

extension Ticket {
    /// A ticket's human-readable number: a prefix and a sequence number, written `TW-1042`.
    public struct Number: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
        /// The prefix, letters and digits (`TW`).
        public var prefix: String
        /// The sequence number, unique and increasing within a help center.
        public var sequence: Int64

        /// Creates a number.
        public init(prefix: String, sequence: Int64) {
            self.prefix = prefix
            self.sequence = sequence
        }

        /// Parses `PREFIX-123`.
        /// - Parameter text: The number as written.
        /// - Throws: ``DomainError`` (`invalidTicketNumber`) when the text is not of that form.
        public init(_ text: String) throws(DomainError) {
            let trimmed = text.trimmingWhitespace()
            guard let dash = trimmed.lastIndex(of: "-"),
                case let prefix = String(trimmed[..<dash]), !prefix.isEmpty,
                prefix.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) }),
                let sequence = Int64(trimmed[trimmed.index(after: dash)...]), sequence > 0
            else {
                throw DomainError(.invalidTicketNumber, "“\(text)” is not a ticket number like TW-1042")
            }
            self.prefix = prefix.uppercased()
            self.sequence = sequence
        }

        public var description: String { "\(prefix)-\(sequence)" }

        public static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.prefix, lhs.sequence) < (rhs.prefix, rhs.sequence)
        }

        public init(from decoder: any Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            do { self = try Number(text) } catch {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: error.message))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        }
    }
}

/// The ids of the fields every form has (the catalog's `commonFields`).
public enum CommonField {
    /// The personal-account number (“Номер ЛК”).
    public static let accountNumber: FieldDefinition.ID = "accountNumber"
    /// The short summary of the problem.
    public static let summary: FieldDefinition.ID = "summary"
    /// The detailed description with steps to reproduce.
    public static let description: FieldDefinition.ID = "description"
    /// Screenshots and other files.
    public static let attachments: FieldDefinition.ID = "attachments"
    /// All common field ids, in form order.
    public static let all: [FieldDefinition.ID] = [accountNumber, summary, description, attachments]
}
