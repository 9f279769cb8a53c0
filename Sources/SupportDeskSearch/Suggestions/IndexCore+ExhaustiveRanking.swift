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
        // The working arrays are the scratch's, kept between queries (taken out so that they are unique).
        var buffers = scratch.exhaustive
        scratch.exhaustive = ExhaustiveRankingBuffers()
        defer { scratch.exhaustive = buffers }
        buffers.reset()
        for (index, weight) in fieldWeights.enumerated() { buffers.fieldWeight.append(index < 64 ? weight : 0) }

        buffers.scales.append(contentsOf: repeatElement(0, count: plan.forms.count))
        // The order of `rank`: each word's forms by their bound, strongest first; the words by the number
        // of postings of their forms, then by their best bound.
        for wordIndex in plan.words.indices {
            let forms = plan.words[wordIndex].forms
            let wordWeight = Float(plan.words[wordIndex].word.weight)
            let weight = wordWeight * (k1 + 1)
            let first = buffers.steps.count
            var cost = 0
            for formIndex in forms {
                let form = plan.forms[formIndex]
                let stem = form.isStem ? form.term : surfaceStem[Int(form.term)]
                let idf = idf(stem: stem)
                buffers.steps.append(
                    RankingStep(word: wordIndex, form: formIndex, bound: bound(of: form, idf: idf, weight: weight)))
                // `rank`'s scale of the form, in the same arithmetic (by the form's position in the plan).
                buffers.scales[formIndex] = form.factor * idf * wordWeight * (k1 + 1)
                cost += form.isStem ? stemPostings[Int(form.term)].count : surfacePostings[Int(form.term)].count
            }
            buffers.wordSteps.append(first..<buffers.steps.count)
            // The same order as `rank`'s stable sort (a stable order is unique): an insertion sort in place.
            Self.insertionSort(&buffers.steps, from: first) { $0.bound > $1.bound }
            buffers.wordBounds.append(buffers.steps.count > first ? buffers.steps[first].bound : 0)
            buffers.wordCosts.append(cost)
            buffers.order.append(wordIndex)
        }
        let wordCosts = buffers.wordCosts
        let wordBounds = buffers.wordBounds
        Self.insertionSort(&buffers.order, from: 0) {
            wordCosts[$0] != wordCosts[$1] ? wordCosts[$0] < wordCosts[$1] : wordBounds[$0] > wordBounds[$1]
        }

        // Per document, as in `rank`: the total, the current word's contribution (a word keeps its best
        // form), the word it was set for, and a bit per word matched. Slots are reset before and after.
        scratch.prepare(documents: documentCount)
        for doc in 0..<documentCount { scratch.slots[doc] = SearchScratch.Slot() }
        let fieldWeight = buffers.fieldWeight
        fieldWeight.withUnsafeBufferPointer { fieldWeight in
            norms.withUnsafeBufferPointer { norms in
                for (position, wordIndex) in buffers.order.enumerated() {
                    // `queryMark` 1: touched by this query; `wordMark`: the word's position in the order, plus one.
                    let mark = UInt32(position + 1)
                    let bit: UInt64 = wordIndex < 64 ? 1 << UInt64(wordIndex) : 0
                    for stepIndex in buffers.wordSteps[wordIndex] {
                        let formIndex = buffers.steps[stepIndex].form
                        let form = plan.forms[formIndex]
                        let scale = buffers.scales[formIndex]
                        let postings = form.isStem ? stemPostings[Int(form.term)] : surfacePostings[Int(form.term)]
                        postings.withUnsafeBufferPointer { list in
                            var index = 0
                            while index < list.count {
                                let doc = list[index].doc
                                let (tf, next) = Self.documentFrequency(
                                    in: list, at: index, fieldWeight: fieldWeight, norms: norms,
                                    fieldCount: fieldCount)
                                index = next
                                guard tf > 0 else { continue }
                                let d = Int(doc)
                                let value = scale * tf / (k1 + tf)
                                if scratch.slots[d].queryMark != 1 {
                                    scratch.slots[d] = SearchScratch.Slot(
                                        total: value, contribution: value, wordMark: mark, queryMark: 1, matched: bit)
                                    buffers.touched.append(doc)
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
            }
        }

        var heap = TopKHeap(capacity: limit)
        for doc in buffers.touched where alive[Int(doc)] {
            let slot = scratch.slots[Int(doc)]
            let entry = TopKHeap.Entry(score: slot.total, matched: slot.matched.nonzeroBitCount, doc: doc)
            if heap.wouldAccept(entry) { heap.insert(entry) }
        }
        var results: [RankedDocument] = []
        results.reserveCapacity(heap.count)
        // `rank`'s matches, with each term's text made once though several documents match it.
        for entry in heap.sortedBestFirst() {
            let matches = matches(
                of: entry.doc, in: plan, mask: scratch.slots[Int(entry.doc)].matched, fieldMask: .max,
                texts: &buffers.texts)
            results.append(RankedDocument(doc: entry.doc, score: Double(entry.score), matches: matches))
        }
        for doc in buffers.touched { scratch.slots[Int(doc)] = SearchScratch.Slot() }
        return results
    }

    /// Sorts `elements[start...]` in place, stably (for the few forms of a word or words of a query).
    @inline(__always)
    static func insertionSort<Element>(
        _ elements: inout [Element], from start: Int, by areInIncreasingOrder: (Element, Element) -> Bool
    ) {
        guard elements.count - start > 1 else { return }
        for index in (start + 1)..<elements.count {
            let element = elements[index]
            var position = index
            while position > start && areInIncreasingOrder(element, elements[position - 1]) {
                elements[position] = elements[position - 1]
                position -= 1
            }
            elements[position] = element
        }
    }
}

/// The working arrays of ``IndexCore/rankExhaustively(_:limit:scratch:)``, kept in a ``SearchScratch``
/// between queries so that a query allocates only its results.
struct ExhaustiveRankingBuffers {
    var fieldWeight: [Float] = []
    /// Per form, by word: its step (word, form, bound), each word's run sorted by bound.
    var steps: [RankingStep] = []
    /// Per form (by its position in the plan): `rank`'s scale.
    var scales: [Float] = []
    /// Per word: its run of ``steps``, its best bound and the number of postings of its forms.
    var wordSteps: [Range<Int>] = []
    var wordBounds: [Float] = []
    var wordCosts: [Int] = []
    /// The words in scoring order.
    var order: [Int] = []
    /// The documents the query touched.
    var touched: [UInt32] = []
    var texts = TermTexts()

    /// Empties every array, keeping its capacity.
    mutating func reset() {
        fieldWeight.removeAll(keepingCapacity: true)
        steps.removeAll(keepingCapacity: true)
        scales.removeAll(keepingCapacity: true)
        wordSteps.removeAll(keepingCapacity: true)
        wordBounds.removeAll(keepingCapacity: true)
        wordCosts.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
        touched.removeAll(keepingCapacity: true)
        texts.removeAll()
    }
}
