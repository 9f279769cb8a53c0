#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension IndexCore {
    /// The inverse document frequency of a stem.
    func idf(stem: UInt32) -> Float {
        let documents = Double(documentCount)
        let frequency = Double(stemDocCount[Int(stem)])
        let ratio: Double = (documents - frequency + 0.5) / (frequency + 0.5)
        return Float(log(1 + ratio))
    }

    /// Scores the plan's words over their postings and returns the best `limit` documents.
    /// A bit per searched field (all fields for `nil`).
    static func fieldMask(_ fields: [Int]?) -> UInt64 {
        guard let fields else { return .max }
        return fields.reduce(0) { $1 >= 0 && $1 < 64 ? $0 | (1 << UInt64($1)) : $0 }
    }

    /// Scores the plan's words over their postings and returns the best `limit` documents, best first.
    /// - Parameter restrictedTo: When given, only these documents (sorted numbers) are scored, each looked up
    ///   by binary search — the fast path for a selective filter such as one customer's tickets.
    func rank(
        _ plan: QueryPlan, limit: Int, fieldMask: UInt64 = .max, scratch: inout SearchScratch,
        where isIncluded: ((UInt32) -> Bool)?, restrictedTo: [UInt32]? = nil
    ) -> [RankedDocument] {
        guard limit > 0, !plan.words.isEmpty, documentCount > 0 else { return [] }
        scratch.prepare(documents: documentCount)
        let fieldCount = fields.count
        var fieldWeight = [Float](repeating: 0, count: fieldCount)
        for (index, field) in fields.enumerated() {
            fieldWeight[index] = index < 64 && fieldMask & (1 << UInt64(index)) != 0 ? Float(field.weight) : 0
        }
        let k1 = Float(configuration.k1)
        let queryEpoch = scratch.queryEpoch

        // MaxScore: words are scored from the most to the least discriminating, and each word's forms from
        // the strongest. Once the best `limit` documents so far score more than every remaining form could
        // add, no new document can enter the results, and the remaining forms only update those candidates
        // (found by binary search in their posting lists).
        typealias Step = RankingStep
        var wordSteps: [[Step]] = []
        var wordBounds: [Float] = []
        for (wordIndex, word) in plan.words.enumerated() {
            let weight = Float(word.word.weight) * (k1 + 1)
            var forms: [Step] = word.forms.map { formIndex in
                let form = plan.forms[formIndex]
                let stem = form.isStem ? form.term : surfaceStem[Int(form.term)]
                return Step(
                    word: wordIndex, form: formIndex, bound: bound(of: form, idf: idf(stem: stem), weight: weight))
            }
            forms.sort { $0.bound > $1.bound }
            wordSteps.append(forms)
            wordBounds.append(forms.first?.bound ?? 0)
        }
        // Words with the fewest postings first: they are cheap to score in full and lift the threshold, so the
        // long lists of common words come last, when the remaining bound is smallest and pruning most likely.
        // (Any order is exact: the remaining bounds follow it.)
        let wordCosts: [Int] = plan.words.map { word in
            plan.forms[word.forms].reduce(0) {
                $0 + (($1.isStem ? stemPostings[Int($1.term)] : surfacePostings[Int($1.term)]).count)
            }
        }
        let order = plan.words.indices.sorted {
            wordCosts[$0] != wordCosts[$1] ? wordCosts[$0] < wordCosts[$1] : wordBounds[$0] > wordBounds[$1]
        }
        var steps: [Step] = []
        var rest: [Float] = []
        // Per step: the most the words after the step's word can add. A word keeps its best form, so a document
        // that has a contribution `c` for the step's word can still gain `max(0, bound − c)` from its remaining
        // forms, plus this.
        var afterWord: [Float] = []
        // Summed from the last word, so the last word's is exactly 0 (a running difference can end below 0, and
        // a document's bound below its own score).
        var laterWords = [Float](repeating: 0, count: order.count + 1)
        for position in order.indices.reversed() {
            laterWords[position] = laterWords[position + 1] + wordBounds[order[position]]
        }
        for (position, wordIndex) in order.enumerated() {
            for step in wordSteps[wordIndex] {
                steps.append(step)
                rest.append(step.bound + laterWords[position + 1])
                afterWord.append(laterWords[position + 1])
            }
        }
        let totalBound = wordBounds.reduce(0, +)
        // Per step: the postings of its list and of the later steps' lists.
        var laterPostings = [Int](repeating: 0, count: steps.count + 1)
        for index in steps.indices.reversed() {
            let form = plan.forms[steps[index].form]
            laterPostings[index] =
                laterPostings[index + 1]
                + (form.isStem ? stemPostings[Int(form.term)] : surfacePostings[Int(form.term)]).count
        }
        var candidates: [UInt32]? = restrictedTo.map { $0.filter { Int($0) < documentCount && alive[Int($0)] } }
        var prunedAt = 0

        // The hot loop works on raw buffers: no uniqueness checks or bounds checks per posting.
        var slots: [SearchScratch.Slot] = []
        var touched: [UInt32] = []
        swap(&slots, &scratch.slots)
        swap(&touched, &scratch.touched)
        var touchedCount = scratch.touchedCount
        var wordEpoch = scratch.wordEpoch
        slots.withUnsafeMutableBufferPointer { slots in
            touched.withUnsafeMutableBufferPointer { touched in
                norms.withUnsafeBufferPointer { norms in
                    fieldWeight.withUnsafeBufferPointer { fieldWeight in
                        var currentWord = -1
                        var mergedIntoPrevious = false
                        // A lower bound of the final `limit`-th best score from the best documents so far scored
                        // in full (see `probedFloor`), looked for once, when long lists are left and no threshold
                        // prunes yet.
                        var floor: Float = 0
                        var probed = false
                        for (stepIndex, step) in steps.enumerated() {
                            // The `limit`-th best score so far when it was looked up and did not prune: a lower
                            // bound of the final one, below which a new document cannot end.
                            var entryThreshold: Float = 0
                            if mergedIntoPrevious {
                                mergedIntoPrevious = false
                                continue
                            }
                            let wordIndex = step.word
                            let form = plan.forms[step.form]
                            let list = form.isStem ? stemPostings[Int(form.term)] : surfacePostings[Int(form.term)]
                            // Looking for the threshold costs a pass over the touched documents: worth it only
                            // when the list to skip is not much shorter.
                            if candidates == nil && stepIndex > 0 && touchedCount >= limit
                                && list.count * 4 >= touchedCount
                            {
                                var threshold = max(
                                    floor,
                                    kthBestScore(
                                        limit, slots: slots, touched: touched[0..<touchedCount],
                                        queryEpoch: queryEpoch, where: isIncluded))
                                if !probed && threshold <= rest[stepIndex] && wordIndex != currentWord
                                    && touchedCount >= probeMinimumTouched
                                    && laterPostings[stepIndex] >= touchedCount
                                {
                                    probed = true
                                    floor = probedFloor(
                                        plan, steps: steps, from: stepIndex, limit: limit, fieldWeight: fieldWeight,
                                        norms: norms, slots: slots, touched: touched[0..<touchedCount],
                                        queryEpoch: queryEpoch, where: isIncluded)
                                    threshold = max(threshold, floor)
                                }
                                let kept: [UInt32]? =
                                    threshold > rest[stepIndex]
                                    ? prune(
                                        touched[0..<touchedCount], below: threshold, rest: rest[stepIndex],
                                        continuing: wordIndex == currentWord ? (step.bound, afterWord[stepIndex]) : nil,
                                        wordEpoch: wordEpoch, queryEpoch: queryEpoch, slots: slots) : nil
                                // Candidates that are most of the touched documents and not much fewer than the
                                // list's postings cost more to look up one by one than the list to scan (with no
                                // newcomer admitted, as the threshold is above what one can reach).
                                if let kept, kept.count * 2 <= touchedCount || kept.count * 4 <= list.count {
                                    candidates = Self.sortedDocuments(kept, below: documentCount)
                                    prunedAt = stepIndex
                                } else {
                                    entryThreshold = threshold
                                }
                            } else if let current = candidates, stepIndex > prunedAt, current.count > limit {
                                // The remaining bound shrank: drop the candidates that can no longer make it.
                                let threshold = max(
                                    floor,
                                    kthBestScore(
                                        limit, slots: slots, touched: current[...], queryEpoch: queryEpoch,
                                        where: isIncluded))
                                candidates = prune(
                                    current[...], below: threshold, rest: rest[stepIndex],
                                    continuing: wordIndex == currentWord ? (step.bound, afterWord[stepIndex]) : nil,
                                    wordEpoch: wordEpoch, queryEpoch: queryEpoch, slots: slots)
                                prunedAt = stepIndex
                            }
                            if wordIndex != currentWord {
                                currentWord = wordIndex
                                wordEpoch += 1
                            }
                            let bit: UInt64 = wordIndex < 64 ? 1 << UInt64(wordIndex) : 0
                            let wordWeight = Float(plan.words[wordIndex].word.weight)
                            // A word's next form (typically the stem after the word as written), when both lists
                            // are scanned in full, is scored in the same pass: one walk over both lists and one
                            // visit per document to its slot, with the same arithmetic as two passes. Only when
                            // no document can yet outscore the next form's remaining bound (the best score so far
                            // is at most the bounds of the words scored, this one included), so skipping the
                            // pruning check before the next form loses nothing.
                            var paired: (list: [Posting], scale: Float)?
                            if candidates == nil, stepIndex + 1 < steps.count, steps[stepIndex + 1].word == wordIndex {
                                let next = plan.forms[steps[stepIndex + 1].form]
                                let nextStem = next.isStem ? next.term : surfaceStem[Int(next.term)]
                                let nextList =
                                    next.isStem ? stemPostings[Int(next.term)] : surfacePostings[Int(next.term)]
                                // The word as written followed by its own stem with almost the same postings.
                                let sameDocuments =
                                    !form.isStem && next.isStem && surfaceStem[Int(form.term)] == next.term
                                    && nextList.count <= list.count + list.count / 8
                                if sameDocuments || totalBound - rest[stepIndex] + step.bound <= rest[stepIndex + 1] {
                                    paired = (nextList, next.factor * idf(stem: nextStem) * wordWeight * (k1 + 1))
                                    mergedIntoPrevious = true
                                }
                            }
                            // The last form(s) of the query scanned in full: a document not touched so far gets its
                            // final score here, so it only needs a slot if it is among the best `limit` of these new
                            // documents (kept in a small heap); the others are never written.
                            let finishesQuery =
                                candidates == nil && stepIndex + (paired == nil ? 1 : 2) == steps.count
                            // Otherwise a new document whose score here plus all that is left after these forms
                            // stays below the threshold can never enter the results and is not touched.
                            // When the next form is the same word's, a newcomer's score there is at most the larger of its
                            // score here and that form's bound (a word keeps its best form), plus the later words.
                            let next = stepIndex + (paired == nil ? 1 : 2)
                            let nextInWord: Float =
                                next < steps.count && steps[next].word == wordIndex ? steps[next].bound : 0
                            let restAfter: Float =
                                nextInWord > 0 ? afterWord[stepIndex] : next < rest.count ? rest[next] : 0
                            let skipsNewcomers = candidates == nil && !finishesQuery && entryThreshold > 0
                            // The first list(s) of the query, scanned in full and kept whole: every document is new,
                            // so its slot is written once, without looking at it.
                            let fresh = touchedCount == 0 && candidates == nil && !finishesQuery && !skipsNewcomers
                            var newcomers = TopKHeap(capacity: limit)
                            let matchedWords = bit != 0 ? 1 : 0
                            @inline(__always)
                            func admits(_ doc: UInt32, _ score: Float) -> Bool {
                                let entry = TopKHeap.Entry(score: score, matched: matchedWords, doc: doc)
                                guard alive[Int(doc)], newcomers.wouldAccept(entry) else { return false }
                                if let isIncluded, !isIncluded(doc) { return false }
                                newcomers.insert(entry)
                                return true
                            }
                            do {
                                let stem = form.isStem ? form.term : surfaceStem[Int(form.term)]
                                let scale = form.factor * idf(stem: stem) * wordWeight * (k1 + 1)
                                list.withUnsafeBufferPointer { postings in
                                    @inline(__always)
                                    func score(at start: Int) -> (score: Float, next: Int) {
                                        let (tf, next) = Self.documentFrequency(
                                            in: postings, at: start, fieldWeight: fieldWeight, norms: norms,
                                            fieldCount: fieldCount)
                                        return (tf > 0 ? scale * tf / (k1 + tf) : 0, next)
                                    }
                                    @inline(__always)
                                    func add(_ doc: UInt32, _ score: Float) {
                                        let d = Int(doc)
                                        if slots[d].queryMark != queryEpoch {
                                            slots[d] = SearchScratch.Slot(
                                                total: score, contribution: score, wordMark: wordEpoch,
                                                queryMark: queryEpoch, matched: bit)
                                            touched[touchedCount] = doc
                                            touchedCount += 1
                                        } else if slots[d].wordMark != wordEpoch {
                                            slots[d].wordMark = wordEpoch
                                            slots[d].contribution = score
                                            slots[d].total += score
                                            slots[d].matched |= bit
                                        } else if score > slots[d].contribution {
                                            slots[d].total += score - slots[d].contribution
                                            slots[d].contribution = score
                                        }
                                    }
                                    if let candidates, candidates.count * 16 < postings.count {
                                        // Few candidates: find each by binary search.
                                        for doc in candidates {
                                            let start = Self.firstPosting(of: doc, in: postings)
                                            guard start < postings.count && postings[start].doc == doc else { continue }
                                            let (value, _) = score(at: start)
                                            if value > 0 { add(doc, value) }
                                        }
                                    } else if let candidates {
                                        // Many candidates: walk the sorted candidates and the list together,
                                        // galloping over the postings between two candidates.
                                        var index = 0
                                        for doc in candidates {
                                            index = Self.seek(doc, in: postings, from: index)
                                            guard index < postings.count else { break }
                                            guard postings[index].doc == doc else { continue }
                                            let (value, next) = score(at: index)
                                            index = next
                                            if value > 0 { add(doc, value) }
                                        }
                                    } else if let paired {
                                        // Two forms' lists in one pass, merged by document; each document gets the
                                        // first form's score, then the second's, exactly as in two passes.
                                        let secondScale = paired.scale
                                        paired.list.withUnsafeBufferPointer { other in
                                            let firstCount = postings.count
                                            let secondCount = other.count
                                            var first = 0
                                            var second = 0
                                            while first < firstCount || second < secondCount {
                                                let firstDoc = first < firstCount ? postings[first].doc : .max
                                                let secondDoc = second < secondCount ? other[second].doc : .max
                                                let doc = min(firstDoc, secondDoc)
                                                let base = Int(doc) &* fieldCount
                                                var firstTF: Float = 0
                                                if firstDoc == doc {
                                                    repeat {
                                                        let posting = postings[first]
                                                        let field = Int(posting.field)
                                                        firstTF +=
                                                            fieldWeight[field] * Float(posting.tf)
                                                            * norms[base &+ field]
                                                        first &+= 1
                                                    } while first < firstCount && postings[first].doc == doc
                                                }
                                                var secondTF: Float = 0
                                                if secondDoc == doc {
                                                    repeat {
                                                        let posting = other[second]
                                                        let field = Int(posting.field)
                                                        secondTF +=
                                                            fieldWeight[field] * Float(posting.tf)
                                                            * norms[base &+ field]
                                                        second &+= 1
                                                    } while second < secondCount && other[second].doc == doc
                                                }
                                                let firstValue = firstTF > 0 ? scale * firstTF / (k1 + firstTF) : 0
                                                let secondValue =
                                                    secondTF > 0 ? secondScale * secondTF / (k1 + secondTF) : 0
                                                if fresh {
                                                    // What the two `add` calls below would leave, in the same
                                                    // arithmetic.
                                                    guard firstTF > 0 || secondTF > 0 else { continue }
                                                    var total = firstTF > 0 ? firstValue : secondValue
                                                    var contribution = total
                                                    if firstTF > 0 && secondTF > 0 && secondValue > firstValue {
                                                        total += secondValue - firstValue
                                                        contribution = secondValue
                                                    }
                                                    slots[Int(doc)] = SearchScratch.Slot(
                                                        total: total, contribution: contribution, wordMark: wordEpoch,
                                                        queryMark: queryEpoch, matched: bit)
                                                    touched[touchedCount] = doc
                                                    touchedCount &+= 1
                                                    continue
                                                }
                                                if finishesQuery && slots[Int(doc)].queryMark != queryEpoch {
                                                    // The score two `add` calls would leave, in the same arithmetic.
                                                    var final = firstTF > 0 ? firstValue : secondValue
                                                    if firstTF > 0 && secondTF > 0 && secondValue > firstValue {
                                                        final += secondValue - firstValue
                                                    }
                                                    guard admits(doc, final) else { continue }
                                                } else if skipsNewcomers && slots[Int(doc)].queryMark != queryEpoch {
                                                    let best = max(firstValue, secondValue)
                                                    if max(best * 1.0001, nextInWord) + restAfter < entryThreshold {
                                                        continue
                                                    }
                                                }
                                                if firstTF > 0 { add(doc, firstValue) }
                                                if secondTF > 0 { add(doc, secondValue) }
                                            }
                                        }
                                    } else {
                                        // The full scan, written out: one pass, no calls per posting.
                                        let count = postings.count
                                        guard var pointer = postings.baseAddress, let weights = fieldWeight.baseAddress,
                                            let normBase = norms.baseAddress, let slotBase = slots.baseAddress
                                        else { return }
                                        let end = pointer + count
                                        while pointer < end {
                                            let doc = pointer.pointee.doc
                                            let base = Int(doc) &* fieldCount
                                            var tf: Float = 0
                                            repeat {
                                                let field = Int(pointer.pointee.field)
                                                tf +=
                                                    weights[field] * Float(pointer.pointee.tf) * normBase[base &+ field]
                                                pointer += 1
                                            } while pointer < end && pointer.pointee.doc == doc
                                            guard tf > 0 else { continue }
                                            let value = scale * tf / (k1 + tf)
                                            let slot = slotBase + Int(doc)
                                            if fresh {
                                                slot.pointee = SearchScratch.Slot(
                                                    total: value, contribution: value, wordMark: wordEpoch,
                                                    queryMark: queryEpoch, matched: bit)
                                                touched[touchedCount] = doc
                                                touchedCount &+= 1
                                                continue
                                            }
                                            if finishesQuery && slot.pointee.queryMark != queryEpoch
                                                && !admits(doc, value)
                                            {
                                                continue
                                            }
                                            if skipsNewcomers && slot.pointee.queryMark != queryEpoch
                                                && max(value * 1.0001, nextInWord) + restAfter < entryThreshold
                                            {
                                                continue
                                            }
                                            if slot.pointee.queryMark != queryEpoch {
                                                slot.pointee = SearchScratch.Slot(
                                                    total: value, contribution: value, wordMark: wordEpoch,
                                                    queryMark: queryEpoch, matched: bit)
                                                touched[touchedCount] = doc
                                                touchedCount &+= 1
                                            } else if slot.pointee.wordMark != wordEpoch {
                                                slot.pointee.wordMark = wordEpoch
                                                slot.pointee.contribution = value
                                                slot.pointee.total += value
                                                slot.pointee.matched |= bit
                                            } else if value > slot.pointee.contribution {
                                                slot.pointee.total += value - slot.pointee.contribution
                                                slot.pointee.contribution = value
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        swap(&slots, &scratch.slots)
        swap(&touched, &scratch.touched)
        scratch.touchedCount = touchedCount
        scratch.wordEpoch = wordEpoch

        // Top k: a small heap whose root is the worst kept hit.
        var heap = TopKHeap(capacity: limit)
        // The last candidates hold every document that can be among the best (see the pruning above).
        let finalists: ArraySlice<UInt32> =
            if let candidates, candidates.count >= limit { candidates[...] } else { scratch.touchedDocuments }
        for doc in finalists where alive[Int(doc)] && scratch.slots[Int(doc)].queryMark == scratch.queryEpoch {
            let d = Int(doc)
            let slot = scratch.slots[d]
            let entry = TopKHeap.Entry(score: slot.total, matched: slot.matched.nonzeroBitCount, doc: doc)
            guard heap.wouldAccept(entry) else { continue }
            if let isIncluded, !isIncluded(doc) { continue }
            heap.insert(entry)
        }
        var texts = TermTexts()
        return heap.sortedBestFirst().map { entry in
            RankedDocument(
                doc: entry.doc, score: Double(entry.score),
                matches: matches(
                    of: entry.doc, in: plan, mask: scratch.slots[Int(entry.doc)].matched, fieldMask: fieldMask,
                    texts: &texts))
        }
    }

    /// Which form of each matched query word a document matched (the first listed, the strongest), for
    /// highlighting.
    /// - Parameter texts: The texts of terms already made for this query (shared by its documents).
    func matches(
        of doc: UInt32, in plan: QueryPlan, mask: UInt64, fieldMask: UInt64, texts: inout TermTexts
    ) -> [TermMatch] {
        var result: [TermMatch] = []
        result.reserveCapacity(mask.nonzeroBitCount)
        // By position: a copy of each word would retain its texts.
        for wordIndex in plan.words.indices
        where !plan.words[wordIndex].isPair && wordIndex < 64 && mask & (1 << UInt64(wordIndex)) != 0 {
            for formIndex in plan.words[wordIndex].forms {
                let form = plan.forms[formIndex]
                let postings = form.isStem ? stemPostings[Int(form.term)] : surfacePostings[Int(form.term)]
                if Self.contains(postings, doc, fieldMask: fieldMask) {
                    let term = texts.text(isStem: form.isStem, term: form.term, in: self)
                    result.append(
                        TermMatch(queryWord: plan.words[wordIndex].word.used, matchedTerm: term, kind: form.kind))
                    break
                }
            }
        }
        return result
    }

    /// A lower bound of the final `limit`-th best score, for a step that starts a word: the best documents so far
    /// (live, passing the filter) get the scores of the words left looked up by binary search (at most 16 forms
    /// in all, each word's strongest first: fewer forms only lower a score), and the `limit`-th best of these
    /// scores, less a margin for rounding, is the bound (0 when fewer documents). A query of common words only
    /// gets no threshold from the first word alone; this one often prunes the next words' long lists at once.
    private func probedFloor(
        _ plan: QueryPlan, steps: [RankingStep], from start: Int, limit: Int, fieldWeight: UnsafeBufferPointer<Float>,
        norms: UnsafeBufferPointer<Float>, slots: UnsafeMutableBufferPointer<SearchScratch.Slot>,
        touched: some Sequence<UInt32>, queryEpoch: UInt32, where isIncluded: ((UInt32) -> Bool)?
    ) -> Float {
        var best = TopKHeap(capacity: max(limit * 3, 32))
        for doc in touched where alive[Int(doc)] && slots[Int(doc)].queryMark == queryEpoch {
            let entry = TopKHeap.Entry(score: slots[Int(doc)].total, matched: 0, doc: doc)
            guard best.wouldAccept(entry) else { continue }
            if let isIncluded, !isIncluded(doc) { continue }
            best.insert(entry)
        }
        guard best.count >= limit else { return 0 }
        let docs = best.sortedBestFirst().map(\.doc).sorted()
        var totals = docs.map { slots[Int($0)].total }
        var wordBest = [Float](repeating: 0, count: docs.count)
        let k1 = Float(configuration.k1)
        let fieldCount = fields.count
        var index = start
        var probes = 0
        while index < steps.count {
            let wordIndex = steps[index].word
            let wordWeight = Float(plan.words[wordIndex].word.weight)
            for position in wordBest.indices { wordBest[position] = 0 }
            while index < steps.count && steps[index].word == wordIndex {
                defer { index += 1 }
                guard probes < 16 else { continue }
                probes += 1
                let form = plan.forms[steps[index].form]
                let stem = form.isStem ? form.term : surfaceStem[Int(form.term)]
                let scale = form.factor * idf(stem: stem) * wordWeight * (k1 + 1)
                let list = form.isStem ? stemPostings[Int(form.term)] : surfacePostings[Int(form.term)]
                list.withUnsafeBufferPointer { postings in
                    var at = 0
                    for (position, doc) in docs.enumerated() {
                        at = Self.seek(doc, in: postings, from: at)
                        guard at < postings.count else { break }
                        guard postings[at].doc == doc else { continue }
                        let (tf, next) = Self.documentFrequency(
                            in: postings, at: at, fieldWeight: fieldWeight, norms: norms, fieldCount: fieldCount)
                        at = next
                        if tf > 0 { wordBest[position] = max(wordBest[position], scale * tf / (k1 + tf)) }
                    }
                }
            }
            for position in totals.indices { totals[position] += wordBest[position] }
        }
        totals.sort(by: >)
        return totals[limit - 1] * 0.9999
    }

    /// The live documents whose score so far plus what is left (`rest`) reaches `threshold`, in their order.
    /// With `continuing` (the bound of the step's form and of the words after its word), the step continues the
    /// word of the previous one, and a document with a contribution for it (`wordEpoch`) can gain only what the
    /// form adds to it. Slots not touched by this query (`queryEpoch`) count as 0.
    private func prune(
        _ docs: some Sequence<UInt32>, below threshold: Float, rest: Float, continuing: (bound: Float, after: Float)?,
        wordEpoch: UInt32, queryEpoch: UInt32, slots: UnsafeMutableBufferPointer<SearchScratch.Slot>
    ) -> [UInt32] {
        var kept: [UInt32] = []
        for doc in docs {
            let d = Int(doc)
            let slot = slots[d]
            let total = slot.queryMark == queryEpoch ? slot.total : 0
            let bound: Float =
                if let continuing, slot.queryMark == queryEpoch && slot.wordMark == wordEpoch {
                    total + max(0, continuing.bound - slot.contribution) + continuing.after
                } else {
                    total + rest
                }
            if alive[d] && bound >= threshold { kept.append(doc) }
        }
        return kept
    }

    /// Distinct document numbers (all below `count`) sorted: by a bitmap for many (no comparisons).
    static func sortedDocuments(_ docs: [UInt32], below count: Int) -> [UInt32] {
        guard docs.count > 256 else { return docs.sorted() }
        var bits = [UInt64](repeating: 0, count: (count + 63) >> 6)
        for doc in docs { bits[Int(doc >> 6)] |= 1 << UInt64(doc & 63) }
        var sorted: [UInt32] = []
        sorted.reserveCapacity(docs.count)
        for (index, word) in bits.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                sorted.append(UInt32(index << 6 | rest.trailingZeroBitCount))
                rest &= rest &- 1
            }
        }
        return sorted
    }

    /// The score of the `k`-th best live document touched so far (0 when fewer pass the filter).
    private func kthBestScore(
        _ k: Int, slots: UnsafeMutableBufferPointer<SearchScratch.Slot>,
        touched: some Sequence<UInt32>, queryEpoch: UInt32,
        where isIncluded: ((UInt32) -> Bool)?
    ) -> Float {
        var heap = TopKHeap(capacity: k)
        for doc in touched where alive[Int(doc)] && slots[Int(doc)].queryMark == queryEpoch {
            let entry = TopKHeap.Entry(score: slots[Int(doc)].total, matched: 0, doc: doc)
            guard heap.wouldAccept(entry) else { continue }
            if let isIncluded, !isIncluded(doc) { continue }
            heap.insert(entry)
        }
        return heap.count < k ? 0 : heap.worstScore
    }

    /// The most a form can add to a document's score (with a margin for rounding): the saturation of the
    /// largest impact any document has for the term bounds its score.
    /// - Parameters:
    ///   - idf: The idf of the form's stem.
    ///   - weight: The word's weight times `k1 + 1`.
    @inline(__always)
    func bound(of form: QueryPlan.Form, idf: Float, weight: Float) -> Float {
        let k1 = Float(configuration.k1)
        let impact = form.isStem ? stemMaxImpact[Int(form.term)] : surfaceMaxImpact[Int(form.term)]
        let saturation = impact * (k1 + 1) / (k1 + impact) / (k1 + 1)
        return form.factor * idf * weight * saturation * 1.0001
    }

    /// A term's weighted, normalized frequency in one document, `Σ fieldWeight × tf × norm` over the document's
    /// postings from `start` on, and the position after them. Summed in the postings' order, so every ranking
    /// path gets the same float for the same document (the full scans of `rank` write the same sum out over
    /// raw pointers).
    @inline(__always)
    static func documentFrequency(
        in postings: UnsafeBufferPointer<Posting>, at start: Int, fieldWeight: UnsafeBufferPointer<Float>,
        norms: UnsafeBufferPointer<Float>, fieldCount: Int
    ) -> (tf: Float, next: Int) {
        let doc = postings[start].doc
        let base = Int(doc) * fieldCount
        var tf: Float = 0
        var index = start
        repeat {
            let posting = postings[index]
            let field = Int(posting.field)
            tf += fieldWeight[field] * Float(posting.tf) * norms[base + field]
            index += 1
        } while index < postings.count && postings[index].doc == doc
        return (tf, index)
    }

    /// The index of the first posting of a document, or where it would be (binary search).
    @inline(__always)
    static func firstPosting(of doc: UInt32, in postings: UnsafeBufferPointer<Posting>) -> Int {
        var low = 0
        var high = postings.count
        while low < high {
            let middle = (low + high) >> 1
            if postings[middle].doc < doc { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of the first posting at or after `start` whose document is not below `doc` (the list's
    /// count when there is none): an exponential search from `start`, then a binary search, so walking a
    /// long list for a few candidates costs a few steps per candidate instead of one per posting.
    @inline(__always)
    static func seek(_ doc: UInt32, in postings: UnsafeBufferPointer<Posting>, from start: Int) -> Int {
        let count = postings.count
        guard start < count, postings[start].doc < doc else { return start }
        // postings[low].doc < doc throughout; the answer is in low + 1 ... high.
        var low = start
        var step = 1
        var high = start + 1
        while high < count && postings[high].doc < doc {
            low = high
            step &<<= 1
            high = low &+ step
        }
        var first = low + 1
        var last = min(high, count)
        while first < last {
            let middle = (first + last) >> 1
            if postings[middle].doc < doc { first = middle + 1 } else { last = middle }
        }
        return first
    }

    /// Whether a posting list (sorted by document) has a document in one of the searched fields.
    static func contains(_ postings: [Posting], _ doc: UInt32, fieldMask: UInt64 = .max) -> Bool {
        var low = 0
        var high = postings.count
        while low < high {
            let middle = (low + high) / 2
            if postings[middle].doc < doc { low = middle + 1 } else { high = middle }
        }
        while low < postings.count && postings[low].doc == doc {
            let field = UInt64(postings[low].field)
            if field < 64 && fieldMask & (1 << field) != 0 { return true }
            low += 1
        }
        return false
    }
}

extension IndexCore {
    /// The inverse document frequency of a term found in `frequency` documents.
    func idf(documentFrequency frequency: Int) -> Float {
        let documents = Double(documentCount)
        let ratio: Double = (documents - Double(frequency) + 0.5) / (Double(frequency) + 0.5)
        return Float(log(1 + ratio))
    }
}

extension IndexCore {
    /// The highest score any document could get for a plan (every word matched by its best form with
    /// saturated term frequency): scores divided by it are in 0...1.
    func maximumScore(of plan: QueryPlan) -> Double {
        var total: Float = 0
        let k1 = Float(configuration.k1)
        for word in plan.words {
            var best: Float = 0
            for form in plan.forms[word.forms] {
                let stem = form.isStem ? form.term : surfaceStem[Int(form.term)]
                best = max(best, form.factor * idf(stem: stem))
            }
            total += best * Float(word.word.weight) * (k1 + 1)
        }
        return Double(total)
    }
}

/// One form of one query word in the order a search scores them, with the most it can add to a score.
struct RankingStep {
    /// The word's position in the plan's words.
    var word: Int
    /// The form's position in the plan's forms.
    var form: Int
    var bound: Float
}

/// The texts of the terms a query's results matched, each made once (a query matches a few dozen terms at
/// most: a linear search).
struct TermTexts {
    private var keys: [UInt64] = []
    private var texts: [String] = []

    /// Forgets every text, keeping the capacity.
    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
    }

    /// The text of a stem or vocabulary word of an index (straight from its table when the table keeps
    /// its texts).
    mutating func text(isStem: Bool, term: UInt32, in core: IndexCore) -> String {
        if isStem ? core.stems.keepsTexts : core.surfaces.keepsTexts { return Self.make(isStem, term, core) }
        let key = UInt64(term) << 1 | (isStem ? 1 : 0)
        if let position = keys.firstIndex(of: key) { return texts[position] }
        let text = Self.make(isStem, term, core)
        keys.append(key)
        texts.append(text)
        return text
    }

    /// The term's text from its table (read in place: a copy of the table would retain its arrays).
    @inline(__always)
    private static func make(_ isStem: Bool, _ term: UInt32, _ core: IndexCore) -> String {
        isStem ? core.stems.string(term) : core.surfaces.string(term)
    }
}

/// A document chosen by ``IndexCore/rank(_:limit:fieldMask:scratch:where:)``.
struct RankedDocument {
    var doc: UInt32
    var score: Double
    var matches: [TermMatch]
}
