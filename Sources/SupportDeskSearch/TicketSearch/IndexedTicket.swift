/// What the ticket index keeps of a ticket besides its text: enough to filter and to show a hit.
///
/// Two values are equal when their ``id``s are (the other properties describe the ticket's current state).
public struct IndexedTicket: Hashable, Sendable {
    /// The ticket's identifier.
    public var id: Ticket.ID
    /// Its human-readable number.
    public var number: Ticket.Number
    /// The account it belongs to.
    public var accountID: Account.ID
    /// Its topic.
    public var topicID: Topic.ID
    /// Its status.
    public var status: Ticket.Status
    /// Its short summary.
    public var summary: String

    /// Creates the indexed view of a ticket.
    /// - Parameter ticket: The ticket.
    public init(_ ticket: Ticket) {
        self.id = ticket.id
        self.number = ticket.number
        self.accountID = ticket.accountID
        self.topicID = ticket.topicID
        self.status = ticket.status
        self.summary = ticket.summary
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.id == rhs.id }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
