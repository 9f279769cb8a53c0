/// One document found by a search, with its score and the query words it matched.
public struct SearchHit<Key: Hashable & Sendable>: Sendable {
    /// The document's key.
    public var key: Key
    /// The BM25F score, match-class weighted (higher is better; only comparable within one search).
    public var score: Double
    /// The query words this document matched, in query order.
    public var matches: [TermMatch]

    /// Creates a hit.
    /// - Parameters:
    ///   - key: The document's key.
    ///   - score: Its score.
    ///   - matches: The matched query words.
    public init(key: Key, score: Double, matches: [TermMatch]) {
        self.key = key
        self.score = score
        self.matches = matches
    }
}

extension SearchHit: Equatable where Key: Equatable {}
extension SearchHit: Hashable where Key: Hashable {}
