/// One query word matched in a hit: which word of the document it matched and how (for highlighting).
public struct TermMatch: Hashable, Sendable {
    /// The query word as used (after repair).
    public var queryWord: String
    /// The document's word (folded) or stem that matched.
    public var matchedTerm: String
    /// The match class.
    public var kind: MatchKind

    /// Creates a match.
    /// - Parameters:
    ///   - queryWord: The query word.
    ///   - matchedTerm: The matched document term.
    ///   - kind: The match class.
    public init(queryWord: String, matchedTerm: String, kind: MatchKind) {
        self.queryWord = queryWord
        self.matchedTerm = matchedTerm
        self.kind = kind
    }
}
