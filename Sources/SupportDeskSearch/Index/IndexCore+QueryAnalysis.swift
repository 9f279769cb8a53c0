extension IndexCore {
    /// A word of the query while it is being analyzed.
    private struct Candidate {
        var typed: [UInt32]
        var used: [UInt32]
        var script: TokenBuffer.Script
        var chunk: Int
        var endsText: Bool
        var repair: QueryRepair?
        var weight: Double = 1
    }

    /// Analyzes a query: splits it, repairs words the index does not know, and lists the forms to match.
    /// - Parameter query: The query as typed.
    /// - Returns: The plan.
    func plan(_ query: String) -> QueryPlan {
        // Split on whitespace scalars (no grapheme breaking: a chunk is re-read scalar by scalar anyway).
        let chunks = query.unicodeScalars.split(whereSeparator: Self.isWhitespace).map(String.init)
        let lastCharacter = query.unicodeScalars.last
        let prefixMode =
            configuration.completesLastWord
            && lastCharacter.map { !$0.properties.isWhitespace && !".?!,;:)".unicodeScalars.contains($0) }
                ?? false

        // Repairs are looked up more than once (to choose a reading, then to plan): remember them.
        var typoMemo: [[UInt32]: ([UInt32], [QueryPlan.Form])?] = [:]
        var translitMemo: [[UInt32]: ([UInt32], [QueryPlan.Form])?] = [:]
        // The usable words one typo away, found while choosing a reading and reused when planning.
        var nearMemo: [[UInt32]: [TypoCandidate]] = [:]
        func typoForms(of word: [UInt32], script: TokenBuffer.Script) -> ([UInt32], [QueryPlan.Form])? {
            if let known = typoMemo[word] { return known }
            let result = self.typoForms(of: word, script: script, oneTypoAway: nearMemo[word])
            typoMemo[word] = result
            return result
        }
        // Choosing a reading only needs to know whether a word is one typo away from a known word (the
        // wider distance-2 walk is left for the words the query finally uses).
        func isCorrectable(_ word: [UInt32], script: TokenBuffer.Script) -> Bool {
            if let known = typoMemo[word] { return known != nil }
            if let near = nearMemo[word] { return !near.isEmpty }
            guard DamerauLevenshtein.allowedTypos(forLength: word.count) > 0 else { return false }
            var matches: [(term: UInt32, distance: Int)] = []
            fuzzyMatches(word, maxDistance: 1, into: &matches)
            var best: [TypoCandidate] = []
            collectTypoCandidates(matches, into: &best)
            nearMemo[word] = best
            return !best.isEmpty
        }
        func transliterationForms(of word: [UInt32]) -> ([UInt32], [QueryPlan.Form])? {
            if let known = translitMemo[word] { return known }
            let result = self.transliterationForms(of: word)
            translitMemo[word] = result
            return result
        }

        // 1. Tokenize every chunk as typed; repair chunks typed with the wrong keyboard layout.
        var chunkWords: [[Candidate]] = []
        var buffer = TokenBuffer()
        for (index, chunk) in chunks.enumerated() {
            chunkWords.append(candidates(of: chunk, chunk: index, buffer: &buffer))
        }
        // A chunk nobody knows may be the wrong layout or transliterated Russian. Each reading is tried;
        // the query is read consistently: the reading that explains more chunks (of 3+ letters) wins, and
        // short chunks (`yt`, `r`, `ne`) follow the query's reading instead of deciding on their own.
        var layoutWords: [[Candidate]?] = Array(repeating: nil, count: chunks.count)
        var layoutExplains = [Bool](repeating: false, count: chunks.count)
        var translitExplains = [Bool](repeating: false, count: chunks.count)
        // Letters each reading explains with content words (the reading explaining more letters wins).
        var layoutLetters = 0
        var translitLetters = 0
        for (index, chunk) in chunks.enumerated() where needsRepair(chunkWords[index]) {
            let words = chunkWords[index]
            if words.allSatisfy({ $0.script == .latin }) {
                for word in words {
                    guard let (_, forms) = transliterationForms(of: word.used) else { continue }
                    translitExplains[index] = true
                    if !forms.isEmpty { translitLetters += word.typed.count }
                }
            }
            guard let other = KeyboardLayout.cyrillic(fromQWERTY: chunk) ?? KeyboardLayout.qwerty(fromCyrillic: chunk)
            else { continue }
            var converted = candidates(of: other, chunk: index, buffer: &buffer)
            for i in converted.indices { converted[i].repair = .keyboardLayout }
            layoutWords[index] = converted
            // A typo in the converted text counts only when the chunk as typed is not itself one typo away
            // from a known word (`пкскает` is `пускает` mistyped, not a layout slip).
            let typedIsCorrectable = words.allSatisfy { isCorrectable($0.used, script: $0.script) }
            for word in converted
            where isContentWord(word.used) || (!typedIsCorrectable && isCorrectable(word.used, script: word.script)) {
                layoutExplains[index] = true
                layoutLetters += word.used.count
            }
        }
        let layoutMode = layoutLetters >= 3 && layoutLetters >= translitLetters
        var converted = [Bool](repeating: false, count: chunks.count)
        for index in chunks.indices where !translitExplains[index] || layoutMode {
            let long = chunkWords[index].reduce(0) { $0 + $1.typed.count } >= 3
            if layoutExplains[index] && (layoutMode || long) {
                converted[index] = true
            } else if long, let words = layoutWords[index], words.allSatisfy({ isKnownWord($0.used) }) {
                // `ghjcnj` → `просто`: only known words (here a stop word), still the better reading.
                converted[index] = true
            }
        }
        if layoutMode {
            // The layout was wrong for the whole query: convert the short chunks too when they read as words.
            for index in chunks.indices where !converted[index] && needsRepair(chunkWords[index]) {
                if let words = layoutWords[index],
                    words.allSatisfy({ isKnownWord($0.used) || isCorrectable($0.used, script: $0.script) })
                {
                    converted[index] = true
                }
            }
        }
        var candidates: [Candidate] = []
        for index in chunks.indices {
            if converted[index], let words = layoutWords[index] {
                candidates += words
            } else {
                candidates += chunkWords[index]
            }
        }

        Self.weighConcessiveClauses(&candidates, chunks: chunks)

        // 2. Forms of every word.
        var plan = QueryPlan()
        var stemsInOrder: [UInt32?] = []
        for (position, candidate) in candidates.enumerated() {
            var candidate = candidate
            let isLast = position == candidates.count - 1
            let surface = surfaces.id(of: candidate.used)
            if let surface, surfaceFlags[Int(surface)] & Self.stopFlag != 0 {
                let typedText = String.fromScalars(candidate.typed)
                let word = QueryWord(
                    typed: typedText,
                    used: candidate.used == candidate.typed ? typedText : String.fromScalars(candidate.used),
                    repair: candidate.repair, isStopWord: true)
                plan.allWords.append(word)
                stemsInOrder.append(nil)
                // An unfinished last word that happens to be a stop word (`от` of `отчёт`) still completes.
                if isLast && prefixMode && candidate.endsText {
                    let forms = prefixForms(of: candidate.used)
                    if !forms.isEmpty { plan.words.append(QueryPlan.Word(word: word, forms: forms)) }
                }
                continue
            }
            var forms = directForms(of: candidate.used, script: candidate.script, factor: 1, kind: nil)
            // Whether a repair replaced the word (its surface, looked up above, is then stale).
            var replaced = false
            if forms.isEmpty && candidate.repair == nil {
                if candidate.script == .latin, let (word, transliterated) = transliterationForms(of: candidate.used) {
                    forms = transliterated
                    candidate.used = word
                    replaced = true
                    candidate.repair = .transliteration
                }
            }
            if forms.isEmpty && !(isLast && prefixMode && hasCompletions(candidate.used)) {
                if let (word, corrected) = typoForms(of: candidate.used, script: candidate.script) {
                    forms = corrected
                    candidate.used = word
                    replaced = true
                    if candidate.repair == nil { candidate.repair = .typo }
                }
            }
            if candidate.repair == .keyboardLayout {
                for i in forms.indices { forms[i].factor *= Float(configuration.matchWeights.keyboardLayout) }
            }
            // A word kept as typed is no stop word (those were handled above): only a replacement is looked up.
            let repairedToStopWord =
                replaced
                && (surfaces.id(of: candidate.used).map {
                    surfaceFlags[Int($0)] & Self.stopFlag != 0
                } ?? false)
            if isLast && prefixMode && candidate.endsText {
                // A completion with the stem of a form already listed can only score below that form.
                let covered = Set(forms.filter(\.isStem).map(\.term))
                forms += prefixForms(of: candidate.used, excludingStems: covered)
            }
            // The typed text is decoded once and shared when the word was kept as typed.
            let typedText = String.fromScalars(candidate.typed)
            let word = QueryWord(
                typed: typedText,
                used: candidate.used == candidate.typed ? typedText : String.fromScalars(candidate.used),
                repair: candidate.repair, isStopWord: repairedToStopWord, weight: candidate.weight)
            plan.allWords.append(word)
            if !replaced, let surface {
                // A vocabulary word's own script always agrees with itself: its stem was found when it was added.
                stemsInOrder.append(surfaceStem[Int(surface)])
            } else {
                stemsInOrder.append(
                    stemID(of: candidate.used, script: Homoglyphs.script(candidate.used, 0..<candidate.used.count)))
            }
            if !forms.isEmpty {
                forms.sort { $0.factor > $1.factor }
                plan.words.append(QueryPlan.Word(word: word, forms: forms))
            }
        }
        plan.words += phraseSynonymWords(stemsInOrder)
        if configuration.indexesWordPairs { plan.words += pairWords(stemsInOrder) }
        if plan.allWords.contains(where: { $0.repair != nil }) {
            plan.correction = plan.allWords.map(\.used).joined(separator: " ")
        }
        return plan
    }

    /// Whether a scalar is whitespace (below U+1680, the first other White_Space scalar, answered without the
    /// Unicode property tables: Latin and Cyrillic letters never reach them).
    @inline(__always)
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        if value < 0x1680 { return value == 0x85 || value == 0xA0 }
        return scalar.properties.isWhitespace
    }

    /// Words that open a concessive clause: what follows describes what works (“хотя в телеграме всё
    /// работает”), context rather than the problem.
    static var concessiveWords: Set<String> { ["хотя", "although", "though", "whereas"] }

    /// The scalars of ``concessiveWords`` (built once, not per query).
    private static let concessiveOpeners: [[UInt32]] = concessiveWords.sorted().map { $0.unicodeScalars.map(\.value) }

    /// The weight of the words of a concessive clause (up to the end of the sentence).
    static var concessiveWeight: Double { 0.35 }

    /// Lowers the weight of the words of concessive clauses.
    private static func weighConcessiveClauses(_ candidates: inout [Candidate], chunks: [String]) {
        let openers = concessiveOpeners
        guard let first = candidates.firstIndex(where: { word in openers.contains { $0 == word.typed } }) else {
            return
        }
        var clauseChunks = Set<Int>()
        var inClause = false
        for index in candidates.indices where index >= first {
            let chunk = candidates[index].chunk
            if openers.contains(where: { $0 == candidates[index].typed }) { inClause = true }
            if inClause { clauseChunks.insert(chunk) }
            let endsSentence = index + 1 == candidates.count || candidates[index + 1].chunk != chunk
            if endsSentence, let last = chunks[chunk].unicodeScalars.last, ".!?;".unicodeScalars.contains(last) {
                inClause = false
            }
        }
        for index in candidates.indices where clauseChunks.contains(candidates[index].chunk) {
            candidates[index].weight *= concessiveWeight
        }
    }

    /// The words of one chunk as typed.
    private func candidates(of text: String, chunk: Int, buffer: inout TokenBuffer) -> [Candidate] {
        buffer.removeAll()
        Tokenizer().tokenize(text, into: &buffer, extras: false)
        return buffer.spans.map { span in
            let scalars = Array(buffer.scalars(of: span))
            return Candidate(
                typed: scalars, used: scalars, script: span.script, chunk: chunk, endsText: span.endsText)
        }
    }

    /// Whether none of a chunk's words is known (so it may have been typed with the other layout).
    private func needsRepair(_ words: [Candidate]) -> Bool {
        !words.isEmpty && !words.contains { isKnownWord($0.used) }
            && words.allSatisfy { $0.script == .latin || $0.script == .cyrillic }
    }

    /// A word the index knows: a stop word, a synonym, or a word (or stem) with documents.
    func isKnownWord(_ word: [UInt32]) -> Bool {
        if let surface = surfaces.id(of: word) {
            if surfaceFlags[Int(surface)] & (Self.stopFlag | Self.synonymFlag | Self.negationFlag) != 0 { return true }
            if surfaceDocCount[Int(surface)] > 0 { return true }
        }
        return isContentWord(word)
    }

    /// A word whose form or stem has documents.
    private func isContentWord(_ word: [UInt32]) -> Bool {
        if let surface = surfaces.id(of: word) {
            if surfaceDocCount[Int(surface)] > 0 || surfaceFlags[Int(surface)] & Self.synonymFlag != 0 { return true }
        }
        let script = Homoglyphs.script(word, 0..<word.count)
        if let stem = stemID(of: word, script: script), stemDocCount[Int(stem)] > 0 {
            return true
        }
        return false
    }

    /// The id of a word's stem, if the index has it. A vocabulary word's stem was found when it was added
    /// (and is looked up, not recomputed); other words are stemmed.
    private func stemID(of word: [UInt32], script: TokenBuffer.Script) -> UInt32? {
        if let surface = surfaces.id(of: word), Homoglyphs.script(word, 0..<word.count) == script {
            return surfaceStem[Int(surface)]
        }
        return stems.id(of: TermStemming.stem(word[...], script: script))
    }

    /// A vocabulary word that may correct a misspelled one.
    private typealias TypoCandidate = (surface: UInt32, distance: Int, documents: UInt32)

    /// The exact, stemmed and synonym forms of a word the index may know.
    private func directForms(
        of word: [UInt32], script: TokenBuffer.Script, factor: Double, kind: MatchKind?
    )
        -> [QueryPlan.Form]
    {
        let weights = configuration.matchWeights
        var forms: [QueryPlan.Form] = []
        if let surface = surfaces.id(of: word), !surfacePostings[Int(surface)].isEmpty {
            forms.append(
                QueryPlan.Form(
                    isStem: false, term: surface, factor: Float(weights.exact * factor), kind: kind ?? .exact))
        }
        let stem = stemID(of: word, script: script)
        if let stem, !stemPostings[Int(stem)].isEmpty {
            forms.append(
                QueryPlan.Form(
                    isStem: true, term: stem, factor: Float(weights.stemmed * factor), kind: kind ?? .stemmed))
        }
        // When no document has the word itself, its synonyms are its spellings (`смски` → `смс`) and count
        // as another form of it; otherwise they rank below the word's own forms.
        let synonymWeight = forms.isEmpty ? weights.stemmed : weights.synonym
        if let stem, let groups = synonymGroupsOfStem[stem] {
            for group in groups {
                for member in synonymGroups[group] where member != stem && !stemPostings[Int(member)].isEmpty {
                    if forms.contains(where: { $0.isStem && $0.term == member }) { continue }
                    forms.append(
                        QueryPlan.Form(
                            isStem: true, term: member, factor: Float(synonymWeight * factor), kind: kind ?? .synonym)
                    )
                }
            }
        }
        return forms
    }

    /// Forms of a Latin word read as transliterated Russian.
    private func transliterationForms(of word: [UInt32]) -> ([UInt32], [QueryPlan.Form])? {
        let factor = configuration.matchWeights.transliteration
        var best: (surface: UInt32, documents: UInt32)?
        let skeletonsOfWord = Transliteration.skeletons(latin: word)
        for skeleton in skeletonsOfWord {
            guard let id = skeletons.id(of: skeleton) else { continue }
            for surface in skeletonSurfaces[Int(id)] where isKnownWord(Array(surfaces.scalars(surface))) {
                let documents = stemDocCount[Int(surfaceStem[Int(surface)])]
                if documents > best?.documents ?? 0 || best == nil { best = (surface, documents) }
            }
        }
        if best == nil {
            // Allow typos in the skeleton (`zayavku` for `заявки`).
            for skeleton in skeletonsOfWord {
                let allowed = DamerauLevenshtein.allowedTypos(forLength: skeleton.count)
                guard allowed > 0 else { continue }
                var matches: [(term: UInt32, distance: Int)] = []
                skeletonMatches(skeleton, into: &matches)
                for match in matches {
                    for surface in skeletonSurfaces[Int(match.term)] where surfaceDocCount[Int(surface)] > 0 {
                        let documents = stemDocCount[Int(surfaceStem[Int(surface)])]
                        if documents > best?.documents ?? 0 || best == nil { best = (surface, documents) }
                    }
                }
            }
        }
        guard let best else { return nil }
        let used = Array(surfaces.scalars(best.surface))
        let forms = directForms(of: used, script: .cyrillic, factor: factor, kind: nil)
        if forms.isEmpty && surfaceFlags[Int(best.surface)] & (Self.stopFlag | Self.negationFlag) == 0 { return nil }
        return (used, forms)
    }

    /// Forms of a misspelled word: the nearest vocabulary words within the allowed distance.
    /// - Parameter oneTypoAway: The usable words one typo away when already looked up.
    private func typoForms(
        of word: [UInt32], script: TokenBuffer.Script, oneTypoAway: [TypoCandidate]? = nil
    ) -> ([UInt32], [QueryPlan.Form])? {
        let allowed = DamerauLevenshtein.allowedTypos(forLength: word.count)
        guard allowed > 0 else { return nil }
        // Only the nearest words are kept, so a distance-1 look-up that finds a word spares the (much
        // wider) distance-2 walk.
        var best: [TypoCandidate] = oneTypoAway ?? []
        for distance in stride(from: oneTypoAway == nil ? 1 : 2, through: allowed, by: 1) where best.isEmpty {
            var matches: [(term: UInt32, distance: Int)] = []
            fuzzyMatches(word, maxDistance: distance, into: &matches)
            collectTypoCandidates(matches, into: &best)
        }
        guard !best.isEmpty else { return nil }
        best.sort { ($0.distance, -Int($0.documents), $0.surface) < ($1.distance, -Int($1.documents), $1.surface) }
        let nearest = best[0].distance
        let weights = configuration.matchWeights
        let factor = nearest == 1 ? weights.typo : weights.typoDistance2
        var forms: [QueryPlan.Form] = []
        for candidate in best.prefix(configuration.maxTypoCandidates) where candidate.distance == nearest {
            let used = Array(surfaces.scalars(candidate.surface))
            let script = Homoglyphs.script(used, 0..<used.count)
            for form in directForms(of: used, script: script, factor: factor, kind: .typo)
            where !forms.contains(where: { $0.isStem == form.isStem && $0.term == form.term }) {
                forms.append(form)
            }
        }
        guard !forms.isEmpty else { return nil }
        return (Array(surfaces.scalars(best[0].surface)), forms)
    }

    /// Vocabulary words (of 2+ letters) within `maxDistance` typos of a word, with their distances: from the
    /// deletion dictionary when the index keeps one, else by walking the trie.
    func fuzzyMatches(_ word: [UInt32], maxDistance: Int, into results: inout [(term: UInt32, distance: Int)]) {
        guard configuration.indexesTypoDeletions, maxDistance <= 2, word.count - maxDistance >= 3 else {
            trie.fuzzyMatches(word, maxDistance: maxDistance, into: &results)
            return
        }
        Self.deletionMatches(word, maxDistance: maxDistance, table: deletions, words: surfaces, into: &results)
    }

    /// Transliteration skeletons within one typo of a skeleton: from the deletion dictionary when the index
    /// keeps one, else by walking the skeleton trie.
    func skeletonMatches(_ skeleton: [UInt32], into results: inout [(term: UInt32, distance: Int)]) {
        guard configuration.indexesTypoDeletions, skeleton.count - 1 >= 3 else {
            skeletonTrie.fuzzyMatches(skeleton, maxDistance: 1, into: &results)
            return
        }
        Self.deletionMatches(skeleton, maxDistance: 1, table: skeletonDeletions, words: skeletons, into: &results)
    }

    /// The words of a deletion dictionary within `maxDistance` typos of a word.
    private static func deletionMatches(
        _ word: [UInt32], maxDistance: Int, table: DeletionTable, words: TermTable,
        into results: inout [(term: UInt32, distance: Int)]
    ) {
        // Two words within d edits (insertions, deletions, substitutions, transpositions of neighbours)
        // share a form with at most d letters deleted from each; the candidates are then checked exactly.
        // The query's variants are not deduplicated: a repeated hash only repeats ids, removed below.
        var found: [UInt32] = []
        found.reserveCapacity(32)
        Self.forEachDeletionHash(of: word, upTo: maxDistance) { table.appendIDs(of: $0, to: &found) }
        guard !found.isEmpty else { return }
        found.sort()
        let storage = words.storage
        let offsets = words.offsets
        word.withUnsafeBufferPointer { typed in
            storage.withUnsafeBufferPointer { all in
                var previous: UInt32?
                for id in found where id != previous {
                    previous = id
                    let start = Int(offsets[Int(id)])
                    let end = Int(offsets[Int(id) + 1])
                    let candidate = UnsafeBufferPointer(rebasing: all[start..<end])
                    let distance = DamerauLevenshtein.distance(typed, candidate, limit: maxDistance)
                    if distance <= maxDistance { results.append((id, distance)) }
                }
            }
        }
    }

    /// Calls `body` with the hash of a word with up to `maxDeleted` letters deleted (variants of 3+ letters),
    /// the hashes ``deletionHashes(of:upTo:into:)`` gives, possibly repeated.
    @inline(__always)
    private static func forEachDeletionHash(of word: [UInt32], upTo maxDeleted: Int, _ body: (UInt64) -> Void) {
        word.withUnsafeBufferPointer { word in
            let count = word.count
            @inline(__always)
            func hash(skipping first: Int, _ second: Int) -> UInt64 {
                var hash: UInt64 = 14_695_981_039_346_656_037
                for index in 0..<count where index != first && index != second {
                    hash = (hash ^ UInt64(word[index])) &* 1_099_511_628_211
                }
                return hash ^ (hash >> 29)
            }
            if count >= 3 { body(hash(skipping: -1, -1)) }
            if maxDeleted >= 1 && count >= 4 {
                for first in 0..<count { body(hash(skipping: first, -1)) }
            }
            if maxDeleted >= 2 && count >= 5 {
                for first in 0..<count {
                    for second in (first + 1)..<count { body(hash(skipping: first, second)) }
                }
            }
        }
    }

    /// Keeps the fuzzy matches that are usable corrections (words with documents or synonyms, no stop words).
    private func collectTypoCandidates(
        _ matches: [(term: UInt32, distance: Int)],
        into best: inout [TypoCandidate]
    ) {
        for match in matches {
            let surface = match.term
            let stem = surfaceStem[Int(surface)]
            guard
                surfaceDocCount[Int(surface)] > 0 || stemDocCount[Int(stem)] > 0
                    || surfaceFlags[Int(surface)] & Self.synonymFlag != 0
            else { continue }
            guard surfaceFlags[Int(surface)] & Self.stopFlag == 0 else { continue }
            best.append((surface, match.distance, stemDocCount[Int(stem)]))
        }
    }

    private func hasCompletions(_ word: [UInt32]) -> Bool {
        guard word.count >= configuration.minimumPrefixLength else { return false }
        var results: [UInt32] = []
        trie.completions(of: word, limit: 64, into: &results)
        let own = surfaces.id(of: word)
        return results.contains { $0 != own && !surfacePostings[Int($0)].isEmpty }
    }

    /// Completions of the unfinished last word: the most frequent vocabulary words starting with it.
    private func prefixForms(of word: [UInt32], excludingStems covered: Set<UInt32> = []) -> [QueryPlan.Form] {
        guard word.count >= configuration.minimumPrefixLength else { return [] }
        var results: [UInt32] = []
        trie.completions(of: word, limit: 512, into: &results)
        let own = surfaces.id(of: word)
        var completions = results.filter {
            $0 != own && !surfacePostings[Int($0)].isEmpty && !covered.contains(surfaceStem[Int($0)])
        }
        let documentCounts = surfaceDocCount
        completions.sort { documentCounts[Int($0)] > documentCounts[Int($1)] }
        let factor = Float(configuration.matchWeights.prefix)
        return completions.prefix(configuration.maxPrefixExpansions).map {
            QueryPlan.Form(isStem: false, term: $0, factor: factor, kind: .prefix)
        }
    }

    /// Words standing for multi-word synonyms found in the query (“личный кабинет” → `лк`, `аккаунт`).
    private func phraseSynonymWords(_ stemsInOrder: [UInt32?]) -> [QueryPlan.Word] {
        guard !synonymPhrases.isEmpty else { return [] }
        var words: [QueryPlan.Word] = []
        let factor = Float(configuration.matchWeights.synonym)
        let compact = stemsInOrder.compactMap { $0 }
        guard compact.count >= 2 else { return [] }
        let present = Set(compact)
        for phrase in synonymPhrases where phrase.stems.count <= compact.count && present.contains(phrase.stems[0]) {
            var found = false
            for start in 0...(compact.count - phrase.stems.count)
            where compact[start..<start + phrase.stems.count].elementsEqual(phrase.stems) {
                found = true
                break
            }
            guard found else { continue }
            let forms = synonymGroups[phrase.group].filter { !stemPostings[Int($0)].isEmpty }.map {
                QueryPlan.Form(isStem: true, term: $0, factor: factor, kind: .synonym)
            }
            guard !forms.isEmpty else { continue }
            // A synonym cannot say more than the phrase it stands for: its weight is capped so that it
            // discriminates no better than the phrase's most common word.
            let phraseIdf = phrase.stems.map { idf(stem: $0) }.min() ?? 0
            let formIdf = forms.map { idf(stem: $0.term) }.max() ?? 1
            let weight = formIdf > 0 ? min(1, Double(phraseIdf / formIdf)) : 1
            let text = phrase.stems.map { stems.string($0) }.joined(separator: " ")
            words.append(
                QueryPlan.Word(
                    word: QueryWord(typed: text, used: text, weight: weight), forms: forms, isPhraseSynonym: true))
        }
        return words
    }

    /// Neighbouring query words that documents also have side by side (`не понимает`, `не работает обзвон`).
    private func pairWords(_ stemsInOrder: [UInt32?]) -> [QueryPlan.Word] {
        let compact = stemsInOrder.compactMap { $0 }
        guard compact.count >= 2 else { return [] }
        var words: [QueryPlan.Word] = []
        var key: [UInt32] = []
        for index in 1..<compact.count {
            key.removeAll(keepingCapacity: true)
            Self.pairKey(stems.scalars(compact[index - 1]), stems.scalars(compact[index]), into: &key)
            guard let pair = stems.id(of: key), !stemPostings[Int(pair)].isEmpty else { continue }
            let text = String.fromScalars(key)
            let form = QueryPlan.Form(
                isStem: true, term: pair, factor: Float(configuration.wordPairWeight), kind: .exact)
            words.append(QueryPlan.Word(word: QueryWord(typed: text, used: text), forms: [form], isPair: true))
        }
        return words
    }
}
