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
    /// The fields of every document, in order.
    public let fields: [SearchField]
    /// The tuning.
    public let configuration: SearchConfiguration

    // Vocabulary: words as written ("surfaces") and their stems.
    var surfaces = TermTable()
    var surfaceStem: [UInt32] = []
    var surfaceFlags: [UInt8] = []
    var surfacePostings: [[Posting]] = []
    var surfaceDocCount: [UInt32] = []
    var stems = TermTable()
    var stemPostings: [[Posting]] = []
    var stemDocCount: [UInt32] = []
    var trie = TermTrie()
    var skeletons = TermTable()
    var skeletonSurfaces: [[UInt32]] = []
    var skeletonTrie = TermTrie()

    // Synonyms: groups of single-word members (stem ids) and multi-word phrases (stem ids) → group.
    var synonymGroups: [[UInt32]] = []
    var synonymGroupsOfStem: [UInt32: [Int]] = [:]
    var synonymPhrases: [(stems: [UInt32], group: Int)] = []

    // Documents.
    var keys: [Key] = []
    var alive: [Bool] = []
    var lengths: [Float] = []
    /// Per document and field: `1 / (1 − b + b × length / average length)`, the BM25 length normalization,
    /// computed with ``normAverages``.
    var norms: [Float] = []
    /// The average field lengths the norms were computed with (recomputed when the real ones drift by 5 %).
    var normAverages: [Double]
    var keyToDoc: [Key: UInt32] = [:]
    var lengthTotals: [Double]
    var deadCount = 0

    static var stopFlag: UInt8 { 1 }
    static var synonymFlag: UInt8 { 2 }
    static var negationFlag: UInt8 { 4 }

    /// Creates an empty index.
    /// - Parameters:
    ///   - fields: The documents' fields (at least one).
    ///   - configuration: Tuning and synonyms.
    public init(fields: [SearchField], configuration: SearchConfiguration = SearchConfiguration()) {
        self.fields = fields.isEmpty ? [SearchField("text")] : fields
        self.configuration = configuration
        self.lengthTotals = Array(repeating: 0, count: self.fields.count)
        self.normAverages = Array(repeating: 0, count: self.fields.count)
        for word in StopWords.all.union(StopWords.negations).sorted() {
            _ = internSurface(word.unicodeScalars.map(\.value)[...])
        }
        loadSynonyms(configuration.synonyms)
    }

    /// The number of documents (not counting removed ones).
    public var count: Int { keys.count - deadCount }

    /// The number of distinct words the index knows.
    public var vocabularyCount: Int { surfaces.count }

    /// Whether a document with this key is indexed.
    /// - Parameter key: A document key.
    /// - Returns: `true` when it is.
    public func contains(_ key: Key) -> Bool { keyToDoc[key] != nil }

    // MARK: Adding and removing

    /// Adds a document, replacing the one with the same key if there is one.
    /// - Parameter document: The document. Texts naming a field outside ``fields`` are ignored.
    public mutating func add(_ document: SearchDocument<Key>) {
        if keyToDoc[document.key] != nil { remove(document.key) }
        var buffer = TokenBuffer()
        var keysBuffer: [UInt64] = []
        var stemKeys: [UInt64] = []
        index(document, buffer: &buffer, keysBuffer: &keysBuffer, stemKeys: &stemKeys)
    }

    /// Adds many documents (faster than one by one: buffers are reused).
    /// - Parameter documents: The documents; a key seen again replaces the earlier document.
    public mutating func add(contentsOf documents: some Sequence<SearchDocument<Key>>) {
        var buffer = TokenBuffer()
        var keysBuffer: [UInt64] = []
        var stemKeys: [UInt64] = []
        for document in documents {
            if keyToDoc[document.key] != nil { remove(document.key) }
            index(document, buffer: &buffer, keysBuffer: &keysBuffer, stemKeys: &stemKeys)
        }
    }

    /// Removes a document.
    /// - Parameter key: The document's key.
    /// - Returns: `true` when a document was removed.
    @discardableResult
    public mutating func remove(_ key: Key) -> Bool {
        guard let doc = keyToDoc.removeValue(forKey: key) else { return false }
        alive[Int(doc)] = false
        deadCount += 1
        let base = Int(doc) * fields.count
        for field in fields.indices { lengthTotals[field] -= Double(lengths[base + field]) }
        if deadCount > 64 && deadCount * 4 > keys.count { compact() }
        refreshNormsIfDrifted()
        return true
    }

    private mutating func index(
        _ document: SearchDocument<Key>, buffer: inout TokenBuffer, keysBuffer: inout [UInt64],
        stemKeys: inout [UInt64]
    ) {
        let doc = UInt32(keys.count)
        keys.append(document.key)
        alive.append(true)
        keyToDoc[document.key] = doc
        let fieldCount = fields.count
        lengths.append(contentsOf: repeatElement(0, count: fieldCount))
        let base = Int(doc) * fieldCount
        keysBuffer.removeAll(keepingCapacity: true)
        var pairKeys: [UInt64] = []
        var pairKey: [UInt32] = []
        let indexesPairs = configuration.indexesWordPairs
        for text in document.texts where text.field >= 0 && text.field < fieldCount {
            buffer.removeAll()
            Tokenizer().tokenize(text.text, into: &buffer, extras: true)
            var length = 0
            var previousStem: UInt32?
            for span in buffer.spans {
                let surface = internSurface(buffer.scalars(of: span), script: span.script)
                if surfaceFlags[Int(surface)] & Self.stopFlag != 0 { continue }
                if !span.isExtra {
                    length += 1
                    if indexesPairs {
                        let stem = surfaceStem[Int(surface)]
                        if let previousStem {
                            pairKey.removeAll(keepingCapacity: true)
                            Self.pairKey(stems.scalars(previousStem), stems.scalars(stem), into: &pairKey)
                            pairKeys.append(UInt64(internStem(pairKey)) << 8 | UInt64(text.field))
                        }
                        previousStem = stem
                    }
                }
                keysBuffer.append(UInt64(surface) << 8 | UInt64(text.field))
            }
            lengths[base + text.field] += Float(length)
            lengthTotals[text.field] += Double(length)
        }
        for field in 0..<fieldCount { norms.append(norm(length: lengths[base + field], field: field)) }
        refreshNormsIfDrifted()
        guard !keysBuffer.isEmpty else { return }
        keysBuffer.sort()
        // Surfaces, and stems accumulated per (stem, field).
        stemKeys.removeAll(keepingCapacity: true)
        var index = 0
        var previousSurface = UInt32.max
        while index < keysBuffer.count {
            let key = keysBuffer[index]
            var run = 1
            while index + run < keysBuffer.count && keysBuffer[index + run] == key { run += 1 }
            let surface = UInt32(key >> 8)
            let field = UInt16(key & 0xFF)
            surfacePostings[Int(surface)].append(Posting(doc: doc, field: field, tf: UInt16(min(run, 65535))))
            if surface != previousSurface {
                surfaceDocCount[Int(surface)] += 1
                previousSurface = surface
            }
            let stem = surfaceStem[Int(surface)]
            for _ in 0..<run { stemKeys.append(UInt64(stem) << 8 | UInt64(field)) }
            index += run
        }
        stemKeys += pairKeys
        stemKeys.sort()
        index = 0
        var previousStem = UInt32.max
        while index < stemKeys.count {
            let key = stemKeys[index]
            var run = 1
            while index + run < stemKeys.count && stemKeys[index + run] == key { run += 1 }
            let stem = UInt32(key >> 8)
            let field = UInt16(key & 0xFF)
            stemPostings[Int(stem)].append(Posting(doc: doc, field: field, tf: UInt16(min(run, 65535))))
            if stem != previousStem {
                stemDocCount[Int(stem)] += 1
                previousStem = stem
            }
            index += run
        }
    }

    /// Rebuilds the posting lists without removed documents and renumbers the documents.
    private mutating func compact() {
        var newNumber = [UInt32](repeating: UInt32.max, count: keys.count)
        var newKeys: [Key] = []
        var newLengths: [Float] = []
        newKeys.reserveCapacity(count)
        let fieldCount = fields.count
        for doc in keys.indices where alive[doc] {
            newNumber[doc] = UInt32(newKeys.count)
            newKeys.append(keys[doc])
            newLengths.append(contentsOf: lengths[doc * fieldCount..<(doc + 1) * fieldCount])
        }
        func rebuild(_ lists: inout [[Posting]], _ counts: inout [UInt32]) {
            for term in lists.indices where !lists[term].isEmpty {
                var kept: [Posting] = []
                var docs: UInt32 = 0
                var previous = UInt32.max
                for posting in lists[term] where newNumber[Int(posting.doc)] != UInt32.max {
                    let doc = newNumber[Int(posting.doc)]
                    kept.append(Posting(doc: doc, field: posting.field, tf: posting.tf))
                    if doc != previous {
                        docs += 1
                        previous = doc
                    }
                }
                lists[term] = kept
                counts[term] = docs
            }
        }
        rebuild(&surfacePostings, &surfaceDocCount)
        rebuild(&stemPostings, &stemDocCount)
        keys = newKeys
        lengths = newLengths
        norms = []
        for doc in newKeys.indices {
            for field in 0..<fieldCount {
                norms.append(norm(length: newLengths[doc * fieldCount + field], field: field))
            }
        }
        alive = Array(repeating: true, count: newKeys.count)
        keyToDoc = Dictionary(uniqueKeysWithValues: newKeys.enumerated().map { ($1, UInt32($0)) })
        deadCount = 0
    }

    // MARK: Length normalization

    /// The BM25 length normalization of a field of a given length, with the averages of ``normAverages``.
    private func norm(length: Float, field: Int) -> Float {
        let b = fields[field].lengthNormalization
        let average = normAverages[field]
        guard average > 0 else { return 1 }
        return Float(1 / max(1 - b + b * Double(length) / average, 0.05))
    }

    /// Recomputes every norm when an average field length moved more than 5 % from the one they used.
    private mutating func refreshNormsIfDrifted() {
        let live = Double(max(count, 1))
        var drifted = false
        for field in fields.indices {
            let average = lengthTotals[field] / live
            let used = normAverages[field]
            if abs(average - used) > 0.05 * max(used, 0.000_001) { drifted = true }
        }
        guard drifted else { return }
        for field in fields.indices { normAverages[field] = lengthTotals[field] / live }
        let fieldCount = fields.count
        for doc in keys.indices {
            for field in 0..<fieldCount {
                norms[doc * fieldCount + field] = norm(length: lengths[doc * fieldCount + field], field: field)
            }
        }
    }

    // MARK: Vocabulary

    /// Interns a word as written, computing its stem, flags and look-up entries the first time.
    @discardableResult
    mutating func internSurface(_ word: ArraySlice<UInt32>, script: TokenBuffer.Script? = nil) -> UInt32 {
        let (id, isNew) = surfaces.intern(word)
        guard isNew else { return id }
        let text = String.fromScalars(word)
        var flags: UInt8 = 0
        if StopWords.all.contains(text) { flags |= Self.stopFlag }
        if StopWords.negations.contains(text) { flags |= Self.negationFlag }
        let script = script ?? Homoglyphs.script(Array(word), 0..<word.count)
        let stem = internStem(TermStemming.stem(word, script: script))
        surfaceStem.append(stem)
        surfaceFlags.append(flags)
        surfacePostings.append([])
        surfaceDocCount.append(0)
        if word.count >= 2 { trie.insert(word, term: id) }
        if script == .cyrillic, let skeleton = Transliteration.skeleton(cyrillic: word) {
            let (skeletonID, newSkeleton) = skeletons.intern(skeleton)
            if newSkeleton {
                skeletonSurfaces.append([id])
                skeletonTrie.insert(skeleton, term: skeletonID)
            } else {
                skeletonSurfaces[Int(skeletonID)].append(id)
            }
        }
        return id
    }

    /// The term of two neighbouring stems: `first` + space + `second` (a space never occurs inside a word).
    static func pairKey(_ first: ArraySlice<UInt32>, _ second: ArraySlice<UInt32>, into key: inout [UInt32]) {
        key.append(contentsOf: first)
        key.append(0x20)
        key.append(contentsOf: second)
    }

    private mutating func internStem(_ stem: [UInt32]) -> UInt32 {
        let (id, isNew) = stems.intern(stem)
        if isNew {
            stemPostings.append([])
            stemDocCount.append(0)
        }
        return id
    }

    private mutating func loadSynonyms(_ groups: [[String]]) {
        var buffer = TokenBuffer()
        for group in groups {
            let groupIndex = synonymGroups.count
            var single: [UInt32] = []
            for member in group {
                buffer.removeAll()
                Tokenizer().tokenize(member, into: &buffer, extras: false)
                let words = buffer.spans.map { span -> UInt32 in
                    let surface = internSurface(buffer.scalars(of: span), script: span.script)
                    surfaceFlags[Int(surface)] |= Self.synonymFlag
                    return surfaceStem[Int(surface)]
                }
                if words.count == 1 {
                    if !single.contains(words[0]) { single.append(words[0]) }
                } else if words.count > 1 {
                    synonymPhrases.append((words, groupIndex))
                }
            }
            synonymGroups.append(single)
            for stem in single { synonymGroupsOfStem[stem, default: []].append(groupIndex) }
        }
    }
}
