/// The tickets found by a search and how the query was read.
public struct TicketSearchResults: Hashable, Sendable {
    /// The best tickets, best first.
    public var hits: [TicketSearchHit]
    /// “Did you mean”: the query as read when a word was repaired, else `nil`.
    public var correction: String?

    /// Creates results.
    /// - Parameters:
    ///   - hits: The hits.
    ///   - correction: The corrected query.
    public init(hits: [TicketSearchHit], correction: String?) {
        self.hits = hits
        self.correction = correction
    }
}
