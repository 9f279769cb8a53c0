/// Who is searching tickets, which decides what they may find.
public enum TicketSearchScope: Hashable, Sendable {
    /// A customer: only their account's tickets, matched on what the customer can see (summary, description,
    /// form fields and public comments — never agents' internal notes).
    case customer(Account.ID)
    /// An agent: every ticket and every comment, optionally only some statuses and topics (`nil`: any).
    case agent(statuses: Set<Ticket.Status>? = nil, topics: Set<Topic.ID>? = nil)
}
