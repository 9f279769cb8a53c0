/// A ranked full-text index: documents with weighted fields, added, updated and removed at any time,
/// searched with BM25F and the query repairs customers need (wrong keyboard layout, transliteration,
/// typos, unfinished last word, synonyms).
///
/// Words are folded (``TextNormalizer``), cut by the ``Tokenizer``, stop words are dropped (negations are
/// kept, see ``StopWords``) and every word is indexed twice: as written, and as its Snowball stem, so
/// exact matches rank above other word forms. Terms are interned as integers; posting lists are contiguous
/// arrays; a search touches only the postings of its terms and keeps the best `limit` hits in a small heap.
///
/// A search scores every document by
///
///     score(d) = Σ over query words w:  weight(w) × max over the forms f of w:  factor(f) × idf(f) × sat(tf̃)
///     tf̃ = Σ over fields F:  weight(F) × tf(f, F, d) / (1 − b(F) + b(F) × len(F, d) / avglen(F))
///     sat(x) = x × (k1 + 1) / (k1 + x),   idf(f) = ln(1 + (N − df + 0.5) / (df + 0.5))  (df of the stem)
///
/// where the forms of a word are: the word itself (exact), its stem (stemmed), its synonyms, its typo
/// corrections, its completions (last word only), each with a factor from
/// ``SearchConfiguration/MatchWeights``. Ties are broken by the number of query words matched (more first),
/// then by the order documents were added (earlier first).
///
/// Removal marks a document deleted at once; its postings are dropped when a quarter of the documents are
/// deleted (until then, like Lucene, document frequencies still count it).
///
/// The index is a value type: copies are independent (copy-on-write), and it is `Sendable` when its key is.
public struct SearchIndex<Key: Hashable & Sendable>: Sendable {
    /// Vocabulary, postings, statistics, query analysis and scoring (independent of the key type).
    @usableFromInline var core: IndexCore
    /// The key of each document number.
    @usableFromInline var keys: [Key] = []
    @usableFromInline var keyToDoc: [Key: UInt32] = [:]

    /// The fields of every document, in order.
    public var fields: [SearchField] { core.fields }
    /// The tuning.
    public var configuration: SearchConfiguration { core.configuration }

    /// Creates an empty index.
    /// - Parameters:
    ///   - fields: The documents' fields (at least one).
    ///   - configuration: Tuning and synonyms.
    public init(fields: [SearchField], configuration: SearchConfiguration = SearchConfiguration()) {
        core = IndexCore(fields: fields, configuration: configuration)
    }

    /// The number of documents (not counting removed ones).
    public var count: Int { core.count }

    /// The number of distinct words the index knows.
    public var vocabularyCount: Int { core.surfaces.count }

    /// Whether a document with this key is indexed.
    /// - Parameter key: A document key.
    /// - Returns: `true` when it is.
    public func contains(_ key: Key) -> Bool { keyToDoc[key] != nil }

    // MARK: Adding and removing

    /// Adds a document, replacing the one with the same key if there is one.
    ///
    /// Inlinable, like ``add(contentsOf:)``: the key's hashing and the key table are then specialized for the
    /// caller's key type (generic code reached across the module boundary looked up type metadata per call).
    /// - Parameter document: The document. Texts naming a field outside ``fields`` are ignored.
    @inlinable
    public mutating func add(_ document: SearchDocument<Key>) {
        if keyToDoc[document.key] != nil { remove(document.key) }
        let doc = core.beginDocument()
        for text in document.texts { core.addText(text.text, field: text.field) }
        core.endDocument()
        keys.append(document.key)
        keyToDoc[document.key] = doc
    }

    /// Adds many documents (a key seen again replaces the earlier document).
    /// - Parameter documents: The documents.
    @inlinable
    public mutating func add(contentsOf documents: some Sequence<SearchDocument<Key>>) {
        for document in documents { add(document) }
    }

    /// Keeps the text of every vocabulary word and stem from now on (see ``TermTable/keepTexts()``): for a
    /// small index read far more often than it grows, whose reported matches and query words then cost no
    /// text decoding per query.
    mutating func keepTermTexts() {
        core.surfaces.keepTexts()
        core.stems.keepTexts()
    }

    /// Removes a document.
    /// - Parameter key: The document's key.
    /// - Returns: `true` when a document was removed.
    @discardableResult
    public mutating func remove(_ key: Key) -> Bool {
        guard let doc = keyToDoc.removeValue(forKey: key) else { return false }
        if let renumbering = core.removeDocument(doc) {
            var newKeys: [Key] = []
            newKeys.reserveCapacity(core.documentCount)
            for (old, number) in renumbering.enumerated() where number != UInt32.max { newKeys.append(keys[old]) }
            keys = newKeys
            keyToDoc = Dictionary(uniqueKeysWithValues: newKeys.enumerated().map { ($1, UInt32($0)) })
        }
        return true
    }
}
