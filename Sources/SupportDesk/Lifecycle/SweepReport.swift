/// What one ``HelpCenter/sweep(batchSize:)`` did.
public struct SweepReport: Hashable, Sendable {
    /// The tickets closed for no customer reply, as stored after closing.
    public var closed: [Ticket]
    /// The tickets whose customer was reminded, as stored after the reminder.
    public var reminded: [Ticket]
    /// Due tickets another writer changed first (the customer answered, or another sweep closed them);
    /// they were left as that writer left them.
    public var skipped: [Ticket.Number]

    /// Creates a report.
    /// - Parameters:
    ///   - closed: The closed tickets.
    ///   - reminded: The reminded tickets.
    ///   - skipped: The tickets left alone.
    public init(closed: [Ticket] = [], reminded: [Ticket] = [], skipped: [Ticket.Number] = []) {
        self.closed = closed
        self.reminded = reminded
        self.skipped = skipped
    }
}
