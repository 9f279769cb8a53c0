#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// One change in a store's change feed: which ticket changed and how, at which position.
///
/// Search indexes read the feed from the last position they processed and re-read the tickets named.
public struct ChangeFeedEntry: Hashable, Sendable, Codable {
    /// What happened.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A ticket was created or imported.
        case ticketCreated = "ticket_created"
        /// A ticket's stored value changed (status, assignee, deadline, fields…).
        case ticketUpdated = "ticket_updated"
        /// A comment was added to a ticket.
        case commentAdded = "comment_added"
    }

    /// The position in the feed: greater than every earlier entry's, starting above 0.
    public var sequence: Int64
    /// What happened.
    public var kind: Kind
    /// The ticket that changed.
    public var ticketID: Ticket.ID
    /// The comment added, for ``Kind/commentAdded``.
    public var commentID: Comment.ID?
    /// The ticket's version after the change.
    public var ticketVersion: Int
    /// When the change happened (the time of the operation that caused it).
    public var recordedAt: Date

    /// Creates an entry (stores create entries; readers receive them).
    /// - Parameters:
    ///   - sequence: The position in the feed.
    ///   - kind: What happened.
    ///   - ticketID: The ticket.
    ///   - commentID: The comment, for ``Kind/commentAdded``.
    ///   - ticketVersion: The ticket's version after the change.
    ///   - recordedAt: When it happened.
    public init(
        sequence: Int64, kind: Kind, ticketID: Ticket.ID, commentID: Comment.ID? = nil, ticketVersion: Int,
        recordedAt: Date
    ) {
        self.sequence = sequence
        self.kind = kind
        self.ticketID = ticketID
        self.commentID = commentID
        self.ticketVersion = ticketVersion
        self.recordedAt = recordedAt
    }
}
