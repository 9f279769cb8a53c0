/// A whole ticket to import (a migration or a benchmark): the ticket with its number, comments and history.
public struct ImportedTicket: Hashable, Sendable, Codable {
    /// The ticket as it was, number and version included.
    public var ticket: Ticket
    /// Its comments, in order.
    public var comments: [Comment]
    /// Its history, in order.
    public var history: [TicketHistoryEntry]

    /// Creates an imported ticket.
    /// - Parameters:
    ///   - ticket: The ticket.
    ///   - comments: Its comments (each with ``Comment/ticketID`` equal to the ticket's id).
    ///   - history: Its history entries (each with ``TicketHistoryEntry/ticketID`` equal to the ticket's id).
    public init(ticket: Ticket, comments: [Comment] = [], history: [TicketHistoryEntry] = []) {
        self.ticket = ticket
        self.comments = comments
        self.history = history
    }
}
