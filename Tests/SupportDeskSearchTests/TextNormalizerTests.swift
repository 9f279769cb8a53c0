import Testing

@testable import SupportDeskSearch

@Suite("TextNormalizer")
struct TextNormalizerTests {
    @Test(
        "Folds case, ё, compatibility forms and Latin diacritics",
        arguments: [
            ("ЁЛКА", "елка"), ("Отчёт", "отчет"), ("ＡＰＩ", "api"), ("ﬁle", "file"), ("Café", "cafe"),
            ("Straße", "strasse"), ("Ǆ", "ǆ"), ("x²", "x2"), ("soft\u{00AD}hyphen", "softhyphen"),
            ("и\u{0306}", "й"), ("е\u{0308}", "е"), ("chat—id", "chat-id"), ("don’t", "don't"),
        ])
    func folds(input: String, expected: String) {
        #expect(TextNormalizer().normalize(input) == expected)
    }

    @Test("Keeps digits and Cyrillic letters other than ё unchanged")
    func keepsPlainText() {
        #expect(TextNormalizer().normalize("сценарий 24 й") == "сценарий 24 й")
    }
}
