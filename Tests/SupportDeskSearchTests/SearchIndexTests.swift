import Testing

@testable import SupportDeskSearch

@Suite("SearchIndex")
struct SearchIndexTests {
    static let fields = [SearchField("title", weight: 3), SearchField("body", weight: 1)]

    static func index(_ documents: [(String, String, String)], synonyms: [[String]] = []) -> SearchIndex<String> {
        var index = SearchIndex<String>(fields: fields, configuration: SearchConfiguration(synonyms: synonyms))
        for (key, title, body) in documents {
            index.add(SearchDocument(key: key, texts: [.init(field: 0, text: title), .init(field: 1, text: body)]))
        }
        return index
    }

    static func keys(_ results: SearchResults<String>) -> [String] { results.hits.map(\.key) }

    @Test("Documents are added, replaced and removed")
    func addUpdateRemove() {
        var index = Self.index([("a", "Не работает обзвон", ""), ("b", "Отчёт не выгружается", "")])
        #expect(index.count == 2)
        #expect(Self.keys(index.search("обзвон ")) == ["a"])
        index.add(SearchDocument(key: "a", texts: [.init(field: 0, text: "Рассылка не дошла")]))
        #expect(index.count == 2)
        #expect(Self.keys(index.search("обзвон ")) == [])
        #expect(Self.keys(index.search("рассылка ")) == ["a"])
        let removed = index.remove("b")
        let removedAgain = index.remove("b")
        #expect(removed)
        #expect(!removedAgain)
        #expect(Self.keys(index.search("отчёт ")) == [])
        #expect(index.count == 1)
        #expect(!index.contains("b"))
    }

    @Test("Removing most documents compacts the index without losing the others")
    func compaction() {
        var index = SearchIndex<Int>(fields: Self.fields)
        for number in 0..<300 {
            let word = number % 3 == 0 ? "сценарий" : "рассылка"
            index.add(SearchDocument(key: number, texts: [.init(field: 0, text: "\(word) номер \(number)")]))
        }
        for number in 0..<300 where number % 2 == 1 { index.remove(number) }
        #expect(index.count == 150)
        let found = Set(index.search("сценарий ", limit: 1000).hits.map(\.key))
        #expect(found == Set((0..<300).filter { $0 % 3 == 0 && $0 % 2 == 0 }))
        #expect(index.search("\(151) ").hits.isEmpty)
        #expect(index.search("152 ").hits.map(\.key) == [152])
    }

    @Test("An exact word ranks above another form of it")
    func exactAboveStemmed() {
        let index = Self.index([("plural", "отчеты", ""), ("singular", "отчет", "")])
        #expect(Self.keys(index.search("отчет ")) == ["singular", "plural"])
        #expect(Self.keys(index.search("отчеты ")) == ["plural", "singular"])
        let hit = index.search("отчёты ").hits[1]
        #expect(hit.matches == [TermMatch(queryWord: "отчеты", matchedTerm: "отчет", kind: .stemmed)])
    }

    @Test("A title match ranks above a body match")
    func fieldWeights() {
        let index = Self.index([("body", "Вопрос", "сценарий не сохраняется"), ("title", "Сценарий", "вопрос")])
        #expect(Self.keys(index.search("сценарий ")) == ["title", "body"])
    }

    @Test("A synonym matches, below the exact word")
    func synonyms() {
        let index = Self.index(
            [("english", "whatsapp", ""), ("russian", "ватсап", ""), ("other", "телеграм", "")],
            synonyms: [["ватсап", "whatsapp", "вотсап"]])
        #expect(Self.keys(index.search("ватсап ")) == ["russian", "english"])
        #expect(Self.keys(index.search("вотсап ")).sorted() == ["english", "russian"])
        #expect(index.search("ватсап ").hits[1].matches.first?.kind == .synonym)
    }

    @Test("A misspelled word is corrected to the nearest vocabulary word, with a correction")
    func typos() {
        let index = Self.index([("save", "Не сохраняется сценарий", ""), ("mail", "Рассылка", "")])
        let results = index.search("сценраий не сохраняеться ")
        #expect(Self.keys(results) == ["save"])
        #expect(results.correction == "сценарий не сохраняется")
        #expect(results.hits.first?.matches.allSatisfy { $0.kind == .typo || $0.kind == .exact } == true)
        // Four letters or fewer: no typo tolerance.
        #expect(Self.keys(index.search("рсслк ")) == [])
        // Except a letter left out of a five-letter word (that word's own allowance of one edit); `свёт` is
        // one substitution from `счёт`, not a left-out letter.
        let short = Self.index([("bill", "Счёт", ""), ("rate", "Тариф", "")])
        #expect(Self.keys(short.search("таиф ")) == ["rate"])
        #expect(short.search("таиф ").correction == "тариф")
        #expect(Self.keys(short.search("тари ")) == ["rate"])
        #expect(Self.keys(short.search("свёт ")) == [])
        #expect(Self.keys(short.search("тарифф ")) == ["rate"])
    }

