/// A ticket found by a ticket search.
public struct TicketSearchHit: Hashable, Sendable {
    /// The ticket as indexed (id, number, account, topic, status, summary).
    public var ticket: IndexedTicket
    /// The search score (higher is better; comparable only within one search).
    public var score: Double
    /// The score divided by the best score the query could reach, in 0...1.
    public var similarity: Double
    /// The query words the ticket matched and how (for highlighting).
    public var matches: [TermMatch]

    /// Creates a hit.
    /// - Parameters:
    ///   - ticket: The ticket.
    ///   - score: Its score.
    ///   - similarity: Its score relative to the query's best possible score.
    ///   - matches: The matched words.
    public init(ticket: IndexedTicket, score: Double, similarity: Double, matches: [TermMatch]) {
        self.ticket = ticket
        self.score = score
        self.similarity = similarity
        self.matches = matches
    }
}
