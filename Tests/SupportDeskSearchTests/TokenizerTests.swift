import Testing

@testable import SupportDeskSearch

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("Compounds give their parts as words and the joined form as an extra")
    func compounds() {
        #expect(Tokenizer().words(in: "Где взять chat-id?") == ["где", "взять", "chat", "id"])
        #expect(Tokenizer().tokens(in: "chat-id") == ["chat", "id", "chatid"])
    }

    @Test("Camel case and letter–digit boundaries add parts as extras")
    func camelCase() {
        #expect(Tokenizer().words(in: "amoCRM и Битрикс24") == ["amocrm", "и", "битрикс24"])
        #expect(Tokenizer().tokens(in: "amoCRM") == ["amocrm", "amo", "crm"])
        #expect(Tokenizer().tokens(in: "Битрикс24") == ["битрикс24", "битрикс", "24"])
    }

    @Test("Numbers, short Latin words and apostrophes")
    func numbers() {
        #expect(Tokenizer().words(in: "ошибка 500 в API, sip 24/7") == ["ошибка", "500", "в", "api", "sip", "24", "7"])
        #expect(Tokenizer().words(in: "I don't know") == ["i", "dont", "know"])
    }

    @Test("Latin look-alike letters inside a Cyrillic word are replaced")
    func homoglyphs() {
        // "cценарий" with a Latin c, "pассылка" with a Latin p.
        #expect(Tokenizer().words(in: "cценарий pассылка") == ["сценарий", "рассылка"])
    }

    @Test("Punctuation and repeated joiners separate words")
    func punctuation() {
        #expect(Tokenizer().words(in: "ПОМОГИТЕ!!! робот -- звонит...") == ["помогите", "робот", "звонит"])
        #expect(Tokenizer().words(in: "") == [])
    }

    @Test(
        "Reading a string's UTF-8 gives the tokens the scalar view gives, for 1- to 4-byte characters",
        arguments: [
            "Ошибка в чате: chat-id 123, ЁЛКА ёлка", "Ünïcödé ﬁle № 5 — ½ ２４", "emoji 🙂 in 😀text👍🏽, 𝐁𝐨𝐥𝐝 𝟏𝟐",
            "e\u{301}té, Ǆ, İstanbul, ß, ﬀ", "cценарий pассылка amoCRM twin24", "", "   ", "я",
            "mixed\ttabs\nnew\u{2028}lines and a tail-",
        ])
    func utf8MatchesScalars(text: String) {
        for extras in [false, true] {
            var viaUTF8 = TokenBuffer()
            Tokenizer().tokenize(text, into: &viaUTF8, extras: extras)
            var viaScalars = TokenBuffer()
            Tokenizer().tokenize(scalars: text.unicodeScalars.map(\.value), into: &viaScalars, extras: extras)
            #expect(viaUTF8.scalars == viaScalars.scalars)
            #expect(
                viaUTF8.spans.map { [$0.start, $0.end, $0.position, $0.chunk] }
                    == viaScalars.spans.map {
                        [$0.start, $0.end, $0.position, $0.chunk]
                    })
            #expect(viaUTF8.spans.map(\.isExtra) == viaScalars.spans.map(\.isExtra))
        }
    }

    @Test("Decoding UTF-8 gives every scalar back, and stops at a truncated sequence")
    func utf8Decoding() {
        let text = "aЖ€🙂z\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"
        let decoded = Array(text.utf8).withUnsafeBufferPointer { Array(UTF8ScalarValues($0)) }
        #expect(decoded == text.unicodeScalars.map(\.value))
        let truncated: [UInt8] = [0x61, 0xF0, 0x9F, 0x99]
        #expect(truncated.withUnsafeBufferPointer { Array(UTF8ScalarValues($0)) } == [0x61])
    }

    @Test("A run longer than the token limit is cut at the limit, its joiners and parts kept inside it")
    func longRuns() {
        let long = String(repeating: "щ", count: 100)
        #expect(Tokenizer().words(in: "\(long) бот") == [String(repeating: "щ", count: 64), "бот"])
        var buffer = TokenBuffer()
        Tokenizer().tokenize("abcdef-gh amoCRM", into: &buffer, extras: true, maxTokenLength: 4)
        #expect(buffer.spans.map { buffer.string($0) } == ["abcd", "amoc", "amo", "c"])  // no empty segment
        buffer.removeAll()
        Tokenizer().tokenize("ab-cd twin24x", into: &buffer, extras: true, maxTokenLength: 4)
        #expect(buffer.spans.map { buffer.string($0) } == ["ab", "cd", "abcd", "twin"])
    }
}
