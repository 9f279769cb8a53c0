/// The non-generic part of a ``SearchIndex``: vocabulary, posting lists, document statistics, query analysis
/// and scoring. Keeping it free of the key type lets the compiler specialize the hot loops once, whatever key
/// the index is used with (unspecialized generic code would look up field offsets and witnesses per access).
@usableFromInline
struct IndexCore: Sendable {
    /// The fields of every document, in order.
    let fields: [SearchField]
    /// The tuning.
    let configuration: SearchConfiguration
    /// Each field's weight.
    let fieldWeights: [Float]

    // Vocabulary: words as written ("surfaces") and their stems.
    var surfaces = TermTable()
    var surfaceStem: [UInt32] = []
    var surfaceFlags: [UInt8] = []
    var surfacePostings: [[Posting]] = []
    var surfaceDocCount: [UInt32] = []
    /// Per word: the most its postings give one document, `Σ fieldWeight × tf × norm` (the bound MaxScore
    /// uses, tighter than assuming an unbounded term frequency).
    var surfaceMaxImpact: [Float] = []
    var stems = TermTable()
    /// Per stem: the same bound.
    var stemMaxImpact: [Float] = []
    var stemPostings: [[Posting]] = []
    var stemDocCount: [UInt32] = []
    /// Per stem: the number of vocabulary words with it that were ever indexed (removals not subtracted). A
    /// stem of one indexed word has exactly that word's postings.
    var stemSurfaceCount: [UInt32] = []
    var trie = TermTrie()
    /// With ``SearchConfiguration/indexesWordPairs``: neighbouring stems → the stem id of their pair term.
    var pairs = PairTable()
    /// With ``SearchConfiguration/indexesTypoDeletions``: the hash of every vocabulary word (of 2+ letters)
    /// with up to two letters deleted (variants of 3+ letters) → the words.
    var deletions = DeletionTable()
    /// The same for transliteration skeletons, up to one letter deleted (skeleton look-ups allow one typo).
    var skeletonDeletions = DeletionTable()
    var skeletons = TermTable()
    var skeletonSurfaces: [[UInt32]] = []
    var skeletonTrie = TermTrie()

    // Synonyms: groups of single-word members (stem ids) and multi-word phrases (stem ids) → group.
    var synonymGroups: [[UInt32]] = []
    var synonymGroupsOfStem: [UInt32: [Int]] = [:]
    var synonymPhrases: [(stems: [UInt32], group: Int)] = []

    // Documents, numbered in the order they were added (compaction renumbers them).
    /// The number of document numbers in use (removed documents included until compaction).
    var documentCount = 0
    var alive: [Bool] = []
    var lengths: [Float] = []
    /// Per document and field: `1 / (1 − b + b × length / average length)`, the BM25 length normalization,
    /// computed with ``normAverages``.
    var norms: [Float] = []
    /// The average field lengths the norms were computed with (recomputed when the real ones drift by 5 %).
    var normAverages: [Double]
    var lengthTotals: [Double]
    var deadCount = 0
    /// A search looks for a lower bound of its final threshold by scoring its best documents so far in full
    /// (`probedFloor`) only once at least this many documents are touched (and at least as many postings are
    /// left): it costs a few passes over them, which pay only when it spares long lists. Tests lower it.
    var probeMinimumTouched = 8_192

    static var stopFlag: UInt8 { 1 }
    static var synonymFlag: UInt8 { 2 }
    static var negationFlag: UInt8 { 4 }

    // Buffers reused while adding documents.
    private var tokenBuffer = TokenBuffer()
    private var surfaceKeys: [UInt64] = []
    private var stemKeys: [UInt64] = []
    private var pairKeys: [UInt64] = []
    private var pairKey: [UInt32] = []
    private var openDocument: UInt32?

