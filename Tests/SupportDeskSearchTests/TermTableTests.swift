import Testing

@testable import SupportDeskSearch

@Suite("TermTable")
struct TermTableTests {
    /// Words on both sides of every packing limit: nine and ten letters, digits, Latin, Cyrillic, a space
    /// (word-pair keys), and scalars that cannot be packed (`ё` unfolded, accents, symbols, emoji).
    static let words: [String] = [
        "а", "аа", "ааа", "я", "яя", "0", "00", "9", "z", "a", "ab", "ba", "сценарий", "сценарии", "сценарийй",
        "сценарийяя", "123456789", "1234567890", "abcdefghi", "abcdefghij", "бот канал", "бот  канал", "ёлка", "елка",
        "café", "cafe", "a_b", "ab", "👍", "👍👍", "статистика", "статистикаа", "", "рассылкарассылка",
    ]

    @Test("Every word gets one id, found again by look-up, and its scalars back")
    func internAndLookUp() {
        var table = TermTable()
        var ids: [String: UInt32] = [:]
        for word in Self.words {
            let (id, isNew) = table.intern(word.unicodeScalars.map(\.value))
            #expect(isNew == (ids[word] == nil), "\(word)")
            if let known = ids[word] { #expect(id == known, "\(word)") }
            ids[word] = id
        }
        #expect(table.count == Set(Self.words).count)
        for (word, id) in ids {
            #expect(table.id(of: word) == id, "\(word)")
            #expect(table.id(of: word.unicodeScalars.lazy.map(\.value)) == id, "\(word) (not contiguous)")
            #expect(table.string(id) == word)
        }
        #expect(table.id(of: "сценари") == nil)
        #expect(table.id(of: "1234567891") == nil)
    }

    @Test("Kept texts are the words' texts, for words interned before and after")
    func keptTexts() {
        var table = TermTable()
        let half = Self.words.count / 2
        for word in Self.words[..<half] { _ = table.intern(word.unicodeScalars.map(\.value)) }
        #expect(!table.keepsTexts)
        table.keepTexts()
        #expect(table.keepsTexts)
        for word in Self.words[half...] { _ = table.intern(word.unicodeScalars.map(\.value)) }
        for id in 0..<UInt32(table.count) {
            #expect(table.string(id) == String.fromScalars(table.scalars(id)))
        }
        for word in Self.words { #expect(table.id(of: word).map { table.string($0) } == word) }
    }

    @Test("Thousands of words through many table growths keep their ids")
    func growth() {
        var table = TermTable()
        let words = (0..<20_000).map { number in
            number % 3 == 0 ? String(number) : number % 3 == 1 ? "слово\(number)" : "word-\(number)-ё"
        }
        for (index, word) in words.enumerated() {
            #expect(table.intern(word.unicodeScalars.map(\.value)) == (UInt32(index), true))
        }
        for (index, word) in words.enumerated() where table.id(of: word) != UInt32(index) {
            Issue.record("\(word) lost its id")
        }
    }

    @Test("A prefix that is interned is always reported as possibly present")
    func mayHavePrefix() {
        var table = TermTable()
        for word in Self.words { table.intern(word.unicodeScalars.map(\.value)) }
        for word in Self.words {
            let scalars = word.unicodeScalars.map(\.value)
            for extra in ["", "ами", "x", "0123456789"] {
                let longer = scalars + extra.unicodeScalars.map(\.value)
                #expect(table.mayHavePrefix(of: longer[...], minimumLength: min(1, scalars.count)) || scalars.isEmpty)
                #expect(table.mayHavePrefix(of: longer[...], minimumLength: scalars.count) || scalars.isEmpty)
            }
        }
        #expect(!table.mayHavePrefix(of: "щщщщ".unicodeScalars.map(\.value)[...], minimumLength: 1))
    }
}
