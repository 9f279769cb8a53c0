extension SearchIndex {
    /// Searches the index.
    /// - Parameters:
    ///   - query: The query as typed.
    ///   - limit: The most hits to return.
    ///   - isIncluded: Keeps only documents whose key passes (checked only for documents that would enter
    ///     the results).
    /// - Returns: The best hits, best first, with the analyzed query and a correction.
    public func search(
        _ query: String, limit: Int = 10, where isIncluded: ((Key) -> Bool)? = nil
    )
        -> SearchResults<Key>
    {
        var scratch = SearchScratch()
        return search(query, limit: limit, scratch: &scratch, where: isIncluded)
    }

    /// Searches the index with reusable working memory.
    /// - Parameters:
    ///   - query: The query as typed.
    ///   - limit: The most hits to return.
    ///   - scratch: Working memory kept between searches.
    ///   - fields: The positions of the fields to search (`nil`: all), so that, for example, a customer's
    ///     search never matches agents' internal notes.
    ///   - isIncluded: Keeps only documents whose key passes.
    /// - Returns: The best hits, best first, with the analyzed query and a correction.
    public func search(
        _ query: String, limit: Int = 10, fields: [Int]? = nil, scratch: inout SearchScratch,
        where isIncluded: ((Key) -> Bool)? = nil
    ) -> SearchResults<Key> {
        let plan = self.plan(query)
        let hits = rank(plan, limit: limit, fieldMask: Self.fieldMask(fields), scratch: &scratch, where: isIncluded)
        return SearchResults(hits: hits, words: plan.allWords, correction: plan.correction)
    }

    /// Analyzes a query against this index.
    func plan(_ query: String) -> QueryPlan { core.plan(query) }

    /// Scores a plan and returns the best hits with their keys.
    func rank(
        _ plan: QueryPlan, limit: Int, fieldMask: UInt64 = .max, scratch: inout SearchScratch,
        where isIncluded: ((Key) -> Bool)?, restrictedTo restriction: [Key]? = nil
    ) -> [SearchHit<Key>] {
        let keys = self.keys
        let filter: ((UInt32) -> Bool)? = isIncluded.map { isIncluded in { isIncluded(keys[Int($0)]) } }
        let documents = restriction.map { $0.compactMap { keyToDoc[$0] }.sorted() }
        return core.rank(
            plan, limit: limit, fieldMask: fieldMask, scratch: &scratch, where: filter, restrictedTo: documents
        ).map {
            SearchHit(key: keys[Int($0.doc)], score: $0.score, matches: $0.matches)
        }
    }

    /// A bit per searched field (all fields for `nil`).
    static func fieldMask(_ fields: [Int]?) -> UInt64 { IndexCore.fieldMask(fields) }

    /// The highest score any document could get for a plan.
    func maximumScore(of plan: QueryPlan) -> Double { core.maximumScore(of: plan) }
}