    /// Creates an empty core.
    init(fields: [SearchField], configuration: SearchConfiguration) {
        self.fields = fields.isEmpty ? [SearchField("text")] : fields
        self.configuration = configuration
        self.fieldWeights = self.fields.map { Float($0.weight) }
        self.lengthTotals = Array(repeating: 0, count: self.fields.count)
        self.normAverages = Array(repeating: 0, count: self.fields.count)
        // Stop words and negations first: every later word that is one finds its entry and flags here, so
        // words interned later need no look-up in the word lists.
        for word in StopWords.all.union(StopWords.negations).sorted() {
            let surface = Int(internSurface(word.unicodeScalars.map(\.value)[...]))
            if StopWords.all.contains(word) { surfaceFlags[surface] |= Self.stopFlag }
            if StopWords.negations.contains(word) { surfaceFlags[surface] |= Self.negationFlag }
        }
        loadSynonyms(configuration.synonyms)
    }

    /// The number of live documents.
    var count: Int { documentCount - deadCount }

    // MARK: Adding and removing

    /// Starts a document; add its texts with ``addText(_:field:)`` and finish with ``endDocument()``.
    /// - Returns: The document's number.
    @usableFromInline
    mutating func beginDocument() -> UInt32 {
        let doc = UInt32(documentCount)
        documentCount += 1
        alive.append(true)
        lengths.append(contentsOf: repeatElement(0, count: fields.count))
        surfaceKeys.removeAll(keepingCapacity: true)
        pairKeys.removeAll(keepingCapacity: true)
        openDocument = doc
        return doc
    }

    /// Adds a text of the open document to a field (texts of unknown fields are ignored).
    @usableFromInline
    mutating func addText(_ text: String, field: Int) {
        guard let doc = openDocument, field >= 0, field < fields.count else { return }
        let base = Int(doc) * fields.count
        // The token buffer is moved out while its scalars are read through a pointer (no slice, so no
        // retain and release, per token), and moved back after.
        var tokens = TokenBuffer()
        swap(&tokens, &tokenBuffer)
        tokens.removeAll()
        Tokenizer().tokenize(text, into: &tokens, extras: true)
        var length = 0
        var previousStem: UInt32?
        let indexesPairs = configuration.indexesWordPairs
        tokens.scalars.withUnsafeBufferPointer { scalars in
            for span in tokens.spans {
                let word = UnsafeBufferPointer(rebasing: scalars[Int(span.start)..<Int(span.end)])
                let (surface, isNew) = surfaces.intern(word)
                if isNew { registerSurface(surface, word: Array(word)[...], script: span.script) }
                if surfaceFlags[Int(surface)] & Self.stopFlag != 0 { continue }
                if !span.isExtra {
                    length += 1
                    if indexesPairs {
                        let stem = surfaceStem[Int(surface)]
                        if let previousStem {
                            let pair: UInt32
                            if let known = pairs.id(previousStem, stem) {
                                pair = known
                            } else {
                                pairKey.removeAll(keepingCapacity: true)
                                Self.pairKey(stems.scalars(previousStem), stems.scalars(stem), into: &pairKey)
                                pair = internStem(pairKey)
                                pairs.insert(previousStem, stem, id: pair)
                            }
                            pairKeys.append(UInt64(pair) << 8 | UInt64(field))
                        }
                        previousStem = stem
                    }
                }
                surfaceKeys.append(UInt64(surface) << 8 | UInt64(field))
            }
        }
        swap(&tokens, &tokenBuffer)
        lengths[base + field] += Float(length)
        lengthTotals[field] += Double(length)
    }

    /// Finishes the open document: writes its postings and length norms.
    @usableFromInline
    mutating func endDocument() {
        guard let doc = openDocument else { return }
        openDocument = nil
        let fieldCount = fields.count
        let base = Int(doc) * fieldCount
        for field in 0..<fieldCount { norms.append(norm(length: lengths[base + field], field: field)) }
        writePostings(doc)
        refreshNormsIfDrifted()
    }

