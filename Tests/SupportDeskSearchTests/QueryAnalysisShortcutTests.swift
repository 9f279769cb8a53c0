import Testing

@testable import SupportDeskSearch

/// The shortcuts of query analysis give what the plain computations give.
@Suite("Query analysis shortcuts")
struct QueryAnalysisShortcutTests {
    static let words = [
        "сценарий", "сценарии", "обзвона", "звонков", "ёлками", "елками", "третий", "неделю", "вчерашнего",
        "здравствуйте", "привет", "ст", "вк", "бот", "ботов", "интеграция", "интеграции", "подключение", "бвг",
        "ааа", "я", "и", "оператора", "уведомлений", "отчётность",
    ]

    static func stems(_ words: [String]) -> TermTable {
        var table = TermTable()
        for word in words {
            _ = table.intern(TermStemming.stem(word.unicodeScalars.map(\.value)[...], script: .cyrillic))
        }
        return table
    }

    @Test("A stem id found through the prefix filter is the stemmed word's id, for words in and out of the table")
    func stemIDMatchesStemming() {
        // Stems of half the words: the others' stems are absent, some of their prefixes present.
        let table = Self.stems(Self.words.enumerated().filter { $0.offset % 2 == 0 }.map(\.element) + ["тр", "зд"])
        var buffer: [UInt32] = []
        for word in Self.words + ["третьего", "звонок", "ёж", "подключ", "интегр"] {
            let scalars = word.unicodeScalars.map(\.value)[...]
            let expected = table.id(of: TermStemming.stem(scalars, script: .cyrillic))
            #expect(TermStemming.stemID(scalars, script: .cyrillic, in: table, buffer: &buffer) == expected, "\(word)")
        }
    }

    @Test("The shortest Russian stem ends at the first vowel; a word with ё has none")
    func shortestRussianStem() {
        func shortest(_ word: String) -> Int? {
            TermStemming.shortestRussianStem(word.unicodeScalars.map(\.value)[...])
        }
        #expect(shortest("третий") == 3)
        #expect(shortest("ааа") == 1)
        #expect(shortest("бвг") == 3)
        #expect(shortest("ёлками") == nil)
        #expect(shortest("елками") == 1)
        #expect(shortest("пришёл") == nil)
    }

    @Test("A table may have a prefix of a word only when one of its words is such a prefix")
    func mayHavePrefix() {
        var table = TermTable()
        for word in ["сцен", "обзвон", "бот"] { _ = table.intern(word.unicodeScalars.map(\.value)) }
        func mayHave(_ word: String, _ minimum: Int) -> Bool {
            table.mayHavePrefix(of: word.unicodeScalars.map(\.value)[...], minimumLength: minimum)
        }
        #expect(mayHave("сценарий", 1))
        #expect(mayHave("сценарий", 4))
        #expect(!mayHave("сценарий", 5))
        #expect(mayHave("боты", 2))
        #expect(mayHave("бот", 3))
        #expect(!mayHave("бо", 1))
        #expect(!mayHave("звонок", 1))
    }

    @Test("Strings from scalars: short words are small strings and every length round-trips")
    func stringsFromScalars() {
        for word in ["", "a", "бот", "сценари", "сценарий", "webhook", "многоканальность", "€", "😀x", "chat-бот"] {
            let scalars = word.unicodeScalars.map(\.value)
            #expect(String.fromScalars(scalars) == word)
            #expect(String.fromScalars(scalars[...]) == word)
        }
        #expect(String.fromScalars([0x62, 0xD800, 0x63]) == "bc")
    }
}
