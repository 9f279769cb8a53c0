/// Tuning of a ``SearchIndex``: BM25 saturation, match-class weights, synonyms and expansion limits.
public struct SearchConfiguration: Hashable, Sendable {
    /// The factor applied to a match of each class (and to repaired words).
    ///
    /// A match contributes `factor × idf × BM25F(tf)`; for every query word a document keeps only its best
    /// match, so an exact match is never added to a stemmed one of the same word.
    public struct MatchWeights: Hashable, Sendable {
        /// The same word.
        public var exact: Double = 1.0
        /// Another form of the word.
        public var stemmed: Double = 0.85
        /// A synonym.
        public var synonym: Double = 0.7
        /// A typo-corrected word at distance 1 (distance 2 gets ``typo`` × ``typo``… see ``typoDistance2``).
        public var typo: Double = 0.6
        /// A typo-corrected word at distance 2.
        public var typoDistance2: Double = 0.45
        /// A completion of the unfinished last word.
        public var prefix: Double = 0.5
        /// Multiplies the matches of a word repaired from the wrong keyboard layout.
        public var keyboardLayout: Double = 0.95
        /// Multiplies the matches of a word recognized as transliterated Russian.
        public var transliteration: Double = 0.9

        /// The default weights.
        public init() {}
    }

    /// BM25 term-frequency saturation (`k1`).
    public var k1: Double = 1.2
    /// The match-class factors.
    public var matchWeights = MatchWeights()
    /// Groups of words that mean the same (each group at least two words; words may be phrases).
    public var synonyms: [[String]] = []
    /// The most vocabulary words an unfinished last word expands to (the most frequent are kept).
    public var maxPrefixExpansions = 24
    /// The shortest unfinished word that is expanded as a prefix.
    public var minimumPrefixLength = 2
    /// The most typo corrections kept per word (the nearest, then the most frequent).
    public var maxTypoCandidates = 3
    /// Whether neighbouring words are also indexed as pairs, so that documents with the query's words side
    /// by side (“не понимает”) rank above documents with the words apart. Costs index size and build time;
    /// worth it for short, curated documents such as catalog topics.
    public var indexesWordPairs = false
    /// Whether typo look-ups use a deletion dictionary (every vocabulary word with up to two letters deleted)
    /// instead of walking the vocabulary trie: a look-up is a few dozen hash probes, for about 60 table
    /// entries per word. The same words are found. Worth it for small vocabularies queried often, such as
    /// the catalog's topics; too large for a vocabulary of many thousands of documents.
    public var indexesTypoDeletions = false
    /// The factor of a word-pair match (added on top of the words' own matches).
    public var wordPairWeight = 0.5
    /// Whether the last word of a query that does not end with a space or punctuation is also a prefix.
    public var completesLastWord = true

    /// The default configuration.
    public init() {}

    /// A configuration with synonyms.
    /// - Parameter synonyms: Groups of words that mean the same.
    public init(synonyms: [[String]]) { self.synonyms = synonyms }
}
