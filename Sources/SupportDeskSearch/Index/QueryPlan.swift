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
        /// The word's forms, strongest first: their positions in the plan's ``QueryPlan/forms`` (one array
        /// for the whole query, so a word costs no allocation of its own).
        var forms: Range<Int>
        /// A pair of neighbouring query words matched as a pair (a proximity bonus, not reported).
        var isPair = false
        /// A word added for a multi-word synonym found in the query.
        var isPhraseSynonym = false

        /// A word the customer typed (not a pair or phrase synonym added by the analysis).
        var isTyped: Bool { !isPair && !isPhraseSynonym }
    }

    /// The words that are searched (stop words and words with no form are left out).
    var words: [Word] = []
    /// The forms of every searched word, word after word.
    var forms: [Form] = []
    /// Every word of the query, for the caller and the correction text.
    var allWords: [QueryWord] = []
    /// The corrected query, when a word was repaired.
    var correction: String?

    /// Appends a searched word with its forms.
    mutating func append(
        _ word: QueryWord, forms newForms: some Collection<Form>, isPair: Bool = false, isPhraseSynonym: Bool = false
    ) {
        let start = forms.count
        forms.append(contentsOf: newForms)
        words.append(Word(word: word, forms: start..<forms.count, isPair: isPair, isPhraseSynonym: isPhraseSynonym))
    }

    /// Appends a searched word whose forms are the last ones of ``forms``, from `start` on.
    mutating func append(_ word: QueryWord, formsFrom start: Int) {
        words.append(Word(word: word, forms: start..<forms.count))
    }

    /// Adds a form to a word (after its others), moving the later words' forms along.
    mutating func addForm(_ form: Form, toWord position: Int) {
        let end = words[position].forms.upperBound
        forms.insert(form, at: end)
        words[position].forms = words[position].forms.lowerBound..<end + 1
        for later in words.indices where later > position {
            words[later].forms = words[later].forms.lowerBound + 1..<words[later].forms.upperBound + 1
        }
    }
}
