/// A topic suggested for a query, with its category and score.
public struct TopicSuggestion: Hashable, Sendable {
    /// The topic and its category, shared with the suggester (one retain per copy of a suggestion).
    private var sharedTopic: SharedValue<Topic>
    private var sharedCategory: SharedValue<Category>

    /// The topic.
    public var topic: Topic {
        get { sharedTopic.value }
        set { sharedTopic = SharedValue(newValue) }
    }
    /// The topic's category.
    public var category: Category {
        get { sharedCategory.value }
        set { sharedCategory = SharedValue(newValue) }
    }
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
        self.init(shared: SharedValue(topic), category: SharedValue(category), score: score, matches: matches)
    }

    /// Creates a suggestion from values the suggester keeps.
    init(shared topic: SharedValue<Topic>, category: SharedValue<Category>, score: Double, matches: [TermMatch]) {
        self.sharedTopic = topic
        self.sharedCategory = category
        self.score = score
        self.matches = matches
    }

    /// The topic's identifier (without copying the topic).
    var topicID: Topic.ID { sharedTopic.value.id }

    /// The shared category (for ``CategorySuggestion``).
    var sharedCategoryValue: SharedValue<Category> { sharedCategory }

    /// Whether two suggestions are equal: same values, field by field.
    /// - Parameters:
    ///   - lhs: A suggestion.
    ///   - rhs: Another suggestion.
    /// - Returns: `true` when every field is equal.
    public static func == (lhs: TopicSuggestion, rhs: TopicSuggestion) -> Bool {
        lhs.score == rhs.score && lhs.matches == rhs.matches && SharedValue.same(lhs.sharedTopic, rhs.sharedTopic)
            && SharedValue.same(lhs.sharedCategory, rhs.sharedCategory)
    }

    /// Hashes every field (consistent with `==`).
    /// - Parameter hasher: The hasher.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(topic)
        hasher.combine(category)
        hasher.combine(score)
        hasher.combine(matches)
    }
}