    @Test("A word typed with the wrong keyboard layout is repaired when the index knows the result")
    func keyboardLayout() {
        let index = Self.index([("scenario", "Сценарий", ""), ("api", "API", ""), ("report", "report", "")])
        let results = index.search("cwtyfhbq")
        #expect(Self.keys(results) == ["scenario"])
        #expect(results.correction == "сценарий")
        #expect(results.words.first?.repair == .keyboardLayout)
        #expect(Self.keys(index.search("фзш ")) == ["api"])
        // A word the index knows as typed is left alone.
        #expect(index.search("report ").correction == nil)
        // A two-letter query alone is read in the other layout when that reading is a known word.
        let short = Self.index([("cabinet", "Вход в лк", ""), ("other", "ok", "")])
        #expect(Self.keys(short.search("kr")) == ["cabinet"])
        #expect(short.search("kr").correction == "лк")
        #expect(Self.keys(short.search("ok")) == ["other"])
        #expect(short.search("ok").correction == nil)
    }

    @Test("Russian typed in Latin letters is recognized")
    func transliteration() {
        let index = Self.index([("calls", "Не работает обзвон", ""), ("crm", "Заявки не приходят в Битрикс", "")])
        let results = index.search("ne rabotaet obzvon")
        #expect(Self.keys(results).first == "calls")
        #expect(results.correction == "не работает обзвон")
        #expect(Self.keys(index.search("zayavki ne prihodyat")).first == "crm")
    }

    @Test("The unfinished last word matches as a prefix, unless the query ends with a space")
    func prefix() {
        let index = Self.index([("report", "Отчёт не формируется", ""), ("other", "Отказ", "")])
        let results = index.search("отчё")
        #expect(Self.keys(results) == ["report"])
        #expect(results.hits.first?.matches.first?.kind == .prefix)
        #expect(Self.keys(index.search("отч ")) == [])
        // Finished, `отчё` is `отчёт` with its last letter left out: a typo, not a completion.
        let finished = index.search("отчё ")
        #expect(Self.keys(finished) == ["report"])
        #expect(finished.hits.first?.matches.first?.kind == .typo)
        // A two-letter stop word at the end is still an unfinished word.
        #expect(Set(Self.keys(index.search("от"))) == ["report", "other"])
    }

    @Test("Equal scores keep the order documents were added in; more matched words rank first")
    func tieBreaks() throws {
        let index = Self.index([("first", "обзвон", ""), ("second", "обзвон", ""), ("both", "обзвон робот", "")])
        let keys = Self.keys(index.search("обзвон "))
        let first = try #require(keys.firstIndex(of: "first"))
        let second = try #require(keys.firstIndex(of: "second"))
        #expect(first < second)
        #expect(Self.keys(index.search("робот обзвон ")).first == "both")
    }

    @Test("A filter keeps only the documents it accepts, and limit caps the hits")
    func filterAndLimit() {
        let index = Self.index((0..<20).map { ("d\($0)", "обзвон \($0)", "") })
        let results = index.search("обзвон ", limit: 5, where: { $0.hasSuffix("7") })
        #expect(Self.keys(results) == ["d7", "d17"])
        #expect(index.search("обзвон ", limit: 3).hits.count == 3)
        #expect(index.search("", limit: 3).hits.isEmpty)
    }

    @Test("Stop words alone find nothing; negations are kept")
    func stopWords() {
        let index = Self.index([("a", "бот не отвечает", ""), ("b", "бот отвечает", "")])
        #expect(Self.keys(index.search("и в на ")) == [])
        #expect(Self.keys(index.search("не отвечает ")).first == "a")
        #expect(index.search("не отвечает ").words.map(\.isStopWord) == [false, false])
    }

    @Test("With word pairs, documents with the query's words side by side rank first")
    func wordPairs() {
        var configuration = SearchConfiguration()
        configuration.indexesWordPairs = true
        var index = SearchIndex<String>(fields: Self.fields, configuration: configuration)
        index.add(SearchDocument(key: "apart", texts: [.init(field: 0, text: "понимает робот не клиента")]))
        index.add(SearchDocument(key: "together", texts: [.init(field: 0, text: "робот не понимает клиента")]))
        #expect(Self.keys(index.search("не понимает ")) == ["together", "apart"])
        // Pairs are a bonus, not reported as matched words.
        #expect(index.search("не понимает ").hits.first?.matches.map(\.queryWord) == ["не", "понимает"])
    }

