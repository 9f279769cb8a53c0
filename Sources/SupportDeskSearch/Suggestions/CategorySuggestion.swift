/// A category suggested for a query: ranked by its best topic, with the other matching topics adding a
/// little.
public struct CategorySuggestion: Hashable, Sendable {
    /// The category.
    public var category: Category
    /// The category's score: its best topic's score plus a quarter of its other matching topics' scores.
    public var score: Double
    /// The category's suggested topics, best first.
    public var topics: [Topic.ID]

    /// Creates a category suggestion.
    /// - Parameters:
    ///   - category: The category.
    ///   - score: Its score.
    ///   - topics: Its suggested topics, best first.
    public init(category: Category, score: Double, topics: [Topic.ID]) {
        self.category = category
        self.score = score
        self.topics = topics
    }
}
