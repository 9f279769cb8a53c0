/// A topic suggested for a query, with its category and score.
public struct TopicSuggestion: Hashable, Sendable {
    /// The topic.
    public var topic: Topic
    /// The topic's category.
    public var category: Category
    /// The search score (higher is better; comparable only within one query).
    public var score: Double
    /// The query words that matched the topic and how (for highlighting).
    public var matches: [TermMatch]

    /// Creates a suggestion.
    /// - Parameters:
    ///   - topic: The topic.
    ///   - category: Its category.
    ///   - score: The score.
    ///   - matches: The matched words.
    public init(topic: Topic, category: Category, score: Double, matches: [TermMatch]) {
        self.topic = topic
        self.category = category
        self.score = score
        self.matches = matches
    }
}
