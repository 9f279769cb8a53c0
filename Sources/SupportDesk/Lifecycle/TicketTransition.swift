/// A move of a ticket from one status to another, as the lifecycle allows it.
///
/// ``TicketStateMachine`` says from which statuses each transition is legal and where it leads.
public enum TicketTransition: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// An agent takes the ticket from the queue: `new` → `in_progress`.
    case claim
    /// An agent asks the customer something in a public comment: `in_progress` (or `waiting_for_customer`,
    /// a further question) → `waiting_for_customer`, with a reply deadline.
    case ask
    /// The customer answers a question: `waiting_for_customer` → `in_progress`; the deadline is cleared.
    case customerReply = "customer_reply"
    /// An agent solved the problem: `in_progress` or `waiting_for_customer` → `resolved`.
    case resolve
    /// An agent or the customer closes an open ticket: `new`, `in_progress` or `waiting_for_customer` →
    /// `closed`.
    case close
    /// The sweep closes a ticket whose reply deadline passed: `waiting_for_customer` → `closed` with reason
    /// no customer reply.
    case autoClose = "auto_close"
    /// The customer refreshes (“актуализирует”) a ticket closed for no reply: `closed` → `new`, back in the
    /// queue.
    case refresh

    public var description: String { rawValue }
}
