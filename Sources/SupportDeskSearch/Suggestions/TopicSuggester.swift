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
        self.index = index
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
        let hits = index.rank(plan, limit: max(limit, 0), scratch: &scratch, where: nil)
        var topics: [TopicSuggestion] = []
        for hit in hits {
            guard let topic = catalog.topic(hit.key), let category = catalog.category(topic.categoryID) else {
                continue
            }
            topics.append(TopicSuggestion(topic: topic, category: category, score: hit.score, matches: hit.matches))
        }
        return TopicSuggestions(
            query: query, topics: topics, categories: Self.rankCategories(topics), correction: plan.correction,
            words: plan.allWords)
    }

    /// The catalog's search tips, to show under the search box.
    /// - Parameter language: The customer's language.
    /// - Returns: The tips (English, then Russian, when the language has none).
    public func searchTips(in language: LanguageCode) -> [String] { catalog.searchTips(in: language) }

    /// Ranks the categories of suggested topics: best topic's score plus a quarter of the others'.
    static func rankCategories(_ topics: [TopicSuggestion]) -> [CategorySuggestion] {
        // Categories in order of first appearance, accumulated by index (no dictionary of large values).
        var ids: [Category.ID] = []
        var scores: [Double] = []
        var members: [[Topic.ID]] = []
        var firstTopic: [Int] = []
        for (position, suggestion) in topics.enumerated() {
            let id = suggestion.category.id
            if let index = ids.firstIndex(of: id) {
                scores[index] += suggestion.score / 4
                members[index].append(suggestion.topic.id)
            } else {
                ids.append(id)
                scores.append(suggestion.score)
                members.append([suggestion.topic.id])
                firstTopic.append(position)
            }
        }
        let order = ids.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        return order.map {
            CategorySuggestion(category: topics[firstTopic[$0]].category, score: scores[$0], topics: members[$0])
        }
    }
}
