#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// One recorded change of a ticket: who, when, what changed and why.
public struct TicketHistoryEntry: Hashable, Sendable, Codable {
    /// What changed.
    public enum Change: Hashable, Sendable, Codable {
        /// The ticket was created (and queued).
        case created
        /// The status moved.
        case status(from: Ticket.Status, to: Ticket.Status)
        /// An agent took the ticket.
        case assigned(Agent.ID)
        /// A comment was added.
        case commented(Comment.ID, Comment.Visibility)
        /// The customer was reminded of an unanswered question.
        case reminded
    }

    /// The ticket.
    public var ticketID: Ticket.ID
    /// When.
    public var at: Date
    /// Who.
    public var actor: Actor
    /// What changed.
    public var change: Change
    /// Why, in words (“closed automatically: no customer reply for 2 days”); may be empty.
    public var reason: String

    /// Creates an entry.
    public init(ticketID: Ticket.ID, at: Date, actor: Actor, change: Change, reason: String = "") {
        self.ticketID = ticketID
        self.at = at
        self.actor = actor
        self.change = change
        self.reason = reason
    }
}