    @Test("Words of a concessive clause (“хотя … работает”) weigh less than the problem")
    func concessiveClause() {
        let index = Self.index([("telegram", "телеграм", ""), ("bot", "бот", "")])
        #expect(Self.keys(index.search("бот молчит, хотя телеграм работает")) == ["bot", "telegram"])
        #expect(Self.keys(index.search("телеграм молчит, хотя бот работает")) == ["telegram", "bot"])
    }

    @Test("A word known only through its synonyms matches them as another form of itself")
    func synonymOnlyWord() throws {
        let index = Self.index(
            [("sms", "смс не доставлены", ""), ("other", "дошли", "")],
            synonyms: [["смс", "смски"], ["доставлены", "дошли"]])
        let exact = try #require(index.search("смс ").hits.first)
        let spelling = try #require(index.search("смски ").hits.first)
        #expect(spelling.matches == [TermMatch(queryWord: "смски", matchedTerm: "смс", kind: .synonym)])
        // No document has "смски": its synonym counts like another form of the word (stemmed weight)…
        #expect(abs(spelling.score / exact.score - SearchConfiguration.MatchWeights().stemmed) < 0.001)
        // …while "дошли" is indexed, so documents with only its synonym get the lower synonym weight.
        let word = try #require(index.search("доставлены ").hits.first(where: { $0.key == "sms" }))
        let synonym = try #require(index.search("дошли ").hits.first(where: { $0.key == "sms" }))
        #expect(abs(synonym.score / word.score - SearchConfiguration.MatchWeights().synonym) < 0.001)
    }

    @Test("Pruning (MaxScore) returns exactly the top of the full ranking", arguments: [1, 3, 10])
    func pruningIsExact(limit: Int) {
        // A deterministic corpus: common, middling and rare words in documents of varied length.
        let words = [
            "не", "работает", "обзвон", "робот", "звонит", "сценарий", "отчет", "рассылка", "бот", "баланс",
            "транк", "вебхук", "токен", "шаблон", "модерация",
        ]
        var generator = RankingPruningTests.Generator(state: 42)
        func next(_ bound: Int) -> Int { generator.next(bound) }
        var index = SearchIndex<Int>(fields: Self.fields)
        for key in 0..<600 {
            let length = 2 + next(12)
            let text = (0..<length).map { _ in words[min(next(words.count), next(words.count))] }.joined(separator: " ")
            index.add(SearchDocument(key: key, texts: [.init(field: next(2), text: text)]))
        }
        for query in [
            "не работает обзвон ", "токен вебхук не ", "сценарий отчет бот шаблон ", "модерация ", "робот звонит ",
        ] {
            let full = index.search(query, limit: 10_000).hits
            let pruned = index.search(query, limit: limit).hits
            RankingPruningTests.expectTop(pruned, of: full, limit: limit, query)
        }
    }

    @Test(
        "Pruning stays exact with a filter and removed documents (common words scanned in full)",
        arguments: [1, 3, 10])
    func pruningIsExactWithFilterAndRemovals(limit: Int) {
        // Common words in most documents, so the last word's list is scanned in full and new documents are
        // only kept when they are among the best ones that pass the filter and are still in the index.
        let words = ["не", "работает", "номер", "бот", "отвечает", "звонок", "сценарий"]
        var generator = RankingPruningTests.Generator(state: 7)
        func next(_ bound: Int) -> Int { generator.next(bound) }
        var index = SearchIndex<Int>(fields: Self.fields)
        for key in 0..<800 {
            let length = 1 + next(10)
            let text = (0..<length).map { _ in words[min(next(words.count), next(words.count))] }.joined(separator: " ")
            index.add(SearchDocument(key: key, texts: [.init(field: next(2), text: text)]))
        }
        for key in stride(from: 0, to: 800, by: 7) { _ = index.remove(key) }
        let isIncluded: (Int) -> Bool = { $0 % 3 != 0 }
        for query in ["номер не работает", "бот не отвечает", "не", "звонок не", "сценарий бот не работает"] {
            let full = index.search(query, limit: 10_000, where: isIncluded).hits
            let pruned = index.search(query, limit: limit, where: isIncluded).hits
            #expect(!full.isEmpty, "\(query)")
            RankingPruningTests.expectTop(pruned, of: full, limit: limit, query)
            #expect(pruned.allSatisfy { isIncluded($0.key) && $0.key % 7 != 0 }, "\(query)")
        }
    }

    @Test("A mistyped word is corrected as a typo, not read in the other layout onto a garbled word")
    func typoBeforeLayoutOntoNoise() {
        // Tickets contain words typed in the wrong layout ("gecrftn" is "пускает"); "пкскает" is a typo.
        let index = Self.index([("login", "не пускает в кабинет", ""), ("noise", "gecrftn", "")])
        let results = index.search("не пкскает ")
        #expect(results.words.map(\.used) == ["не", "пускает"])
        #expect(Self.keys(results).first == "login")
    }
}
