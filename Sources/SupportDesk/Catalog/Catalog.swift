/// A help center's catalog: categories, their topics and forms, search tips and synonyms.
///
/// Load one with ``load(_:)`` (from JSON, checked: see `Documentation/CatalogFormat.md`) or use
/// ``twinHelpCenter()``, the shipped Twin help-center catalog. A catalog is immutable and `Sendable`:
/// share one value across tasks.
public struct Catalog: Hashable, Sendable {
    /// The catalog format version this library reads and writes.
    public static let schemaVersion = 1

    /// The fields every form starts with (account number, summary, description, attachments).
    public let commonFields: [FieldDefinition]
    /// The categories in display order, each with its topics.
    public let categories: [Category]
    /// Tips shown under the search box, per language.
    public let searchTips: [LanguageCode: [String]]
    /// Groups of words that mean the same to customers (`ватсап`, `whatsapp`, `вотсап`).
    public let synonyms: [[String]]
    /// Compiled `pattern` constraints, by pattern text.
    public let patterns: [String: FieldPattern]

    private let topicIndex: [Topic.ID: Topic]
    private let categoryIndex: [Category.ID: Category]

    /// Creates a catalog from checked parts; use ``load(_:)`` to read and check JSON.
    init(
        commonFields: [FieldDefinition], categories: [Category], searchTips: [LanguageCode: [String]],
        synonyms: [[String]], patterns: [String: FieldPattern]
    ) {
        self.commonFields = commonFields
        self.categories = categories
        self.searchTips = searchTips
        self.synonyms = synonyms
        self.patterns = patterns
        var topicIndex: [Topic.ID: Topic] = [:]
        var categoryIndex: [Category.ID: Category] = [:]
        for category in categories {
            categoryIndex[category.id] = category
            for topic in category.topics { topicIndex[topic.id] = topic }
        }
        self.topicIndex = topicIndex
        self.categoryIndex = categoryIndex
    }

    /// Every topic, category by category, in display order.
    public var topics: [Topic] { categories.flatMap(\.topics) }

    /// The topic with an id.
    /// - Parameter id: A topic id.
    /// - Returns: The topic, or `nil` when the catalog has none with that id.
    public func topic(_ id: Topic.ID) -> Topic? { topicIndex[id] }

    /// The category with an id.
    /// - Parameter id: A category id.
    /// - Returns: The category, or `nil` when the catalog has none with that id.
    public func category(_ id: Category.ID) -> Category? { categoryIndex[id] }

    /// The search tips in a language (falling back to English, then Russian).
    /// - Parameter language: The wanted language.
    /// - Returns: The tips, possibly empty.
    public func searchTips(in language: LanguageCode) -> [String] {
        searchTips[language] ?? searchTips[.en] ?? searchTips[.ru] ?? []
    }

    /// The compiled pattern of a field, when it has one.
    /// - Parameter field: A field of this catalog.
    /// - Returns: The compiled pattern, or `nil`.
    public func pattern(for field: FieldDefinition) -> FieldPattern? {
        field.constraints.pattern.flatMap { patterns[$0] }
    }

    public static func == (lhs: Catalog, rhs: Catalog) -> Bool {
        lhs.commonFields == rhs.commonFields && lhs.categories == rhs.categories
            && lhs.searchTips == rhs.searchTips && lhs.synonyms == rhs.synonyms
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(commonFields)
        hasher.combine(categories)
    }
}
