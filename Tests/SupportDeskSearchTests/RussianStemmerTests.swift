import SupportDeskSearch
import Testing

@Suite struct RussianStemmerTests {
    let stemmer = RussianStemmer()

    /// The whole reference fixture (about 300,000 forms from hunspell-ru, stemmed by Snowball's own
    /// russian stemmer): every stem must agree.
    @Test func agreesWithTheReferenceOnTheWholeFixture() throws {
        let fixture = try StemmerFixture(named: "stemmer-ru.tsv")
        #expect(fixture.pairs.count > 250_000)
        if let failure = fixture.disagreements(with: stemmer) { Issue.record(Comment(rawValue: failure)) }
    }

    @Test(arguments: [
        // Noun, adjective and verb endings.
        ("подключения", "подключен"), ("подключение", "подключен"), ("подключений", "подключен"),
        ("работает", "работа"), ("работающего", "работа"), ("заявками", "заявк"),
        ("красивейший", "красив"), ("длинный", "длин"),
        // Perfective gerund after а/я, and after и/ы.
        ("прочитав", "прочита"), ("прочитавшись", "прочита"), ("открывшись", "откр"),
        // Reflexive, then a verb ending.
        ("подключается", "подключа"), ("улыбнулась", "улыбнул"),
        // Derivational -ост(ь) goes only when it lies in R2; otherwise just the final ь goes.
        ("бесконечности", "бесконечн"), ("смелость", "смелост"),
        // ё is spelled е, as the reference does.
        ("ёлками", "елк"), ("пришёл", "пришел"), ("всё", "все"),
        // No vowel, or the only vowel at the end: nothing to cut.
        ("вк", "вк"), ("я", "я"), ("", ""),
        // Letters outside the Russian alphabet are kept.
        ("amocrm", "amocrm"), ("чат-ботами", "чат-бот"),
    ])
    func stemsKnownForms(_ word: String, _ expected: String) {
        #expect(stemmer.stem(word) == expected)
    }

    @Test func stringAndScalarPathsAgree() {
        for word in ["обращения", "ёжиками", "интернационализация", "x"] {
            var scalars = Array(word.unicodeScalars)
            stemmer.stem(&scalars)
            #expect(String(String.UnicodeScalarView(scalars)) == stemmer.stem(word))
        }
    }

    @Test func isAvailableAsAStaticMember() {
        func stem(_ word: String, with stemmer: some Stemmer) -> String { stemmer.stem(word) }
        #expect(stem("тикетов", with: .russian) == "тикет")
        let stemmer: some Stemmer = .russian
        #expect(stemmer.stem("обращения") == "обращен")
    }
}
