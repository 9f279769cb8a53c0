/// A query analyzed against an index: its words, each with the index terms it may match and their factors.
struct QueryPlan: Sendable {
    /// One index term a query word may match.
    struct Form: Sendable {
        /// Whether the term is a stem (`true`) or a word as written (`false`).
        var isStem: Bool
        /// The term id.
        var term: UInt32
        /// The match-class factor (already multiplied by the repair factor).
        var factor: Float
        /// The match class reported to the caller.
        var kind: MatchKind
    }

    /// One query word with its forms.
    struct Word: Sendable {
        var word: QueryWord
        var forms: [Form]
        /// A pair of neighbouring query words matched as a pair (a proximity bonus, not reported).
        var isPair = false
        /// A word added for a multi-word synonym found in the query.
        var isPhraseSynonym = false

        /// A word the customer typed (not a pair or phrase synonym added by the analysis).
        var isTyped: Bool { !isPair && !isPhraseSynonym }
    }

    /// The words that are searched (stop words and words with no form are left out).
    var words: [Word] = []
    /// Every word of the query, for the caller and the correction text.
    var allWords: [QueryWord] = []
    /// The corrected query, when a word was repaired.
    var correction: String?
}
