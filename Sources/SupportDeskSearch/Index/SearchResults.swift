/// The result of a search: the best hits and how the query was read.
public struct SearchResults<Key: Hashable & Sendable>: Sendable {
    /// The best documents, best first.
    public var hits: [SearchHit<Key>]
    /// The words of the query as analyzed.
    public var words: [QueryWord]
    /// “Did you mean”: the query as the search read it, when a word was repaired (layout, transliteration
    /// or typo); `nil` when the query was used as typed.
    public var correction: String?

    /// Creates results.
    /// - Parameters:
    ///   - hits: The hits.
    ///   - words: The analyzed words.
    ///   - correction: The corrected query.
    public init(hits: [SearchHit<Key>], words: [QueryWord], correction: String?) {
        self.hits = hits
        self.words = words
        self.correction = correction
    }
}
