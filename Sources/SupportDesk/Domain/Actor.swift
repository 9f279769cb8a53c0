/// Someone who performs an operation: a customer acting for their account, a support agent, or the system
/// itself (the auto-close sweep).
public enum Actor: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A customer, identified by the member email they act with.
    case customer(EmailAddress)
    /// A support agent, by name.
    case agent(Agent.ID)
    /// The help center itself (scheduled jobs).
    case system

    public var description: String {
        switch self {
        case .customer(let email): "customer \(email)"
        case .agent(let agent): "agent \(agent)"
        case .system: "system"
        }
    }
}

/// A support agent. Agents are named by the deployment (a login or a display name).
public enum Agent {
    /// An agent's identifier.
    public typealias ID = Identifier<Agent>
}
