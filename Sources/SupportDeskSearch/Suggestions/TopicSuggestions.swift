/// What the search box offers for a query: topics and categories ranked, a correction, and search tips.
public struct TopicSuggestions: Hashable, Sendable {
    /// The query as typed.
    public var query: String
    /// The suggested topics, best first.
    public var topics: [TopicSuggestion]
    /// The categories of the suggested topics, best first.
    public var categories: [CategorySuggestion]
    /// “Did you mean”: the query as the search read it when a word was repaired (wrong layout,
    /// transliteration, typo), else `nil`.
    public var correction: String?
    /// The words of the query as analyzed.
    public var words: [QueryWord]

    /// Creates suggestions.
    /// - Parameters:
    ///   - query: The query.
    ///   - topics: Ranked topics.
    ///   - categories: Ranked categories.
    ///   - correction: The corrected query.
    ///   - words: The analyzed words.
    public init(
        query: String, topics: [TopicSuggestion], categories: [CategorySuggestion], correction: String?,
        words: [QueryWord]
    ) {
        self.query = query
        self.topics = topics
        self.categories = categories
        self.correction = correction
        self.words = words
    }
}
