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
        var latin: [Unicode.Scalar] = []
        for word in Self.words + ["третьего", "звонок", "ёж", "подключ", "интегр"] {
            let scalars = word.unicodeScalars.map(\.value)[...]
            let expected = table.id(of: TermStemming.stem(scalars, script: .cyrillic))
            #expect(
                TermStemming.stemID(scalars, script: .cyrillic, in: table, buffer: &buffer, latin: &latin) == expected,
                "\(word)")
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

extension QueryAnalysisShortcutTests {
    @Test(
        "A plain chunk is tokenized as the tokenizer does; any other chunk is left to the tokenizer",
        arguments: [
            "сценарий", "Сценарий", "СЦЕНАРИЙ", "день,", "день.", "день...", "день.,", "Привет!", "(привет)",
            "работает?", "чат-бот", "ёлка", "елка", "Webhook", "API:", "twin24", "c\u{0446}енарий", "amoCRM",
            "ok)", "да;", "«кавычки»", "123", "", ".", "a", "Я", "wi-fi", "don't", "тест\u{0301}",
            String(repeating: "а", count: 64), String(repeating: "б", count: 65),
        ])
    func plainWordMatchesTokenizer(chunk: String) {
        let scalars = chunk.unicodeScalars.map(\.value)
        var viaTokenizer = TokenBuffer()
        var viaShortcut = TokenBuffer()
        // A word before, as in a query: positions continue.
        Tokenizer().tokenize(scalars: [0x62, 0x6F, 0x74][...], into: &viaTokenizer, extras: false)
        Tokenizer().tokenize(scalars: [0x62, 0x6F, 0x74][...], into: &viaShortcut, extras: false)
        Tokenizer().tokenize(scalars: scalars[...], into: &viaTokenizer, extras: false)
        if IndexCore.appendPlainWord(scalars[...], to: &viaShortcut) {
            #expect(viaShortcut.scalars == viaTokenizer.scalars, "\(chunk)")
            #expect(viaShortcut.spans.count == viaTokenizer.spans.count, "\(chunk)")
            for (shortcut, tokenizer) in zip(viaShortcut.spans, viaTokenizer.spans) {
                #expect(shortcut.start == tokenizer.start && shortcut.end == tokenizer.end, "\(chunk)")
                #expect(shortcut.position == tokenizer.position && shortcut.chunk == tokenizer.chunk, "\(chunk)")
                #expect(shortcut.isExtra == tokenizer.isExtra && shortcut.endsText == tokenizer.endsText, "\(chunk)")
                #expect(shortcut.script == tokenizer.script, "\(chunk)")
            }
        } else {
            #expect(viaShortcut.spans.count == 1 && viaShortcut.scalars.count == 3, "\(chunk)")
        }
    }

    @Test("The shortcut takes the plain chunks of a pasted paragraph")
    func plainWordsAreTaken() {
        for chunk in ["Здравствуйте,", "коллеги.", "Бот", "не", "отвечает!", "Telegram", "ok?"] {
            var buffer = TokenBuffer()
            #expect(IndexCore.appendPlainWord(chunk.unicodeScalars.map(\.value)[...], to: &buffer), "\(chunk)")
        }
    }
}
