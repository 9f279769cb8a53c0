extension IndexCore {
    /// The largest index ``rankExhaustively(_:limit:scratch:)`` is meant for (a help center's topics).
    static let exhaustiveRankingLimit = 256

    /// Ranks a plan over a small index by scoring every posting of every form: what
    /// ``rank(_:limit:fieldMask:scratch:where:restrictedTo:)`` returns (all fields, no filter), without its
    /// pruning machinery.
    ///
    /// For a few dozen documents the lists are a handful of postings each, and the bookkeeping that lets a
    /// large index skip most postings (per-word step arrays, heaps of newcomers, threshold passes) costs
    /// more than the postings themselves. The forms are scored in the order `rank` scores them (words with
    /// the fewest postings first, each word's forms from the strongest) with the same arithmetic, so every
    /// document's score is the same `Float`, and the best `limit` documents, chosen by the same total order
    /// (score, words matched, document number), are the same, with the same matches.
    /// - Parameters:
    ///   - plan: The analyzed query.
    ///   - limit: The most documents to return.
    ///   - scratch: Working memory (its slots are used and left reset for ``rank``).
    /// - Returns: The best documents, best first.
    func rankExhaustively(_ plan: QueryPlan, limit: Int, scratch: inout SearchScratch) -> [RankedDocument] {
        guard limit > 0, !plan.words.isEmpty, documentCount > 0 else { return [] }
        let k1 = Float(configuration.k1)
        let fieldCount = fields.count
        var fieldWeight = [Float](repeating: 0, count: fieldCount)
        for (index, field) in fields.enumerated() { fieldWeight[index] = index < 64 ? Float(field.weight) : 0 }

        // The order of `rank`: each word's forms by their bound, strongest first; the words by the number
        // of postings of their forms, then by their best bound.
        var steps: [RankingStep] = []
        var wordSteps: [Range<Int>] = []
        var wordBounds: [Float] = []
        var wordCosts: [Int] = []
        wordSteps.reserveCapacity(plan.words.count)
        wordBounds.reserveCapacity(plan.words.count)
        wordCosts.reserveCapacity(plan.words.count)
        // Per form (by place: its word's first place plus its position), what scoring needs.
        var scales: [Float] = []
        var lists: [[Posting]] = []
        var formCount = 0
        for word in plan.words { formCount += word.forms.count }
        steps.reserveCapacity(formCount)
        scales.reserveCapacity(formCount)
        lists.reserveCapacity(formCount)
        for wordIndex in plan.words.indices {
            let forms = plan.words[wordIndex].forms
            let wordWeight = Float(plan.words[wordIndex].word.weight)
            let weight = wordWeight * (k1 + 1)
            let first = steps.count
            var cost = 0
            for formIndex in forms.indices {
                let form = forms[formIndex]
                let stem = form.isStem ? form.term : surfaceStem[Int(form.term)]
                let impact = form.isStem ? stemMaxImpact[Int(form.term)] : surfaceMaxImpact[Int(form.term)]
                let saturation = impact * (k1 + 1) / (k1 + impact) / (k1 + 1)
                let idf = idf(stem: stem)
                steps.append(
                    RankingStep(
                        word: wordIndex, form: formIndex, bound: form.factor * idf * weight * saturation * 1.0001))
                // `rank`'s scale of the form, in the same arithmetic.
                scales.append(form.factor * idf * wordWeight * (k1 + 1))
                let list = form.isStem ? stemPostings[Int(form.term)] : surfacePostings[Int(form.term)]
                lists.append(list)
                cost += list.count
            }
            wordSteps.append(first..<steps.count)
            // Sorted in place (a sorted slice would be copied out and back), by the same stable sort.
            let end = steps.count
            steps.withUnsafeMutableBufferPointer { steps in
                var forms = UnsafeMutableBufferPointer(rebasing: steps[first..<end])
                forms.sort { $0.bound > $1.bound }
            }
            wordBounds.append(steps.count > first ? steps[first].bound : 0)
            wordCosts.append(cost)
        }
        let order = plan.words.indices.sorted {
            wordCosts[$0] != wordCosts[$1] ? wordCosts[$0] < wordCosts[$1] : wordBounds[$0] > wordBounds[$1]
        }

        // Per document, as in `rank`: the total, the current word's contribution (a word keeps its best
        // form), the word it was set for, and a bit per word matched. Slots are reset before and after.
        scratch.prepare(documents: documentCount)
        for doc in 0..<documentCount { scratch.slots[doc] = SearchScratch.Slot() }
        var touched: [UInt32] = []
        touched.reserveCapacity(documentCount)
        // Per document and form place: whether the form's list has the document (for its matches).
        var has = [Bool](repeating: false, count: documentCount * steps.count)
        let places = steps.count
        for (position, wordIndex) in order.enumerated() {
            // `queryMark` 1: touched by this query; `wordMark`: the word's position in the order, plus one.
            let mark = UInt32(position + 1)
            let bit: UInt64 = wordIndex < 64 ? 1 << UInt64(wordIndex) : 0
            let firstPlace = wordSteps[wordIndex].lowerBound
            for stepIndex in wordSteps[wordIndex] {
                let place = firstPlace + steps[stepIndex].form
                let scale = scales[place]
                lists[place].withUnsafeBufferPointer { list in
                    var index = 0
                    while index < list.count {
                        let doc = list[index].doc
                        let base = Int(doc) * fieldCount
                        var tf: Float = 0
                        var inSearchedField = false
                        repeat {
                            let posting = list[index]
                            let field = Int(posting.field)
                            inSearchedField = inSearchedField || field < 64
                            tf += fieldWeight[field] * Float(posting.tf) * norms[base + field]
                            index += 1
                        } while index < list.count && list[index].doc == doc
                        let d = Int(doc)
                        if inSearchedField { has[d * places + place] = true }
                        guard tf > 0 else { continue }
                        let value = scale * tf / (k1 + tf)
                        if scratch.slots[d].queryMark != 1 {
                            scratch.slots[d] = SearchScratch.Slot(
                                total: value, contribution: value, wordMark: mark, queryMark: 1, matched: bit)
                            touched.append(doc)
                        } else if scratch.slots[d].wordMark != mark {
                            scratch.slots[d].wordMark = mark
                            scratch.slots[d].contribution = value
                            scratch.slots[d].total += value
                            scratch.slots[d].matched |= bit
                        } else if value > scratch.slots[d].contribution {
                            scratch.slots[d].total += value - scratch.slots[d].contribution
                            scratch.slots[d].contribution = value
                        }
                    }
                }
            }
        }

        var heap = TopKHeap(capacity: limit)
        for doc in touched where alive[Int(doc)] {
            let slot = scratch.slots[Int(doc)]
            let entry = TopKHeap.Entry(score: slot.total, matched: slot.matched.nonzeroBitCount, doc: doc)
            if heap.wouldAccept(entry) { heap.insert(entry) }
        }
        let best = heap.sortedBestFirst()
        var results: [RankedDocument] = []
        results.reserveCapacity(best.count)
        // A term's text is made once, though several documents match it (by the form's place).
        var termTexts = [String?](repeating: nil, count: places)
        for entry in best {
            let d = Int(entry.doc)
            var matches: [TermMatch] = []
            let mask = scratch.slots[d].matched
            matches.reserveCapacity(mask.nonzeroBitCount)
            // The first listed form of each matched word that the document has, as `rank` reports them.
            for wordIndex in plan.words.indices
            where !plan.words[wordIndex].isPair && wordIndex < 64 && mask & (1 << UInt64(wordIndex)) != 0 {
                let firstPlace = wordSteps[wordIndex].lowerBound
                for place in wordSteps[wordIndex] where has[d * places + place] {
                    let form = plan.words[wordIndex].forms[place - firstPlace]
                    let term: String
                    if let known = termTexts[place] {
                        term = known
                    } else {
                        term = form.isStem ? stems.string(form.term) : surfaces.string(form.term)
                        termTexts[place] = term
                    }
                    matches.append(
                        TermMatch(queryWord: plan.words[wordIndex].word.used, matchedTerm: term, kind: form.kind))
                    break
                }
            }
            results.append(RankedDocument(doc: entry.doc, score: Double(entry.score), matches: matches))
        }
        for doc in touched { scratch.slots[Int(doc)] = SearchScratch.Slot() }
        return results
    }
}
