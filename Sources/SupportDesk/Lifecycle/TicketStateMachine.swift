/// The ticket state machine: which ``TicketTransition`` is legal from which ``Ticket/Status``, where it
/// leads, and why an illegal one is refused.
///
/// ```
/// new ──claim──▶ in_progress ──ask──▶ waiting_for_customer ──customer_reply──▶ in_progress
///                     │                    │        │ ask (again)
///                     │ resolve / close    │        └──auto_close (no reply in time)──▶ closed
///                     ▼                    ▼                                              │
///                resolved / closed   resolved / closed          refresh (in the window) ◀─┘ → new
/// new ──close──▶ closed
/// ```
///
/// Only a ticket closed for ``Ticket/CloseReason/noCustomerReply`` can be refreshed. Who may perform a
/// transition (agent, customer, system) is checked by ``HelpCenter``; this type checks statuses only.
public enum TicketStateMachine {
    /// The statuses from which a transition is legal.
    /// - Parameter transition: The transition.
    /// - Returns: The legal source statuses.
    public static func sources(of transition: TicketTransition) -> Set<Ticket.Status> {
        switch transition {
        case .claim: [.new]
        case .ask: [.inProgress, .waitingForCustomer]
        case .customerReply: [.waitingForCustomer]
        case .resolve: [.inProgress, .waitingForCustomer]
        case .close: [.new, .inProgress, .waitingForCustomer]
        case .autoClose: [.waitingForCustomer]
        case .refresh: [.closed]
        }
    }

    /// The status a transition leads to.
    /// - Parameter transition: The transition.
    /// - Returns: The target status.
    public static func target(of transition: TicketTransition) -> Ticket.Status {
        switch transition {
        case .claim, .customerReply: .inProgress
        case .ask: .waitingForCustomer
        case .resolve: .resolved
        case .close, .autoClose: .closed
        case .refresh: .new
        }
    }

    /// Checks that a transition is legal for a ticket and returns the status it leads to.
    /// - Parameters:
    ///   - transition: The transition wanted.
    ///   - ticket: The ticket as stored now.
    /// - Returns: The target status.
    /// - Throws: ``DomainError`` with code `illegalTransition` whose message names the ticket, the
    ///   transition, the current status and why it is refused.
    public static func check(_ transition: TicketTransition, for ticket: Ticket) throws(DomainError) -> Ticket.Status {
        let status = ticket.status
        let target = target(of: transition)
        guard sources(of: transition).contains(status) else {
            throw DomainError(
                .illegalTransition,
                "\(ticket.number): \(transition) (\(status.rawValue) → \(target.rawValue)) is not allowed: "
                    + reason(transition, refusedFrom: ticket))
        }
        if transition == .refresh, ticket.closeReason != .noCustomerReply {
            let how = ticket.closeReason.map { "its close reason is \($0.rawValue)" } ?? "it has no close reason"
            throw DomainError(
                .illegalTransition,
                "\(ticket.number): refresh (closed → new) is not allowed: only a ticket closed for no customer "
                    + "reply can be refreshed, and \(how); create a new ticket instead")
        }
        return target
    }

    /// Whether a transition is legal for a ticket.
    /// - Parameters:
    ///   - transition: The transition.
    ///   - ticket: The ticket.
    /// - Returns: `true` when ``check(_:for:)`` would not throw.
    public static func allows(_ transition: TicketTransition, for ticket: Ticket) -> Bool {
        (try? check(transition, for: ticket)) != nil
    }

    /// Whether a recorded status change `from` → `to` is one the machine can produce.
    /// - Parameters:
    ///   - from: The status before.
    ///   - to: The status after.
    /// - Returns: `true` when some transition leads from `from` to `to`.
    public static func isLegalChange(from: Ticket.Status, to: Ticket.Status) -> Bool {
        TicketTransition.allCases.contains { sources(of: $0).contains(from) && target(of: $0) == to }
    }

    private static func reason(_ transition: TicketTransition, refusedFrom ticket: Ticket) -> String {
        switch (transition, ticket.status) {
        case (_, .resolved) where transition != .refresh:
            return "the ticket is already resolved"
        case (_, .closed) where transition != .refresh:
            return ticket.closeReason == .noCustomerReply
                ? "the ticket was closed for no customer reply; the customer can refresh it"
                : "the ticket is closed"
        case (.refresh, _):
            return "only a closed ticket can be refreshed, and this one is \(ticket.status.rawValue)"
        case (.claim, _):
            return "the ticket is not in the queue: \(ticket.assignee.map { "agent \($0)" } ?? "an agent") works on it"
        case (.ask, .new), (.resolve, .new):
            return "nobody has claimed the ticket yet; claim it first"
        case (.customerReply, _), (.autoClose, _):
            return "support is not waiting for the customer's answer"
        default:
            return "the ticket is \(ticket.status.rawValue)"
        }
    }
}
