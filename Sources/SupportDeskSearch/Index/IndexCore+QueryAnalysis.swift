extension IndexCore {
    /// A word of the query while it is being analyzed: ranges of ``QueryText/tokens``' scalars.
    private struct Candidate {
        /// The word as typed (for a word read in the other layout: as converted).
        var typed: Range<Int>
        /// The word searched for.
        var used: Range<Int>
        var script: TokenBuffer.Script
        var chunk: Int
        var endsText: Bool
        var repair: QueryRepair?
        var weight: Double = 1
        /// The vocabulary word `used` is, looked up once.
        var surface: UInt32?
        /// The stem of `used`, if the index has it, found once.
        var stem: UInt32?
    }

    /// A repaired word and its forms.
    private typealias Repair = (word: [UInt32], forms: [QueryPlan.Form])

    /// What was found about one distinct word of the query (repairs are looked up more than once: to choose
    /// a reading, then to plan).
    private struct WordMemo {
        var word: Range<Int>
        /// The usable words one typo away, found while choosing a reading and reused when planning.
        var near: [TypoCandidate]?
        /// The typo repair, once looked up (`.some(nil)`: none).
        var typo: Repair??
        /// The transliteration repair, once looked up.
        var transliteration: Repair??
    }

    /// The working text of one query analysis: every word's scalars in one buffer, and the memos.
    private struct QueryText {
        /// The query's words as typed, the other-layout readings and the repaired words, back to back.
        var tokens = TokenBuffer()
        var memos: [WordMemo] = []
        /// Working memory of the stemmers.
        var stemBuffer: [UInt32] = []
        var latinBuffer: [Unicode.Scalar] = []
        /// Working memory of typo look-ups: the word looked up, its deletions' hashes and ids.
        var word: [UInt32] = []
        var typo = TypoScratch()

        /// The scalars of a word, copied into ``word`` (reused, not allocated).
        mutating func copy(_ range: Range<Int>) -> [UInt32] {
            word.removeAll(keepingCapacity: true)
            word.append(contentsOf: tokens.scalars[range])
            return word
        }

        /// The position of a word's memo (created on first use; words are compared by their letters).
        mutating func memo(_ word: Range<Int>) -> Int {
            let scalars = tokens.scalars
            for index in memos.indices {
                let known = memos[index].word
                if known.count == word.count && scalars[known].elementsEqual(scalars[word]) { return index }
            }
            memos.append(WordMemo(word: word))
            return memos.count - 1
        }

        /// Appends a word's scalars and returns their range.
        mutating func append(_ word: [UInt32]) -> Range<Int> {
            let start = tokens.scalars.count
            tokens.scalars.append(contentsOf: word)
            return start..<tokens.scalars.count
        }
    }

    /// Analyzes a query: splits it, repairs words the index does not know, and lists the forms to match.
    /// - Parameter query: The query as typed.
    /// - Returns: The plan.
    func plan(_ query: String) -> QueryPlan {
        // Split on whitespace scalars (no grapheme breaking: a chunk is re-read scalar by scalar anyway).
        var raw: [UInt32] = []
        raw.reserveCapacity(query.utf8.count)
        var chunks: [Range<Int>] = []
        var chunkStart = -1
        var lastCharacter: Unicode.Scalar?
        for scalar in query.unicodeScalars {
            lastCharacter = scalar
            if Self.isWhitespace(scalar) {
                if chunkStart >= 0 { chunks.append(chunkStart..<raw.count) }
                chunkStart = -1
                continue
            }
            if chunkStart < 0 { chunkStart = raw.count }
            raw.append(scalar.value)
        }
        if chunkStart >= 0 { chunks.append(chunkStart..<raw.count) }
        let prefixMode =
            configuration.completesLastWord
            && lastCharacter.map { !Self.isWhitespace($0) && !".?!,;:)".unicodeScalars.contains($0) } ?? false

        var text = QueryText()
        // Room for the words as typed, a reading of a few chunks and the repaired words: no regrowth.
        text.tokens.scalars.reserveCapacity(2 * raw.count + 32)
        text.tokens.spans.reserveCapacity(2 * chunks.count + 8)
        text.memos.reserveCapacity(8)

        // 1. Tokenize every chunk as typed; repair chunks typed with the wrong keyboard layout.
        var typedWords: [Candidate] = []
        typedWords.reserveCapacity(chunks.count + 4)
        var chunkWords: [Range<Int>] = []
        chunkWords.reserveCapacity(chunks.count)
        for (index, chunk) in chunks.enumerated() {
            let first = typedWords.count
            appendCandidates(of: raw[chunk], chunk: index, repair: nil, to: &typedWords, text: &text)
            chunkWords.append(first..<typedWords.count)
        }
        // A chunk nobody knows may be the wrong layout or transliterated Russian. Each reading is tried;
        // the query is read consistently: the reading that explains more chunks (of 3+ letters) wins, and
        // short chunks (`yt`, `r`, `ne`) follow the query's reading instead of deciding on their own.
        var layoutWords: [Range<Int>?] = Array(repeating: nil, count: chunks.count)
        var layoutCandidates: [Candidate] = []
        var layoutScalars: [UInt32] = []
        layoutScalars.reserveCapacity(64)
        var layoutExplains = [Bool](repeating: false, count: chunks.count)
        var translitExplains = [Bool](repeating: false, count: chunks.count)
        // Letters each reading explains with content words (the reading explaining more letters wins).
        var layoutLetters = 0
        var translitLetters = 0
        for (index, chunk) in chunks.enumerated() where needsRepair(typedWords, chunkWords[index]) {
            let words = chunkWords[index]
            if typedWords[words].allSatisfy({ $0.script == .latin }) {
                for position in words {
                    guard let (_, forms) = transliterationRepair(of: typedWords[position].used, text: &text) else {
                        continue
                    }
                    translitExplains[index] = true
                    if !forms.isEmpty { translitLetters += typedWords[position].typed.count }
                }
            }
            layoutScalars.removeAll(keepingCapacity: true)
            guard KeyboardLayout.convertEitherWay(raw[chunk], into: &layoutScalars) else { continue }
            let first = layoutCandidates.count
            appendCandidates(
                of: layoutScalars[...], chunk: index, repair: .keyboardLayout, to: &layoutCandidates, text: &text)
            layoutWords[index] = first..<layoutCandidates.count
            // A typo in the converted text counts only when the chunk as typed is not itself one typo away
            // from a known word (`пкскает` is `пускает` mistyped, not a layout slip).
            var typedIsCorrectable: Bool?
            for position in first..<layoutCandidates.count {
                let word = layoutCandidates[position]
                var explains = isContentWord(word)
                if !explains {
                    let correctable: Bool
                    if let typedIsCorrectable {
                        correctable = typedIsCorrectable
                    } else {
                        // A loop, not `allSatisfy`: a closure calling a method would copy the whole core.
                        var all = true
                        for typed in words where !isCorrectable(typedWords[typed], text: &text) {
                            all = false
                            break
                        }
                        correctable = all
                        typedIsCorrectable = correctable
                    }
                    explains = !correctable && isCorrectable(word, text: &text)
                }
                if explains {
                    layoutExplains[index] = true
                    layoutLetters += word.used.count
                }
            }
        }
        let layoutMode = layoutLetters >= 3 && layoutLetters >= translitLetters
        var converted = [Bool](repeating: false, count: chunks.count)
        for index in chunks.indices where !translitExplains[index] || layoutMode {
            let long = typedWords[chunkWords[index]].reduce(0) { $0 + $1.typed.count } >= 3
            // A short chunk that is the whole query has no other reading to follow (`kr` → `лк`).
            if layoutExplains[index] && (layoutMode || long || chunks.count == 1) {
                converted[index] = true
            } else if long, let words = layoutWords[index], allKnown(layoutCandidates[words]) {
                // `ghjcnj` → `просто`: only known words (here a stop word), still the better reading.
                converted[index] = true
            }
        }
        if layoutMode {
            // The layout was wrong for the whole query: convert the short chunks too when they read as words.
            for index in chunks.indices where !converted[index] && needsRepair(typedWords, chunkWords[index]) {
                guard let words = layoutWords[index] else { continue }
                var readable = true
                for position in words
                where !isKnownWord(layoutCandidates[position])
                    && !isCorrectable(layoutCandidates[position], text: &text)
                {
                    readable = false
                    break
                }
                if readable { converted[index] = true }
            }
        }
        var candidates: [Candidate]
        if converted.contains(true) {
            candidates = []
            candidates.reserveCapacity(typedWords.count)
            for index in chunks.indices {
                if converted[index], let words = layoutWords[index] {
                    candidates += layoutCandidates[words]
                } else {
                    candidates += typedWords[chunkWords[index]]
                }
            }
        } else {
            // Every chunk as typed: the chunks' words are `typedWords`, in order.
            candidates = typedWords
        }

        Self.weighConcessiveClauses(&candidates, scalars: text.tokens.scalars, raw: raw, chunks: chunks)

        // 2. Forms of every word.
        var plan = QueryPlan()
        plan.allWords.reserveCapacity(candidates.count)
        var stemsInOrder: [UInt32?] = []
        stemsInOrder.reserveCapacity(candidates.count)
        for (position, candidate) in candidates.enumerated() {
            var candidate = candidate
            let isLast = position == candidates.count - 1
            if let surface = candidate.surface, surfaceFlags[Int(surface)] & Self.stopFlag != 0 {
                let word = queryWord(candidate, scalars: text.tokens.scalars, isStopWord: true, weight: 1)
                plan.allWords.append(word)
                stemsInOrder.append(nil)
                // An unfinished last word that happens to be a stop word (`от` of `отчёт`) still completes.
                if isLast && prefixMode && candidate.endsText {
                    let forms = prefixForms(of: text.tokens.scalars[candidate.used], surface: candidate.surface)
                    if !forms.isEmpty { plan.append(word, forms: forms) }
                }
                continue
            }
            // The word's forms are appended to the plan's, from `start` on.
            let start = plan.forms.count
            appendDirectForms(surface: candidate.surface, stem: candidate.stem, factor: 1, kind: nil, to: &plan.forms)
            // Whether a repair replaced the word (its surface and stem are then looked up again).
            var replaced = false
            if plan.forms.count == start && candidate.repair == nil {
                if candidate.script == .latin,
                    let (word, transliterated) = transliterationRepair(
                        of: candidate.used, text: &text)
                {
                    plan.forms += transliterated
                    candidate.used = text.append(word)
                    replaced = true
                    candidate.repair = .transliteration
                }
            }
            if plan.forms.count == start
                && !(isLast && prefixMode
                    && hasCompletions(
                        text.tokens.scalars[candidate.used],
                        surface: replacedSurface(candidate, replaced, text.tokens.scalars)))
            {
                if let (word, corrected) = typoRepair(of: candidate.used, text: &text) {
                    plan.forms += corrected
                    candidate.used = text.append(word)
                    replaced = true
                    if candidate.repair == nil { candidate.repair = .typo }
                }
            }
            if replaced { candidate.surface = surfaces.id(of: text.tokens.scalars[candidate.used]) }
            if candidate.repair == .keyboardLayout {
                for i in start..<plan.forms.count {
                    plan.forms[i].factor *= Float(configuration.matchWeights.keyboardLayout)
                }
            }
            // A word kept as typed is no stop word (those were handled above): only a replacement is looked up.
            let repairedToStopWord =
                replaced && (candidate.surface.map { surfaceFlags[Int($0)] & Self.stopFlag != 0 } ?? false)
            if isLast && prefixMode && candidate.endsText {
                // A completion with the stem of a form already listed can only score below that form.
                let completions = prefixForms(
                    of: text.tokens.scalars[candidate.used], surface: candidate.surface,
                    excludingStemsOf: plan.forms[start...])
                plan.forms += completions
            }
            let word = queryWord(
                candidate, scalars: text.tokens.scalars, isStopWord: repairedToStopWord, weight: candidate.weight)
            plan.allWords.append(word)
            if !replaced, let surface = candidate.surface {
                // A vocabulary word's own script always agrees with itself: its stem was found when it was added.
                stemsInOrder.append(surfaceStem[Int(surface)])
            } else if !replaced {
                stemsInOrder.append(candidate.stem)
            } else {
                stemsInOrder.append(
                    stemID(
                        of: candidate.used, surface: candidate.surface,
                        script: Homoglyphs.script(text.tokens.scalars, candidate.used), text: &text))
            }
            if plan.forms.count > start {
                // Stable, as the word's forms were listed: equal factors keep their order.
                Self.insertionSort(&plan.forms, from: start) { $0.factor > $1.factor }
                plan.append(word, formsFrom: start)
            }
        }
        // The query's stems in order, words without a stem left out (phrases and pairs skip them).
        var compact: [UInt32] = []
        compact.reserveCapacity(stemsInOrder.count)
        for stem in stemsInOrder {
            if let stem { compact.append(stem) }
        }
        if compact.count >= 2 {
            phraseSynonymWords(compact, into: &plan)
            if configuration.indexesWordPairs { pairWords(compact, into: &plan) }
        }
        if plan.allWords.contains(where: { $0.repair != nil }) {
            plan.correction = plan.allWords.map(\.used).joined(separator: " ")
        }
        return plan
    }

    /// The surface of a candidate's current word (looked up again when a repair replaced it).
    @inline(__always)
    private func replacedSurface(_ candidate: Candidate, _ replaced: Bool, _ scalars: [UInt32]) -> UInt32? {
        replaced ? surfaces.id(of: scalars[candidate.used]) : candidate.surface
    }

    /// The query word of a candidate; the typed text is decoded once and shared when the word was kept. A
    /// word searched as it is in the vocabulary takes the vocabulary's text when the index keeps texts.
    /// - Parameter scalars: The scalars the candidate's ranges refer to (only they are passed: a copy of the
    ///   whole working text would retain each of its arrays).
    private func queryWord(_ candidate: Candidate, scalars: [UInt32], isStopWord: Bool, weight: Double) -> QueryWord {
        let kept =
            candidate.used == candidate.typed
            || (candidate.used.count == candidate.typed.count
                && scalars[candidate.used].elementsEqual(scalars[candidate.typed]))
        // `surface` is the vocabulary id of `used`.
        let usedText =
            candidate.surface.flatMap { surfaces.keepsTexts ? surfaces.string($0) : nil }
            ?? String.fromScalars(scalars[candidate.used])
        let typedText = kept ? usedText : String.fromScalars(scalars[candidate.typed])
        return QueryWord(
            typed: typedText, used: usedText, repair: candidate.repair, isStopWord: isStopWord, weight: weight)
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
    /// - Parameters:
    ///   - scalars: The scalars the candidates' ranges refer to.
    ///   - raw: The query's scalars without whitespace; `chunks` are ranges of it.
    private static func weighConcessiveClauses(
        _ candidates: inout [Candidate], scalars: [UInt32], raw: [UInt32], chunks: [Range<Int>]
    ) {
        let openers = concessiveOpeners
        func isOpener(_ word: Range<Int>) -> Bool {
            // Most words differ in length or first letter from every opener: no comparison of letters.
            guard !word.isEmpty else { return false }
            let first = scalars[word.lowerBound]
            for opener in openers where opener.count == word.count && opener[0] == first {
                if opener.elementsEqual(scalars[word]) { return true }
            }
            return false
        }
        guard let first = candidates.firstIndex(where: { isOpener($0.typed) }) else { return }
        var clauseChunks = Set<Int>()
        var inClause = false
        for index in candidates.indices where index >= first {
            let chunk = candidates[index].chunk
            if isOpener(candidates[index].typed) { inClause = true }
            if inClause { clauseChunks.insert(chunk) }
            let endsSentence = index + 1 == candidates.count || candidates[index + 1].chunk != chunk
            if endsSentence, let last = raw[chunks[chunk]].last, [0x2E, 0x21, 0x3F, 0x3B].contains(last) {
                inClause = false
            }
        }
        for index in candidates.indices where clauseChunks.contains(candidates[index].chunk) {
            candidates[index].weight *= concessiveWeight
        }
    }

    /// Tokenizes the scalars of one chunk (as typed, or read in the other layout) into candidates.
    private func appendCandidates(
        of scalars: ArraySlice<UInt32>, chunk: Int, repair: QueryRepair?, to candidates: inout [Candidate],
        text: inout QueryText
    ) {
        let firstSpan = text.tokens.spans.count
        if !Self.appendPlainWord(scalars, to: &text.tokens) {
            Tokenizer().tokenize(scalars: scalars, into: &text.tokens, extras: false)
        }
        for spanIndex in firstSpan..<text.tokens.spans.count {
            let span = text.tokens.spans[spanIndex]
            let range = Int(span.start)..<Int(span.end)
            let word = text.tokens.scalars[range]
            let surface = surfaces.id(of: word)
            let stem: UInt32?
            if let surface {
                stem = surfaceStem[Int(surface)]
            } else {
                stem = TermStemming.stemID(
                    word, script: span.script, in: stems, buffer: &text.stemBuffer, latin: &text.latinBuffer)
            }
            candidates.append(
                Candidate(
                    typed: range, used: range, script: span.script, chunk: chunk, endsText: span.endsText,
                    repair: repair, surface: surface, stem: stem))
        }
    }

    /// Tokenizes the commonest chunk without the tokenizer: letters of one script (Russian without `ё`, or
    /// basic Latin), any case, then possibly closing punctuation (`,` `.` `!` `?` `;` `:` `)`). The tokenizer
    /// gives such a chunk one word, folded to lowercase, with the same span (ending the text only when no
    /// punctuation follows).
    /// - Returns: Whether the chunk was such a word and was appended; otherwise nothing was appended.
    static func appendPlainWord(_ scalars: ArraySlice<UInt32>, to tokens: inout TokenBuffer) -> Bool {
        scalars.withUnsafeBufferPointer { appendPlainWord($0, to: &tokens) }
    }

    /// ``appendPlainWord(_:to:)`` over the chunk's memory.
    private static func appendPlainWord(_ scalars: UnsafeBufferPointer<UInt32>, to tokens: inout TokenBuffer) -> Bool {
        var letters = 0
        var script: TokenBuffer.Script?
        for value in scalars {
            let letterScript: TokenBuffer.Script
            if value >= 0x410 && value <= 0x44F {
                letterScript = .cyrillic
            } else if (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) {
                letterScript = .latin
            } else {
                break
            }
            if let script, script != letterScript { return false }
            script = letterScript
            letters += 1
        }
        guard let script, letters <= 64 else { return false }
        for value in UnsafeBufferPointer(rebasing: scalars[letters...]) {
            switch value {
            case 0x2C, 0x2E, 0x21, 0x3F, 0x3B, 0x3A, 0x29: continue
            default: return false
            }
        }
        let start = tokens.scalars.count
        tokens.scalars.append(contentsOf: UnsafeBufferPointer(rebasing: scalars[0..<letters]))
        tokens.scalars.withUnsafeMutableBufferPointer { folded in
            for index in start..<folded.count {
                // Capitals (А–Я, A–Z) are 0x20 below their lowercase letters.
                let value = folded[index]
                if value <= 0x5A || (value >= 0x410 && value <= 0x42F) { folded[index] = value + 0x20 }
            }
        }
        tokens.spans.append(
            TokenBuffer.Span(
                start: Int32(start), end: Int32(tokens.scalars.count),
                position: tokens.spans.last.map { $0.position + 1 } ?? 0, chunk: 0, isExtra: false,
                endsText: letters == scalars.count, script: script))
        return true
    }

    /// Whether none of a chunk's words is known (so it may have been typed with the other layout).
    /// - Parameters:
    ///   - candidates: The words of the query.
    ///   - words: The chunk's words among them (a range, not a slice: nothing retained).
    private func needsRepair(_ candidates: [Candidate], _ words: Range<Int>) -> Bool {
        guard !words.isEmpty else { return false }
        for position in words {
            let word = candidates[position]
            if isKnownWord(word) || (word.script != .latin && word.script != .cyrillic) { return false }
        }
        return true
    }

    /// Whether every word is known (loops rather than closures calling methods, which copy the core).
    private func allKnown(_ words: ArraySlice<Candidate>) -> Bool {
        for word in words where !isKnownWord(word) { return false }
        return true
    }

    /// A word the index knows: a stop word, a synonym, or a word (or stem) with documents.
    private func isKnownWord(_ word: Candidate) -> Bool {
        if let surface = word.surface, isKnownSurface(surface) { return true }
        return isContentWord(word)
    }

    /// Whether a vocabulary word is a stop word, a synonym or has documents.
    @inline(__always)
    private func isKnownSurface(_ surface: UInt32) -> Bool {
        surfaceFlags[Int(surface)] & (Self.stopFlag | Self.synonymFlag | Self.negationFlag) != 0
            || surfaceDocCount[Int(surface)] > 0
    }

    /// Whether a vocabulary word or its stem has documents, or it is a synonym.
    @inline(__always)
    private func isContentSurface(_ surface: UInt32) -> Bool {
        surfaceDocCount[Int(surface)] > 0 || surfaceFlags[Int(surface)] & Self.synonymFlag != 0
            || stemDocCount[Int(surfaceStem[Int(surface)])] > 0
    }

    /// A word whose form or stem has documents.
    private func isContentWord(_ word: Candidate) -> Bool {
        if let surface = word.surface {
            if surfaceDocCount[Int(surface)] > 0 || surfaceFlags[Int(surface)] & Self.synonymFlag != 0 { return true }
        }
        if let stem = word.stem, stemDocCount[Int(stem)] > 0 { return true }
        return false
    }

    /// The id of a word's stem, if the index has it. A vocabulary word's stem was found when it was added
    /// (and is looked up, not recomputed); other words are stemmed.
    /// - Parameter surface: The word's vocabulary id, when known (`surfaces.id(of: word)`).
    private func stemID(
        of range: Range<Int>, surface: UInt32?, script: TokenBuffer.Script, text: inout QueryText
    ) -> UInt32? {
        if let surface, Homoglyphs.script(text.tokens.scalars, range) == script {
            return surfaceStem[Int(surface)]
        }
        return TermStemming.stemID(
            text.tokens.scalars[range], script: script, in: stems, buffer: &text.stemBuffer, latin: &text.latinBuffer)
    }

    /// Whether a word is one typo away from a usable vocabulary word (choosing a reading only needs this;
    /// the wider distance-2 walk is left for the words the query finally uses).
    private func isCorrectable(_ word: Candidate, text: inout QueryText) -> Bool {
        guard DamerauLevenshtein.allowedTypos(forLength: word.used.count) > 0 else { return false }
        let memo = text.memo(word.used)
        if let known = text.memos[memo].typo { return known != nil }
        if let near = text.memos[memo].near { return !near.isEmpty }
        var matches: [(term: UInt32, distance: Int)] = []
        fuzzyMatches(text.copy(word.used), maxDistance: 1, into: &matches, scratch: &text.typo)
        var best: [TypoCandidate] = []
        collectTypoCandidates(matches, into: &best)
        text.memos[memo].near = best
        return !best.isEmpty
    }

    /// The typo repair of a word (memoized).
    private func typoRepair(of word: Range<Int>, text: inout QueryText) -> Repair? {
        let memo = text.memo(word)
        if let known = text.memos[memo].typo { return known }
        let result = typoForms(of: text.copy(word), oneTypoAway: text.memos[memo].near, scratch: &text.typo)
        text.memos[memo].typo = .some(result)
        return result
    }

    /// The transliteration repair of a word (memoized).
    private func transliterationRepair(of word: Range<Int>, text: inout QueryText) -> Repair? {
        let memo = text.memo(word)
        if let known = text.memos[memo].transliteration { return known }
        let result = transliterationForms(of: Array(text.tokens.scalars[word]))
        text.memos[memo].transliteration = .some(result)
        return result
    }

    /// A vocabulary word that may correct a misspelled one.
    private typealias TypoCandidate = (surface: UInt32, distance: Int, documents: UInt32)

    /// Appends the exact, stemmed and synonym forms of a vocabulary word (given by id; its stem is the one
    /// found when it was added, its script agreeing with itself).
    private func appendDirectForms(
        ofSurface surface: UInt32, factor: Double, kind: MatchKind?, to forms: inout [QueryPlan.Form]
    ) {
        appendDirectForms(surface: surface, stem: surfaceStem[Int(surface)], factor: factor, kind: kind, to: &forms)
    }

    /// Appends the exact, stemmed and synonym forms of a word the index may know.
    /// - Parameters:
    ///   - surface: The word's vocabulary id, if it has one.
    ///   - stem: The word's stem id, if the index has it.
    ///   - forms: The forms appended to (those already there are another word's or candidate's).
    private func appendDirectForms(
        surface: UInt32?, stem: UInt32?, factor: Double, kind: MatchKind?, to forms: inout [QueryPlan.Form]
    ) {
        let weights = configuration.matchWeights
        let start = forms.count
        let hasSurface = surface.map { !surfacePostings[Int($0)].isEmpty } ?? false
        // The word's own stem, when no other indexed word has it, has the word's very postings: as a form it
        // would score every document below the word itself (a word keeps its best form), so it is left out,
        // sparing a scan of the same list (`не`, in most tickets, was read twice by every query that has it).
        // Only the stem the word was indexed with: a stem found for another reading of the text (another
        // script) may be some other word's.
        var stemIsTheWord = false
        if let surface, let stem, hasSurface, weights.stemmed <= weights.exact, surfaceStem[Int(surface)] == stem {
            stemIsTheWord = stemSurfaceCount[Int(stem)] == 1
        }
        let hasStem = !stemIsTheWord && (stem.map { !stemPostings[Int($0)].isEmpty } ?? false)
        let groups = stem.flatMap { synonymGroupsOfStem[$0] }
        if let surface, hasSurface {
            forms.append(
                QueryPlan.Form(
                    isStem: false, term: surface, factor: Float(weights.exact * factor), kind: kind ?? .exact))
        }
        if let stem, hasStem {
            forms.append(
                QueryPlan.Form(
                    isStem: true, term: stem, factor: Float(weights.stemmed * factor), kind: kind ?? .stemmed))
        }
        // When no document has the word itself, its synonyms are its spellings (`смски` → `смс`) and count
        // as another form of it; otherwise they rank below the word's own forms.
        let synonymWeight = forms.count == start ? weights.stemmed : weights.synonym
        if let stem, let groups {
            for group in groups {
                for member in synonymGroups[group] where member != stem && !stemPostings[Int(member)].isEmpty {
                    if forms[start...].contains(where: { $0.isStem && $0.term == member }) { continue }
                    forms.append(
                        QueryPlan.Form(
                            isStem: true, term: member, factor: Float(synonymWeight * factor), kind: kind ?? .synonym)
                    )
                }
            }
        }
    }

    /// Forms of a Latin word read as transliterated Russian.
    private func transliterationForms(of word: [UInt32]) -> Repair? {
        let factor = configuration.matchWeights.transliteration
        var best: (surface: UInt32, documents: UInt32)?
        let skeletonsOfWord = Transliteration.skeletons(latin: word)
        for skeleton in skeletonsOfWord {
            guard let id = skeletons.id(of: skeleton) else { continue }
            for surface in skeletonSurfaces[Int(id)] where isKnownSurface(surface) || isContentSurface(surface) {
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
        // Skeletons list Cyrillic words only: `.cyrillic` is the word's own script, its stem the one it was added with.
        var forms: [QueryPlan.Form] = []
        appendDirectForms(ofSurface: best.surface, factor: factor, kind: nil, to: &forms)
        if forms.isEmpty && surfaceFlags[Int(best.surface)] & (Self.stopFlag | Self.negationFlag) == 0 { return nil }
        return (used, forms)
    }

    /// Forms of a misspelled word: the nearest vocabulary words within the allowed distance.
    /// - Parameter oneTypoAway: The usable words one typo away when already looked up.
    /// - Parameter scratch: Working memory of the look-ups.
    private func typoForms(
        of word: [UInt32], oneTypoAway: [TypoCandidate]?, scratch: inout TypoScratch
    ) -> Repair? {
        var allowed = DamerauLevenshtein.allowedTypos(forLength: word.count)
        // A four-letter word gets no typo of its own, but it may be a five-letter word with a letter left out
        // (`таиф` for `тариф`): that word's allowance of one edit, the missing letter only.
        let missingLetterOnly = allowed == 0 && word.count == 4
        if missingLetterOnly { allowed = 1 }
        guard allowed > 0 else { return nil }
        // Only the nearest words are kept, so a distance-1 look-up that finds a word spares the (much
        // wider) distance-2 walk.
        var best: [TypoCandidate] = oneTypoAway ?? []
        for distance in stride(from: oneTypoAway == nil ? 1 : 2, through: allowed, by: 1) where best.isEmpty {
            var matches: [(term: UInt32, distance: Int)] = []
            fuzzyMatches(word, maxDistance: distance, into: &matches, scratch: &scratch)
            if missingLetterOnly { matches.removeAll { surfaces.length($0.term) != word.count + 1 } }
            collectTypoCandidates(matches, into: &best)
        }
        guard !best.isEmpty else { return nil }
        best.sort { ($0.distance, -Int($0.documents), $0.surface) < ($1.distance, -Int($1.documents), $1.surface) }
        let nearest = best[0].distance
        let weights = configuration.matchWeights
        let factor = nearest == 1 ? weights.typo : weights.typoDistance2
        var forms: [QueryPlan.Form] = []
        for candidate in best.prefix(configuration.maxTypoCandidates) where candidate.distance == nearest {
            // The candidate's forms that no earlier candidate listed.
            let earlier = forms.count
            appendDirectForms(ofSurface: candidate.surface, factor: factor, kind: .typo, to: &forms)
            var kept = earlier
            for index in earlier..<forms.count {
                let form = forms[index]
                if forms[..<earlier].contains(where: { $0.isStem == form.isStem && $0.term == form.term }) { continue }
                forms[kept] = form
                kept += 1
            }
            forms.removeSubrange(kept...)
        }
        guard !forms.isEmpty else { return nil }
        return (Array(surfaces.scalars(best[0].surface)), forms)
    }

    /// Vocabulary words (of 2+ letters) within `maxDistance` typos of a word, with their distances: from the
    /// deletion dictionary when the index keeps one, else by walking the trie.
    func fuzzyMatches(_ word: [UInt32], maxDistance: Int, into results: inout [(term: UInt32, distance: Int)]) {
        var scratch = TypoScratch()
        fuzzyMatches(word, maxDistance: maxDistance, into: &results, scratch: &scratch)
    }

    /// Working memory of typo look-ups: the hashes of a word's deletions and the ids they lead to.
    struct TypoScratch {
        var hashes: [UInt64] = []
        var found: [UInt32] = []
    }

    /// ``fuzzyMatches(_:maxDistance:into:)`` with working memory kept between calls.
    func fuzzyMatches(
        _ word: [UInt32], maxDistance: Int, into results: inout [(term: UInt32, distance: Int)],
        scratch: inout TypoScratch
    ) {
        guard configuration.indexesTypoDeletions, maxDistance <= 2, word.count - maxDistance >= 3 else {
            trie.fuzzyMatches(word, maxDistance: maxDistance, into: &results)
            return
        }
        Self.deletionMatches(
            word, maxDistance: maxDistance, table: deletions, words: surfaces, into: &results, scratch: &scratch)
    }

    /// Transliteration skeletons within one typo of a skeleton: from the deletion dictionary when the index
    /// keeps one, else by walking the skeleton trie.
    func skeletonMatches(_ skeleton: [UInt32], into results: inout [(term: UInt32, distance: Int)]) {
        guard configuration.indexesTypoDeletions, skeleton.count - 1 >= 3 else {
            skeletonTrie.fuzzyMatches(skeleton, maxDistance: 1, into: &results)
            return
        }
        var scratch = TypoScratch()
        Self.deletionMatches(
            skeleton, maxDistance: 1, table: skeletonDeletions, words: skeletons, into: &results, scratch: &scratch)
    }

    /// The words of a deletion dictionary within `maxDistance` typos of a word.
    private static func deletionMatches(
        _ word: [UInt32], maxDistance: Int, table: DeletionTable, words: TermTable,
        into results: inout [(term: UInt32, distance: Int)], scratch: inout TypoScratch
    ) {
        // Two words within d edits (insertions, deletions, substitutions, transpositions of neighbours)
        // share a form with at most d letters deleted from each; the candidates are then checked exactly.
        // The query's variants are not deduplicated: a repeated hash only repeats ids, removed below.
        scratch.found.removeAll(keepingCapacity: true)
        scratch.hashes.removeAll(keepingCapacity: true)
        // The hashes first, then the look-ups in a plain loop (a closure capturing the table copies it).
        Self.forEachDeletionHash(of: word, upTo: maxDistance) { scratch.hashes.append($0) }
        for hash in scratch.hashes { table.appendIDs(of: hash, to: &scratch.found) }
        guard !scratch.found.isEmpty else { return }
        scratch.found.sort()
        let found = scratch.found
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
    /// possibly repeated (``deletionHashes(of:upTo:into:)`` lists them once each, for the index).
    ///
    /// The hash is FNV-1a over the kept letters, so the states after each prefix are computed once and a
    /// variant continues from the state before its first deleted letter (for two deletions, the state after
    /// the letters between them is extended letter by letter): about a third of the steps of hashing every
    /// variant from its start.
    @inline(__always)
    static func forEachDeletionHash(of word: [UInt32], upTo maxDeleted: Int, _ body: (UInt64) -> Void) {
        word.withUnsafeBufferPointer { word in
            let count = word.count
            guard count >= 3 else { return }
            let prime: UInt64 = 1_099_511_628_211
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count + 1) { prefix in
                /// The hash of the letters from `start` on, continuing from `state`.
                @inline(__always)
                func finish(_ state: UInt64, from start: Int) -> UInt64 {
                    var hash = state
                    var index = start
                    while index < count {
                        hash = (hash ^ UInt64(word[index])) &* prime
                        index += 1
                    }
                    return hash ^ (hash >> 29)
                }
                prefix[0] = 14_695_981_039_346_656_037
                for index in 0..<count { prefix[index + 1] = (prefix[index] ^ UInt64(word[index])) &* prime }
                body(prefix[count] ^ (prefix[count] >> 29))
                if maxDeleted >= 1 && count >= 4 {
                    for first in 0..<count { body(finish(prefix[first], from: first + 1)) }
                }
                if maxDeleted >= 2 && count >= 5 {
                    for first in 0..<count {
                        // The state after the letters before `first` and those between `first` and `second`.
                        var middle = prefix[first]
                        for second in (first + 1)..<count {
                            body(finish(middle, from: second + 1))
                            middle = (middle ^ UInt64(word[second])) &* prime
                        }
                    }
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

    /// Whether the unfinished last word completes to another vocabulary word with documents.
    /// - Parameter own: The word's own vocabulary id (`surfaces.id(of: word)`).
    private func hasCompletions(_ word: ArraySlice<UInt32>, surface own: UInt32?) -> Bool {
        guard word.count >= configuration.minimumPrefixLength else { return false }
        var results: [UInt32] = []
        trie.completions(of: word, limit: 64, into: &results)
        return results.contains { $0 != own && !surfacePostings[Int($0)].isEmpty }
    }

    /// Completions of the unfinished last word: the most frequent vocabulary words starting with it.
    /// - Parameters:
    ///   - own: The word's own vocabulary id (`surfaces.id(of: word)`).
    ///   - listed: The word's forms already listed (a completion with the stem of one of them can only score
    ///     below it, and is left out).
    private func prefixForms(
        of word: ArraySlice<UInt32>, surface own: UInt32?, excludingStemsOf listed: ArraySlice<QueryPlan.Form> = []
    ) -> [QueryPlan.Form] {
        guard word.count >= configuration.minimumPrefixLength else { return [] }
        var results: [UInt32] = []
        trie.completions(of: word, limit: 512, into: &results)
        var completions = results.filter { completion in
            let stem = surfaceStem[Int(completion)]
            return completion != own && !surfacePostings[Int(completion)].isEmpty
                && !listed.contains { $0.isStem && $0.term == stem }
        }
        let documentCounts = surfaceDocCount
        completions.sort { documentCounts[Int($0)] > documentCounts[Int($1)] }
        let factor = Float(configuration.matchWeights.prefix)
        return completions.prefix(configuration.maxPrefixExpansions).map {
            QueryPlan.Form(isStem: false, term: $0, factor: factor, kind: .prefix)
        }
    }

    /// Words standing for multi-word synonyms found in the query (“личный кабинет” → `лк`, `аккаунт`).
    /// - Parameter compact: The query's stems in order (words without one left out).
    private func phraseSynonymWords(_ compact: [UInt32], into plan: inout QueryPlan) {
        guard !synonymPhrases.isEmpty else { return }
        let factor = Float(configuration.matchWeights.synonym)
        // The query's stems, sorted: a phrase is looked at only when its first stem is present (checked
        // through the phrase's position, without copying it).
        let present = compact.sorted()
        // A bit per stem (its id modulo 64): most phrases' first stems miss it, without a search.
        var presentBits: UInt64 = 0
        for stem in compact { presentBits |= 1 << UInt64(stem & 63) }
        for index in synonymPhrases.indices {
            let first = synonymPhrases[index].stems[0]
            guard presentBits & (1 << UInt64(first & 63)) != 0,
                synonymPhrases[index].stems.count <= compact.count, Self.sortedContains(present, first)
            else { continue }
            let phrase = synonymPhrases[index]
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
            plan.append(QueryWord(typed: text, used: text, weight: weight), forms: forms, isPhraseSynonym: true)
        }
    }

    /// Whether a sorted array holds a value (binary search).
    private static func sortedContains(_ sorted: [UInt32], _ value: UInt32) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }

    /// Neighbouring query words that documents also have side by side (`не понимает`, `не работает обзвон`).
    /// - Parameter compact: The query's stems in order (words without one left out).
    private func pairWords(_ compact: [UInt32], into plan: inout QueryPlan) {
        guard compact.count >= 2 else { return }
        let factor = Float(configuration.wordPairWeight)
        for index in 1..<compact.count {
            guard let pair = pairs.id(compact[index - 1], compact[index]), !stemPostings[Int(pair)].isEmpty
            else { continue }
            let form = QueryPlan.Form(isStem: true, term: pair, factor: factor, kind: .exact)
            // A pair is never reported (matches list typed words only): it carries no text.
            plan.append(QueryWord(typed: "", used: ""), forms: CollectionOfOne(form), isPair: true)
        }
    }
}