    /// Marks a document removed.
    /// - Returns: The new numbering (old number → new, `UInt32.max` for removed documents) when the removal
    ///   triggered a compaction, else `nil`.
    mutating func removeDocument(_ doc: UInt32) -> [UInt32]? {
        guard Int(doc) < documentCount, alive[Int(doc)] else { return nil }
        alive[Int(doc)] = false
        deadCount += 1
        let base = Int(doc) * fields.count
        for field in fields.indices { lengthTotals[field] -= Double(lengths[base + field]) }
        var renumbering: [UInt32]?
        if deadCount > 64 && deadCount * 4 > documentCount { renumbering = compact() }
        refreshNormsIfDrifted()
        return renumbering
    }

    private mutating func writePostings(_ doc: UInt32) {
        guard !surfaceKeys.isEmpty else { return }
        surfaceKeys.sort()
        let normBase = Int(doc) * fields.count
        Self.appendPostings(
            doc, keys: surfaceKeys, norms: norms, normBase: normBase, weights: fieldWeights,
            postings: &surfacePostings, documents: &surfaceDocCount, impacts: &surfaceMaxImpact)
        // Stems accumulated per (stem, field): a surface key's occurrences become its stem's, with the word
        // pairs; a surface at its first document counts as one more indexed word of its stem.
        stemKeys.removeAll(keepingCapacity: true)
        var previous = UInt32.max
        for key in surfaceKeys {
            let surface = Int(key >> 8)
            let stem = surfaceStem[surface]
            if surface != previous && surfaceDocCount[surface] == 1 { stemSurfaceCount[Int(stem)] += 1 }
            previous = UInt32(surface)
            stemKeys.append(UInt64(stem) << 8 | (key & 0xFF))
        }
        stemKeys += pairKeys
        stemKeys.sort()
        Self.appendPostings(
            doc, keys: stemKeys, norms: norms, normBase: normBase, weights: fieldWeights,
            postings: &stemPostings, documents: &stemDocCount, impacts: &stemMaxImpact)
    }

    /// Appends one document's postings from its sorted keys (`term << 8 | field`; a run of equal keys is
    /// the term's frequency in the field), counting its documents and raising its impact bound. The lists
    /// are written through the outer arrays' buffers: one uniqueness check per document, not per posting.
    private static func appendPostings(
        _ doc: UInt32, keys: [UInt64], norms: [Float], normBase: Int, weights: [Float],
        postings: inout [[Posting]], documents: inout [UInt32], impacts: inout [Float]
    ) {
        postings.withUnsafeMutableBufferPointer { postings in
            documents.withUnsafeMutableBufferPointer { documents in
                impacts.withUnsafeMutableBufferPointer { impacts in
                    var index = 0
                    var previous = UInt32.max
                    var impact: Float = 0
                    while index < keys.count {
                        let key = keys[index]
                        var run = 1
                        while index + run < keys.count && keys[index + run] == key { run += 1 }
                        let term = UInt32(key >> 8)
                        let field = Int(key & 0xFF)
                        let tf = min(run, 65535)
                        postings[Int(term)].append(Posting(doc: doc, field: UInt16(field), tf: UInt16(tf)))
                        if term != previous {
                            documents[Int(term)] += 1
                            previous = term
                            impact = 0
                        }
                        impact += weights[field] * Float(tf) * norms[normBase + field]
                        if impacts[Int(term)] < impact { impacts[Int(term)] = impact }
                        index += run
                    }
                }
            }
        }
    }

