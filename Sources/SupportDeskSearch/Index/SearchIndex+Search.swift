#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension SearchIndex {
    /// Searches the index.
    /// - Parameters:
    ///   - query: The query as typed.
    ///   - limit: The most hits to return.
    ///   - isIncluded: Keeps only documents whose key passes (checked only for documents that would enter
    ///     the results).
    /// - Returns: The best hits, best first, with the analyzed query and a correction.
    public func search(
        _ query: String, limit: Int = 10, where isIncluded: ((Key) -> Bool)? = nil
    )
        -> SearchResults<Key>
    {
        var scratch = SearchScratch()
        return search(query, limit: limit, scratch: &scratch, where: isIncluded)
    }

    /// Searches the index with reusable working memory.
    /// - Parameters:
    ///   - query: The query as typed.
    ///   - limit: The most hits to return.
    ///   - scratch: Working memory kept between searches.
    ///   - fields: The positions of the fields to search (`nil`: all), so that, for example, a customer's
    ///     search never matches agents' internal notes.
    ///   - isIncluded: Keeps only documents whose key passes.
    /// - Returns: The best hits, best first, with the analyzed query and a correction.
    public func search(
        _ query: String, limit: Int = 10, fields: [Int]? = nil, scratch: inout SearchScratch,
        where isIncluded: ((Key) -> Bool)? = nil
    ) -> SearchResults<Key> {
        let plan = self.plan(query)
        let hits = rank(plan, limit: limit, fieldMask: Self.fieldMask(fields), scratch: &scratch, where: isIncluded)
        return SearchResults(hits: hits, words: plan.allWords, correction: plan.correction)
    }

    /// The inverse document frequency of a stem.
    func idf(stem: UInt32) -> Float {
        let documents = Double(keys.count)
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

    func rank(
        _ plan: QueryPlan, limit: Int, fieldMask: UInt64 = .max, scratch: inout SearchScratch,
        where isIncluded: ((Key) -> Bool)?
    )
        -> [SearchHit<Key>]
    {
        guard limit > 0, !plan.words.isEmpty, !keys.isEmpty else { return [] }
        scratch.prepare(documents: keys.count)
        let fieldCount = fields.count
        var fieldWeight = [Float](repeating: 0, count: fieldCount)
        var fieldB = [Float](repeating: 0, count: fieldCount)
        var fieldInverseAverage = [Float](repeating: 0, count: fieldCount)
        let live = Double(max(count, 1))
        for (index, field) in fields.enumerated() {
            fieldWeight[index] = index < 64 && fieldMask & (1 << UInt64(index)) != 0 ? Float(field.weight) : 0
            fieldB[index] = Float(field.lengthNormalization)
            let average = lengthTotals[index] / live
            fieldInverseAverage[index] = average > 0 ? Float(1 / average) : 0
        }
        let k1 = Float(configuration.k1)
        let queryEpoch = scratch.queryEpoch
        for (wordIndex, word) in plan.words.enumerated() {
            scratch.wordEpoch += 1
            let wordEpoch = scratch.wordEpoch
            let bit: UInt64 = wordIndex < 64 ? 1 << UInt64(wordIndex) : 0
            let wordWeight = Float(word.word.weight)
            for form in word.forms {
                let stem = form.isStem ? form.term : surfaceStem[Int(form.term)]
                let scale = form.factor * idf(stem: stem) * wordWeight * (k1 + 1)
                let postings = form.isStem ? stemPostings[Int(form.term)] : surfacePostings[Int(form.term)]
                postings.withUnsafeBufferPointer { postings in
                    lengths.withUnsafeBufferPointer { lengths in
                        var index = 0
                        let count = postings.count
                        while index < count {
                            let doc = postings[index].doc
                            var tf: Float = 0
                            repeat {
                                let posting = postings[index]
                                let field = Int(posting.field)
                                let length = lengths[Int(doc) * fieldCount + field]
                                let norm = 1 - fieldB[field] + fieldB[field] * length * fieldInverseAverage[field]
                                tf += fieldWeight[field] * Float(posting.tf) / max(norm, 0.05)
                                index += 1
                            } while index < count && postings[index].doc == doc
                            guard tf > 0 else { continue }
                            let score = scale * tf / (k1 + tf)
                            let d = Int(doc)
                            if scratch.queryMark[d] != queryEpoch {
                                scratch.queryMark[d] = queryEpoch
                                scratch.total[d] = 0
                                scratch.matched[d] = 0
                                scratch.touched.append(doc)
                            }
                            if scratch.wordMark[d] != wordEpoch {
                                scratch.wordMark[d] = wordEpoch
                                scratch.contribution[d] = score
                                scratch.total[d] += score
                                scratch.matched[d] |= bit
                            } else if score > scratch.contribution[d] {
                                scratch.total[d] += score - scratch.contribution[d]
                                scratch.contribution[d] = score
                            }
                        }
                    }
                }
            }
        }
        // Top k: a small heap whose root is the worst kept hit.
        var heap = TopKHeap(capacity: limit)
        for doc in scratch.touched where alive[Int(doc)] {
            let d = Int(doc)
            let entry = TopKHeap.Entry(score: scratch.total[d], matched: scratch.matched[d].nonzeroBitCount, doc: doc)
            guard heap.wouldAccept(entry) else { continue }
            if let isIncluded, !isIncluded(keys[d]) { continue }
            heap.insert(entry)
        }
        return heap.sortedBestFirst().map { entry in
            SearchHit(
                key: keys[Int(entry.doc)], score: Double(entry.score),
                matches: matches(
                    of: entry.doc, in: plan, mask: scratch.matched[Int(entry.doc)], fieldMask: fieldMask))
        }
    }

    /// Which form of each matched query word a document matched (the strongest), for highlighting.
    private func matches(of doc: UInt32, in plan: QueryPlan, mask: UInt64, fieldMask: UInt64) -> [TermMatch] {
        var result: [TermMatch] = []
        for (wordIndex, word) in plan.words.enumerated()
        where !word.isPair && wordIndex < 64 && mask & (1 << UInt64(wordIndex)) != 0 {
            for form in word.forms {
                let postings = form.isStem ? stemPostings[Int(form.term)] : surfacePostings[Int(form.term)]
                if Self.contains(postings, doc, fieldMask: fieldMask) {
                    let term = form.isStem ? stems.string(form.term) : surfaces.string(form.term)
                    result.append(TermMatch(queryWord: word.word.used, matchedTerm: term, kind: form.kind))
                    break
                }
            }
        }
        return result
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

extension SearchIndex {
    /// The inverse document frequency of a term found in `frequency` documents.
    func idf(documentFrequency frequency: Int) -> Float {
        let documents = Double(keys.count)
        let ratio: Double = (documents - Double(frequency) + 0.5) / (Double(frequency) + 0.5)
        return Float(log(1 + ratio))
    }
}

extension SearchIndex {
    /// The highest score any document could get for a plan (every word matched by its best form with
    /// saturated term frequency): scores divided by it are in 0...1.
    func maximumScore(of plan: QueryPlan) -> Double {
        var total: Float = 0
        let k1 = Float(configuration.k1)
        for word in plan.words {
            var best: Float = 0
            for form in word.forms {
                let stem = form.isStem ? form.term : surfaceStem[Int(form.term)]
                best = max(best, form.factor * idf(stem: stem))
            }
            total += best * Float(word.word.weight) * (k1 + 1)
        }
        return Double(total)
    }
}
