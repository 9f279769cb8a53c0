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
}
