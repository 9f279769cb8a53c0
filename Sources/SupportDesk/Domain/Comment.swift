#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A message on a ticket, from the customer or from support.
///
/// Internal comments are notes between agents: customers never see them.
public struct Comment: Identifiable, Hashable, Sendable, Codable {
    /// The comment's identifier.
    public typealias ID = Identifier<Comment>

    /// Who may read a comment.
    public enum Visibility: String, Hashable, Sendable, Codable {
        /// The customer and support.
        case `public`
        /// Support only.
        case `internal`
    }

    /// The identifier.
    public var id: ID
    /// The ticket it belongs to.
    public var ticketID: Ticket.ID
    /// Who wrote it.
    public var author: Actor
    /// Who may read it.
    public var visibility: Visibility
    /// The text.
    public var body: String
    /// Attached files.
    public var attachments: [Attachment]
    /// When it was written.
    public var createdAt: Date

    /// Creates a comment.
    public init(
        id: ID = .random(), ticketID: Ticket.ID, author: Actor, visibility: Visibility = .public, body: String,
        attachments: [Attachment] = [], createdAt: Date
    ) {
        self.id = id
        self.ticketID = ticketID
        self.author = author
        self.visibility = visibility
        self.body = body
        self.attachments = attachments
        self.createdAt = createdAt
    }
}
