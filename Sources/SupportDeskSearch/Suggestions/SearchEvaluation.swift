/// Measures topic suggestion quality on labelled queries: MRR, Recall@1 and Recall@3, overall and per kind.
public struct SearchEvaluation: Sendable {
    /// Quality figures over a set of queries.
    public struct Metrics: Hashable, Sendable {
        /// The number of queries.
        public var count: Int
        /// Mean reciprocal rank of the first acceptable topic (0 when none is in the top 10).
        public var meanReciprocalRank: Double
        /// Share of queries whose first suggestion is acceptable.
        public var recallAt1: Double
        /// Share of queries with an acceptable topic among the first three.
        public var recallAt3: Double

        /// Creates metrics.
        public init(count: Int, meanReciprocalRank: Double, recallAt1: Double, recallAt3: Double) {
            self.count = count
            self.meanReciprocalRank = meanReciprocalRank
            self.recallAt1 = recallAt1
            self.recallAt3 = recallAt3
        }
    }

    /// How one query did.
    public struct Outcome: Hashable, Sendable {
        /// The query.
        public var query: EvaluationQuery
        /// The suggested topics, best first (top 10).
        public var suggested: [Topic.ID]
        /// The 1-based rank of the first acceptable topic, or `nil` when none was suggested.
        public var rank: Int?
    }

    /// The result of an evaluation.
    public struct Report: Hashable, Sendable {
        /// Over all queries.
        public var overall: Metrics
        /// Per query kind, kinds sorted by name.
        public var perKind: [(kind: String, metrics: Metrics)] {
            kinds.compactMap { kind in byKind[kind].map { (kind, $0) } }
        }
        /// Every query's outcome, in input order.
        public var outcomes: [Outcome]

        private var kinds: [String]
        private var byKind: [String: Metrics]

        init(overall: Metrics, byKind: [String: Metrics], outcomes: [Outcome]) {
            self.overall = overall
            self.byKind = byKind
            self.kinds = byKind.keys.sorted()
            self.outcomes = outcomes
        }

        /// The metrics of one kind.
        /// - Parameter kind: A query kind.
        /// - Returns: Its metrics, or `nil` when no query had that kind.
        public func metrics(ofKind kind: String) -> Metrics? { byKind[kind] }

        public static func == (lhs: Report, rhs: Report) -> Bool {
            lhs.overall == rhs.overall && lhs.byKind == rhs.byKind && lhs.outcomes == rhs.outcomes
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(overall)
            hasher.combine(outcomes)
        }
    }

    /// The suggester being measured.
    public let suggester: TopicSuggester

    /// Creates an evaluation.
    /// - Parameter suggester: The suggester to measure.
    public init(suggester: TopicSuggester) { self.suggester = suggester }

    /// Runs every query and computes the metrics.
    /// - Parameters:
    ///   - queries: Labelled queries.
    ///   - locale: The language the queries are typed for.
    /// - Returns: The report.
    public func evaluate(_ queries: [EvaluationQuery], locale: LanguageCode = .ru) -> Report {
        var scratch = SearchScratch()
        var outcomes: [Outcome] = []
        for query in queries {
            let suggested = suggester.suggest(query.query, locale: locale, limit: 10, scratch: &scratch).topics.map(
                \.topic.id)
            let rank = suggested.firstIndex(where: { query.acceptableTopics.contains($0) }).map { $0 + 1 }
            outcomes.append(Outcome(query: query, suggested: suggested, rank: rank))
        }
        var groups: [String: [Outcome]] = [:]
        for outcome in outcomes { groups[outcome.query.kind, default: []].append(outcome) }
        return Report(
            overall: Self.metrics(outcomes), byKind: groups.mapValues(Self.metrics), outcomes: outcomes)
    }

    static func metrics(_ outcomes: [Outcome]) -> Metrics {
        guard !outcomes.isEmpty else { return Metrics(count: 0, meanReciprocalRank: 0, recallAt1: 0, recallAt3: 0) }
        let count = Double(outcomes.count)
        let reciprocal = outcomes.reduce(0.0) { $0 + ($1.rank.map { 1 / Double($0) } ?? 0) }
        let at1 = outcomes.filter { ($0.rank ?? 99) <= 1 }.count
        let at3 = outcomes.filter { ($0.rank ?? 99) <= 3 }.count
        return Metrics(
            count: outcomes.count, meanReciprocalRank: reciprocal / count, recallAt1: Double(at1) / count,
            recallAt3: Double(at3) / count)
    }
}