    /// Rebuilds the posting lists without removed documents and renumbers the documents.
    /// - Returns: Old number → new number (`UInt32.max` for removed documents).
    private mutating func compact() -> [UInt32] {
        var newNumber = [UInt32](repeating: UInt32.max, count: documentCount)
        var newLengths: [Float] = []
        let fieldCount = fields.count
        var next: UInt32 = 0
        for doc in 0..<documentCount where alive[doc] {
            newNumber[doc] = next
            next += 1
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
        documentCount = Int(next)
        lengths = newLengths
        norms = []
        for doc in 0..<documentCount {
            for field in 0..<fieldCount {
                norms.append(norm(length: newLengths[doc * fieldCount + field], field: field))
            }
        }
        alive = Array(repeating: true, count: documentCount)
        deadCount = 0
        recomputeMaxImpacts()
        return newNumber
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
        for doc in 0..<documentCount {
            for field in 0..<fieldCount {
                norms[doc * fieldCount + field] = norm(length: lengths[doc * fieldCount + field], field: field)
            }
        }
        recomputeMaxImpacts()
    }

    /// Recomputes every term's impact bound from its postings (after the norms changed).
    private mutating func recomputeMaxImpacts() {
        let fieldCount = fields.count
        let (surfaceBounds, stemBounds) = fieldWeights.withUnsafeBufferPointer { weights in
            norms.withUnsafeBufferPointer { norms in
                func bound(_ list: [Posting]) -> Float {
                    list.withUnsafeBufferPointer { postings in
                        var best: Float = 0
                        var index = 0
                        while index < postings.count {
                            let (impact, next) = Self.documentFrequency(
                                in: postings, at: index, fieldWeight: weights, norms: norms, fieldCount: fieldCount)
                            best = max(best, impact)
                            index = next
                        }
                        return best
                    }
                }
                return (surfacePostings.map(bound), stemPostings.map(bound))
            }
        }
        surfaceMaxImpact = surfaceBounds
        stemMaxImpact = stemBounds
    }

    // MARK: Vocabulary

    /// Interns a word as written, computing its stem, flags and look-up entries the first time.
    @discardableResult
    mutating func internSurface(_ word: ArraySlice<UInt32>, script: TokenBuffer.Script? = nil) -> UInt32 {
        let (id, isNew) = surfaces.intern(word)
        if isNew { registerSurface(id, word: word, script: script) }
        return id
    }

    /// Computes a newly interned word's stem and look-up entries.
    private mutating func registerSurface(_ id: UInt32, word: ArraySlice<UInt32>, script: TokenBuffer.Script?) {
        let script = script ?? Homoglyphs.script(Array(word), 0..<word.count)
        let stem = internStem(TermStemming.stem(word, script: script))
        surfaceStem.append(stem)
        surfaceFlags.append(0)
        surfacePostings.append([])
        surfaceDocCount.append(0)
        surfaceMaxImpact.append(0)
        if word.count >= 2 {
            trie.insert(word, term: id)
            if configuration.indexesTypoDeletions {
                var hashes: [UInt64] = []
                Self.deletionHashes(of: Array(word), upTo: 2, into: &hashes)
                for hash in hashes { deletions.insert(hash, id: id) }
            }
        }
        if script == .cyrillic, let skeleton = Transliteration.skeleton(cyrillic: word) {
            let (skeletonID, newSkeleton) = skeletons.intern(skeleton)
            if newSkeleton {
                skeletonSurfaces.append([id])
                skeletonTrie.insert(skeleton, term: skeletonID)
                if configuration.indexesTypoDeletions {
                    var hashes: [UInt64] = []
                    Self.deletionHashes(of: skeleton, upTo: 1, into: &hashes)
                    for hash in hashes { skeletonDeletions.insert(hash, id: skeletonID) }
                }
            } else {
                skeletonSurfaces[Int(skeletonID)].append(id)
            }
        }
    }

    /// The hashes of a word with up to `maxDeleted` letters deleted (variants of 3+ letters, no duplicates).
    static func deletionHashes(of word: [UInt32], upTo maxDeleted: Int, into hashes: inout [UInt64]) {
        forEachDeletionHash(of: word, upTo: maxDeleted) { hashes.append($0) }
        hashes.sort()
        var unique = 0
        for index in hashes.indices where index == 0 || hashes[index] != hashes[index - 1] {
            hashes[unique] = hashes[index]
            unique += 1
        }
        hashes.removeLast(hashes.count - unique)
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
            stemMaxImpact.append(0)
            stemSurfaceCount.append(0)
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
