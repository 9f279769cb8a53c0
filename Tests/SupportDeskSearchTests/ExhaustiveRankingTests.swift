import Testing

@testable import SupportDeskSearch

/// The suggester's exhaustive ranking returns what the index's pruned ranking returns.
@Suite("Exhaustive ranking")
struct ExhaustiveRankingTests {
    /// Every query of the fixtures, pasted paragraphs and edge cases.
    static func queries() throws -> [String] {
        var queries: [String] = []
        for name in ["search-eval-dev", "blind-queries", "catalog-author-queries", "search-eval-extra"] {
            queries += try SearchEvaluationTests.queries(name).map(\.query)
        }
        queries += [
            "", "   ", "не", "не не не", "и в на", "бот", "бот не отвечает", "обзвон не запус", "j,pdjy yt pfgecrftncz",
            "obzvon ne zapuskaetsya", "calling campaign", "webhook",
            "Добрый день! Третий раз за неделю у нас сообщения в чат не приходят. Отвечает не то. Вчера писали в чат, ответа нет.",
            "Приветствую. У части клиентов у нас ключ api. Вебхуки не приходят или ваш сервер отвечает на них ошибкой. "
                + "Вчера писали в чат, ответа нет. С уважением, Анна.",
            "Здравствуйте, коллеги. После смены тарифа у нас кнопки в чате не работают, хотя в телеграме всё работает. "
                + "Бот не отвечает или молчит.",
            String(repeating: "бот сценарий обзвон рассылка отчёт ", count: 20),
        ]
        return queries
    }

    static func expectSame(_ exhaustive: [RankedDocument], _ pruned: [RankedDocument], _ context: String) {
        #expect(exhaustive.map(\.doc) == pruned.map(\.doc), "\(context)")
        #expect(exhaustive.map(\.score) == pruned.map(\.score), "\(context)")
        #expect(exhaustive.map(\.matches) == pruned.map(\.matches), "\(context)")
    }

    @Test("Same documents, scores and matches as the pruned ranking, for every limit")
    func sameAsPrunedRanking() throws {
        let suggester = try TopicSuggester.twinHelpCenter()
        let core = suggester.index.core
        #expect(core.documentCount <= IndexCore.exhaustiveRankingLimit)
        var scratch = SearchScratch()
        for query in try Self.queries() {
            var plan = suggester.index.plan(query)
            QueryWeighting.weigh(&plan, in: suggester.index)
            for limit in [0, 1, 3, 5, 10, 17, 40] {
                let exhaustive = core.rankExhaustively(plan, limit: limit, scratch: &scratch)
                let pruned = core.rank(plan, limit: limit, scratch: &scratch, where: nil)
                Self.expectSame(exhaustive, pruned, "\(query) limit \(limit)")
            }
        }
    }

    @Test("A removed document is never ranked, and scratch memory shared with the pruned ranking stays valid")
    func removedDocumentsAndSharedScratch() {
        var index = SearchIndex<Int>(fields: [SearchField("title", weight: 2), SearchField("text")])
        let texts = [
            "бот не отвечает", "бот отвечает не то", "обзвон не запускается", "рассылка не уходит",
            "бот в телеграме", "отчёт не загружается", "бот бот бот",
        ]
        for (key, text) in texts.enumerated() {
            var document = SearchDocument(key: key)
            document.append(text, to: 0)
            document.append(text + " и ещё текст", to: 1)
            index.add(document)
        }
        _ = index.remove(2)
        var scratch = SearchScratch()
        for query in ["бот", "не", "бот не отвечает", "обзвон", "отчёт бот рассылка", "текст"] {
            let plan = index.plan(query)
            for limit in [1, 2, 10] {
                let pruned = index.core.rank(plan, limit: limit, scratch: &scratch, where: nil)
                let exhaustive = index.core.rankExhaustively(plan, limit: limit, scratch: &scratch)
                let prunedAgain = index.core.rank(plan, limit: limit, scratch: &scratch, where: nil)
                Self.expectSame(exhaustive, pruned, "\(query) limit \(limit)")
                Self.expectSame(prunedAgain, pruned, "\(query) limit \(limit), again")
                #expect(!exhaustive.contains { $0.doc == 2 }, "\(query)")
            }
        }
    }
}
