/// Suggests the catalog's topics and categories for a phrase typed into the help center's search box.
///
/// Every topic is one document of a ``SearchIndex`` with four fields: its title (weight 3), its keywords
/// (2), its description (1) and its category's title and description (0.5), in every language of the
/// catalog, and the catalog's synonym groups as synonyms. Queries get the index's repairs (wrong layout,
/// transliteration, typos, unfinished last word), and long pasted descriptions are weighed by how well
/// each word tells topics apart (see ``QueryWeighting``).
///
/// Immutable and `Sendable`: build one per catalog and share it.
public struct TopicSuggester: Sendable {
    /// The catalog suggestions come from.
    public let catalog: Catalog
    /// The index of topics.
    public let index: SearchIndex<Topic.ID>
    /// Per document of ``index`` (by its number): the topic, its category and the category's position in the
    /// catalog, or `nil` when the catalog does not resolve it. Looked up once here, not per query.
    private let entries: [Entry?]

    /// A topic document resolved against the catalog.
    private struct Entry: Sendable {
        var topic: SharedValue<Topic>
        var category: SharedValue<Category>
        var categoryPosition: Int
    }

    /// The fields of a topic document.
    public static let fields: [SearchField] = [
        SearchField("title", weight: 3, lengthNormalization: 0.5),
        SearchField("keywords", weight: 2, lengthNormalization: 0.3),
        SearchField("description", weight: 1, lengthNormalization: 0.5),
        SearchField("category", weight: 0.5, lengthNormalization: 0.5),
    ]

    /// Builds the suggester for a catalog.
    /// - Parameters:
    ///   - catalog: The catalog.
    ///   - configuration: Index tuning; the catalog's synonyms are added to it.
    public init(catalog: Catalog, configuration: SearchConfiguration = SearchConfiguration()) {
        self.catalog = catalog
        var configuration = configuration
        configuration.synonyms += catalog.synonyms
        configuration.indexesWordPairs = true
        configuration.indexesTypoDeletions = true
        var index = SearchIndex<Topic.ID>(fields: Self.fields, configuration: configuration)
        var documents: [SearchDocument<Topic.ID>] = []
        for category in catalog.categories {
            for topic in category.topics {
                var document = SearchDocument(key: topic.id)
                for language in topic.title.values.keys.sorted() {
                    document.append(topic.title.values[language] ?? "", to: 0)
                }
                for language in topic.keywords.keys.sorted() {
                    for keyword in topic.keywords[language] ?? [] { document.append(keyword, to: 1) }
                }
                for language in topic.description.values.keys.sorted() {
                    document.append(topic.description.values[language] ?? "", to: 2)
                }
                for language in category.title.values.keys.sorted() {
                    document.append(category.title.values[language] ?? "", to: 3)
                    document.append(category.description.values[language] ?? "", to: 3)
                }
                documents.append(document)
            }
        }
        index.add(contentsOf: documents)
        // A few thousand words: their texts are kept, so suggestions report matches and query words without
        // decoding them per query.
        index.keepTermTexts()
        self.index = index
        var positions: [Category.ID: Int] = [:]
        for (position, category) in catalog.categories.enumerated() where positions[category.id] == nil {
            positions[category.id] = position
        }
        let sharedCategories = catalog.categories.map { SharedValue($0) }
        self.entries = index.keys.map { key in
            guard let topic = catalog.topic(key), let category = catalog.category(topic.categoryID),
                let position = positions[category.id], sharedCategories[position].value == category
            else { return nil }
            return Entry(topic: SharedValue(topic), category: sharedCategories[position], categoryPosition: position)
        }
    }

    /// Builds the suggester for the shipped Twin help-center catalog.
    /// - Returns: The suggester.
    /// - Throws: ``CatalogError`` when the shipped catalog cannot be loaded.
    public static func twinHelpCenter() throws(CatalogError) -> TopicSuggester {
        TopicSuggester(catalog: try Catalog.twinHelpCenter())
    }

