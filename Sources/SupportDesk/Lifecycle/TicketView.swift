#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A ticket as one person may see it: for a customer, without internal comments and without the history
/// entries that mention them; for an agent, everything.
///
/// A customer's view reveals nothing of agents' internal activity: its ``ticket`` carries the
/// customer-visible ``Ticket/version`` and ``Ticket/updatedAt`` (``Ticket/seenByCustomers(history:)``), so an
/// internal comment leaves the whole view unchanged. An agent's view carries the stored version.
public struct TicketView: Hashable, Sendable {
    /// Who the view is for.
    public var viewer: Actor
    /// The ticket; for a customer, with the customer-visible version and update time.
    public var ticket: Ticket
    /// The comments the viewer may read, in order.
    public var comments: [Comment]
    /// The history entries the viewer may read, in order.
    public var history: [TicketHistoryEntry]
    /// For a ticket closed for no customer reply: the last moment it can still be refreshed.
    public var refreshableUntil: Date?

    /// Creates a view (``HelpCenter/view(_:as:)`` builds them with the filtering applied).
    /// - Parameters:
    ///   - viewer: Who the view is for.
    ///   - ticket: The ticket.
    ///   - comments: The visible comments.
    ///   - history: The visible history.
    ///   - refreshableUntil: The end of the refresh window, if the ticket can be refreshed.
    public init(
        viewer: Actor, ticket: Ticket, comments: [Comment], history: [TicketHistoryEntry], refreshableUntil: Date?
    ) {
        self.viewer = viewer
        self.ticket = ticket
        self.comments = comments
        self.history = history
        self.refreshableUntil = refreshableUntil
    }

    /// Whether a customer may see a history entry: everything except entries about internal comments.
    /// - Parameter entry: The entry.
    /// - Returns: `true` when the entry is visible to customers.
    public static func isVisibleToCustomers(_ entry: TicketHistoryEntry) -> Bool {
        if case .commented(_, .internal) = entry.change { return false }
        return true
    }
}
