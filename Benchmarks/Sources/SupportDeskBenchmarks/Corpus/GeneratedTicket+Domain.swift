import Foundation
import SupportDesk

extension GeneratedTicket {
    /// The ticket as the SDK stores it, with its comments (public, from an agent), for indexes that take
    /// domain values (`TicketSearchIndex`). Ids are derived from the number, times from the position, so
    /// the conversion is deterministic.
    /// - Parameter index: The ticket's position in the corpus.
    /// - Returns: The ticket and its comments.
    func domainValue(index: Int) -> (ticket: Ticket, comments: [Comment]) {
        let id = Ticket.ID("ticket-\(index + 1)")
        let created = Date(timeIntervalSince1970: 1_780_000_000 + Double(index) * 30)
        let ticket = Ticket(
            id: id, number: Ticket.Number(prefix: "TW", sequence: Int64(index + 1)),
            accountID: Account.ID(accountID), topicID: Topic.ID(topicID), categoryID: Category.ID(categoryID),
            fields: FieldValues([CommonField.summary: .text(summary), CommonField.description: .text(description)]),
            status: Ticket.Status(rawValue: status) ?? .new, createdAt: created)
        let comments = comments.enumerated().map { position, body in
            Comment(
                id: Comment.ID("comment-\(index + 1)-\(position + 1)"), ticketID: id,
                author: .agent(Agent.ID("agent-1")),
                body: body, createdAt: created.addingTimeInterval(Double(position + 1) * 3_600))
        }
        return (ticket, comments)
    }
}
