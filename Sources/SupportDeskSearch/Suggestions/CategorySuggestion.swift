/// A category suggested for a query: ranked by its best topic, with the other matching topics adding a
/// little.
public struct CategorySuggestion: Hashable, Sendable {
    /// The category, shared with the suggester (one retain per copy of a suggestion).
    private var sharedCategory: SharedValue<Category>

    /// The category.
    public var category: Category {
        get { sharedCategory.value }
        set { sharedCategory = SharedValue(newValue) }
    }
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
        self.init(shared: SharedValue(category), score: score, topics: topics)
    }

    /// Creates a category suggestion from a category the suggester keeps.
    init(shared category: SharedValue<Category>, score: Double, topics: [Topic.ID]) {
        self.sharedCategory = category
        self.score = score
        self.topics = topics
    }

    /// Whether two category suggestions are equal: same values, field by field.
    /// - Parameters:
    ///   - lhs: A suggestion.
    ///   - rhs: Another suggestion.
    /// - Returns: `true` when every field is equal.
    public static func == (lhs: CategorySuggestion, rhs: CategorySuggestion) -> Bool {
        lhs.score == rhs.score && lhs.topics == rhs.topics && SharedValue.same(lhs.sharedCategory, rhs.sharedCategory)
    }

    /// Hashes every field (consistent with `==`).
    /// - Parameter hasher: The hasher.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(category)
        hasher.combine(score)
        hasher.combine(topics)
    }
}