    /// Suggests topics and categories for a phrase.
    /// - Parameters:
    ///   - query: The phrase as typed (any language, layout or spelling).
    ///   - locale: The customer's language (for ``searchTips(in:)`` and titles; matching uses every language).
    ///   - limit: The most topics to return.
    /// - Returns: Ranked topics and categories; empty lists when nothing matches.
    public func suggest(_ query: String, locale: LanguageCode = .ru, limit: Int = 5) -> TopicSuggestions {
        var scratch = SearchScratch()
        return suggest(query, locale: locale, limit: limit, scratch: &scratch)
    }

    /// Suggests topics and categories for a phrase, with reusable working memory.
    /// - Parameters:
    ///   - query: The phrase as typed.
    ///   - locale: The customer's language.
    ///   - limit: The most topics to return.
    ///   - scratch: Working memory kept between calls.
    /// - Returns: Ranked topics and categories.
    public func suggest(
        _ query: String, locale: LanguageCode = .ru, limit: Int = 5, scratch: inout SearchScratch
    )
        -> TopicSuggestions
    {
        var plan = index.plan(query)
        QueryWeighting.weigh(&plan, in: index)
        // Ranked by document number and resolved through `entries` (no key, catalog lookup or hit per result).
        // A catalog's few topics are scored exhaustively (the same results as `rank`, without its pruning).
        let ranked =
            index.core.documentCount <= IndexCore.exhaustiveRankingLimit
            ? index.core.rankExhaustively(plan, limit: max(limit, 0), scratch: &scratch)
            : index.core.rank(plan, limit: max(limit, 0), scratch: &scratch, where: nil)
        var topics: [TopicSuggestion] = []
        topics.reserveCapacity(ranked.count)
        var categoryPositions: [Int] = []
        categoryPositions.reserveCapacity(ranked.count)
        for document in ranked {
            let doc = Int(document.doc)
            guard doc < entries.count, let entry = entries[doc] else { continue }
            topics.append(
                TopicSuggestion(
                    shared: entry.topic, category: entry.category, score: document.score, matches: document.matches))
            categoryPositions.append(entry.categoryPosition)
        }
        return TopicSuggestions(
            query: query, topics: topics,
            categories: Self.rankCategories(topics, categoryPositions: categoryPositions),
            correction: plan.correction, words: plan.allWords)
    }

    /// The catalog's search tips, to show under the search box.
    /// - Parameter language: The customer's language.
    /// - Returns: The tips (English, then Russian, when the language has none).
    public func searchTips(in language: LanguageCode) -> [String] { catalog.searchTips(in: language) }

    /// Ranks the categories of suggested topics: best topic's score plus a quarter of the others'; equal
    /// scores keep the order in which the categories first appear.
    /// - Parameters:
    ///   - topics: The suggested topics, best first.
    ///   - categoryPositions: For each topic, its category's position in the catalog (compared instead of
    ///     the identifiers' strings).
    static func rankCategories(_ topics: [TopicSuggestion], categoryPositions: [Int]) -> [CategorySuggestion] {
        // Categories in order of first appearance (a handful: a linear search of Ints), one slot each.
        var slots: [CategorySlot] = []
        slots.reserveCapacity(topics.count)
        // Suggestions read in place (a copy of each would retain its topic, category and matches).
        for position in topics.indices {
            let categoryPosition = categoryPositions[position]
            let score = topics[position].score
            if let slot = slots.firstIndex(where: { $0.categoryPosition == categoryPosition }) {
                slots[slot].score += score / 4
                slots[slot].members.append(topics[position].topicID)
            } else {
                slots.append(
                    CategorySlot(
                        categoryPosition: categoryPosition, score: score, firstTopic: position,
                        members: [topics[position].topicID]))
            }
        }
        // Stable insertion sort, best score first (equal scores keep first-appearance order).
        for index in slots.indices.dropFirst() {
            var current = index
            while current > 0 && slots[current - 1].score < slots[current].score {
                slots.swapAt(current - 1, current)
                current -= 1
            }
        }
        return slots.map {
            CategorySuggestion(
                shared: topics[$0.firstTopic].sharedCategoryValue, score: $0.score, topics: $0.members)
        }
    }

    /// A category being ranked by ``rankCategories(_:categoryPositions:)``.
    private struct CategorySlot {
        var categoryPosition: Int
        var score: Double
        var firstTopic: Int
        var members: [Topic.ID]
    }
}
