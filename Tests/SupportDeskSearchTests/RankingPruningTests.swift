import SupportDeskTesting
import Testing

@testable import SupportDeskSearch

/// Pruned rankings compared with full evaluation on a seeded corpus dominated by very common words (the
/// queries whose lists are pruned to their candidates, with a threshold floor found early, or skipped for
/// newcomers within a word's forms), with filters, field masks, a restriction, removals, compaction and updates.
@Suite("Ranking pruning")
struct RankingPruningTests {
    static let fields = [SearchField("summary", weight: 2), SearchField("description"), SearchField("comments")]

    /// Seeded draws below a bound (the project's seeded generator, so a failure can be replayed).
    struct Generator {
        var random: SeededRandomNumberGenerator
        init(state: UInt64) { random = SeededRandomNumberGenerator(seed: state) }
        mutating func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &random) }
    }

    /// Words with their share of documents (in percent): `не` in most, inflections of common words, rare ones.
    static let vocabulary: [(word: String, percent: Int)] = [
        ("не", 80), ("номер", 40), ("номера", 12), ("бот", 20), ("боты", 6), ("работает", 25), ("работа", 15),
        ("работают", 8), ("сообщения", 18), ("сообщение", 10), ("клиентов", 15), ("клиент", 10), ("статистика", 8),
        ("период", 6), ("отвечает", 10), ("ответ", 6), ("звонок", 12), ("сценарий", 5), ("вебхук", 1),
        ("токен", 1), ("модерация", 1),
    ]

    static func text(_ generator: inout Generator, words: Int) -> String {
        var picked: [String] = []
        for (word, percent) in vocabulary where generator.next(100) < percent {
            for _ in 0..<(1 + generator.next(3) / 2) { picked.append(word) }
        }
        for _ in 0..<generator.next(words) { picked.append("слово\(generator.next(40))") }
        for index in picked.indices.reversed() {
            picked.swapAt(index, generator.next(index + 1))
        }
        return picked.joined(separator: " ")
    }

    static func document(_ key: Int, _ generator: inout Generator) -> SearchDocument<Int> {
        var document = SearchDocument(key: key)
        if generator.next(10) < 7 { document.append(text(&generator, words: 3), to: 0) }
        document.append(text(&generator, words: 12), to: 1)
        if generator.next(10) < 4 { document.append(text(&generator, words: 6), to: 2) }
        return document
    }

    static let queries = [
        "номер не работает ", "бот не работает ", "сообщения клиентов ", "не ", "бот не отвечает ",
        "статистика за период ", "номер не работ", "бот не отв", "не работает ", "клиентов сообщения не ",
        "номер бот сообщения не работает ", "вебхук не работает ", "не могу подкюлчить ", "сценарий звонок не ",
    ]

    /// Expects pruned hits to be the first `limit` of the full ranking: the same keys with the same scores.
    static func expectTop(
        _ pruned: [SearchHit<Int>], of full: [SearchHit<Int>], limit: Int, _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(pruned.map(\.key) == full.prefix(limit).map(\.key), "\(label)", sourceLocation: sourceLocation)
        #expect(pruned.map(\.score) == full.prefix(limit).map(\.score), "\(label)", sourceLocation: sourceLocation)
    }

    /// The top `limit` of the full ranking, with the same scratch reused across queries.
    static func expectExact(
        _ index: SearchIndex<Int>, scratch: inout SearchScratch, fields: [Int]? = nil,
        where isIncluded: ((Int) -> Bool)? = nil, label: String
    ) {
        for query in queries {
            let full = index.search(query, limit: 100_000, fields: fields, scratch: &scratch, where: isIncluded).hits
            #expect(!full.isEmpty, "\(label) \(query)")
            for limit in [1, 5, 10] {
                let pruned = index.search(query, limit: limit, fields: fields, scratch: &scratch, where: isIncluded)
                    .hits
                Self.expectTop(pruned, of: full, limit: limit, "\(label) \(query) \(limit)")
            }
        }
    }

    @Test(
        "Pruned top hits equal full evaluation over common words, filters, field masks and compaction",
        arguments: [8_192, 0, 500])
    func prunedEqualsFull(probeMinimumTouched: Int) {
        var generator = Generator(state: 2_026)
        var index = SearchIndex<Int>(fields: Self.fields)
        // 0 and 500: the best documents after the first word are scored in full for a threshold floor.
        index.core.probeMinimumTouched = probeMinimumTouched
        for key in 0..<3_000 { index.add(Self.document(key, &generator)) }
        var scratch = SearchScratch()
        Self.expectExact(index, scratch: &scratch, label: "built")
        Self.expectExact(index, scratch: &scratch, where: { $0 % 4 != 1 }, label: "filtered")
        Self.expectExact(index, scratch: &scratch, fields: [1, 2], label: "fields")

        // Removals below the compaction point: the postings of removed documents stay.
        for key in stride(from: 0, to: 3_000, by: 11) { index.remove(key) }
        Self.expectExact(index, scratch: &scratch, label: "removed")
        // Enough removals to compact (renumbering), then updates and new documents.
        for key in stride(from: 1, to: 3_000, by: 3) { index.remove(key) }
        for key in stride(from: 2, to: 3_000, by: 5) { index.add(Self.document(key, &generator)) }
        for key in 3_000..<3_600 { index.add(Self.document(key, &generator)) }
        Self.expectExact(index, scratch: &scratch, label: "compacted")
        Self.expectExact(index, scratch: &scratch, where: { $0 % 2 == 0 }, label: "compacted, filtered")
    }

    @Test("A restricted search equals the full ranking of the restricted documents, whatever ran before")
    func restrictionEqualsFull() {
        var generator = Generator(state: 77)
        var index = SearchIndex<Int>(fields: Self.fields)
        index.core.probeMinimumTouched = 0
        for key in 0..<2_000 { index.add(Self.document(key, &generator)) }
        let restriction = Array(stride(from: 3, to: 2_000, by: 4))
        let allowed = Set(restriction)
        var scratch = SearchScratch()
        for query in Self.queries {
            let full = index.search(query, limit: 100_000, scratch: &scratch, where: { allowed.contains($0) }).hits
            for limit in [1, 5, 10] {
                // A search over everything first, so the slots hold scores of other documents.
                _ = index.search(query, limit: limit, scratch: &scratch)
                let pruned = index.rank(
                    index.plan(query), limit: limit, scratch: &scratch, where: nil, restrictedTo: restriction)
                Self.expectTop(pruned, of: full, limit: limit, "\(query) \(limit)")
            }
        }
    }

    @Test("A word's stem shared with no other indexed word has the word's postings, so leaving it out changes no score")
    func soleStemLeftOut() {
        var generator = Generator(state: 5)
        var index = SearchIndex<Int>(fields: Self.fields)
        for key in 0..<2_000 { index.add(Self.document(key, &generator)) }
        var scratch = SearchScratch()
        func check(_ label: String) {
            let core = index.core
            var sole = 0
            for surface in 0..<core.surfaces.count where core.surfaceDocCount[surface] > 0 {
                let stem = Int(core.surfaceStem[surface])
                guard core.stemSurfaceCount[stem] == 1 else { continue }
                sole += 1
                let postings = { (list: [Posting]) in list.map { [$0.doc, UInt32($0.field), UInt32($0.tf)] } }
                #expect(postings(core.stemPostings[stem]) == postings(core.surfacePostings[surface]), "\(label)")
            }
            #expect(sole > 10, "\(label): words whose stem is theirs alone")
            // The plans with the stem forms put back give every document the same score.
            let weights = core.configuration.matchWeights
            var dropped = 0
            for query in Self.queries {
                let plan = index.plan(query)
                var restored = plan
                for (position, word) in plan.words.enumerated() {
                    // Every word as written (exact or typo-corrected; completions never had stem forms) gets
                    // its stem back, whichever the analysis left out.
                    let forms = plan.forms[word.forms]
                    for form in forms where !form.isStem && form.kind != .prefix {
                        let stem = core.surfaceStem[Int(form.term)]
                        guard !core.stemPostings[Int(stem)].isEmpty,
                            !forms.contains(where: { $0.isStem && $0.term == stem })
                        else { continue }
                        dropped += 1
                        restored.addForm(
                            QueryPlan.Form(
                                isStem: true, term: stem, factor: form.factor * Float(weights.stemmed / weights.exact),
                                kind: .stemmed),
                            toWord: position)
                    }
                }
                let ranked = index.rank(plan, limit: 100_000, scratch: &scratch, where: nil)
                let full = index.rank(restored, limit: 100_000, scratch: &scratch, where: nil)
                // The same documents with the same scores, up to float rounding: the shorter plan may sum the
                // words in another order (words are scored cheapest first).
                let scores = Dictionary(uniqueKeysWithValues: full.map { ($0.key, $0.score) })
                #expect(ranked.count == full.count, "\(label) \(query)")
                for hit in ranked {
                    guard let score = scores[hit.key] else {
                        Issue.record("\(label) \(query): \(hit.key) only with the stem forms left out")
                        continue
                    }
                    #expect(abs(hit.score - score) <= 1e-5 * max(1, abs(score)), "\(label) \(query) \(hit.key)")
                }
            }
            #expect(dropped > 0, "\(label): some stem form was left out")
        }
        check("built")
        for key in stride(from: 1, to: 2_000, by: 3) { index.remove(key) }
        for key in stride(from: 2, to: 2_000, by: 5) { index.add(Self.document(key, &generator)) }
        check("compacted and updated")
    }
}
