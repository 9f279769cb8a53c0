import Testing

@testable import SupportDeskSearch

@Suite("KeyboardLayout")
struct KeyboardLayoutTests {
    @Test(
        "QWERTY keys read as ЙЦУКЕН",
        arguments: [
            ("ghjcnj", "просто"), ("j,pdjy", "обзвон"), ("cwtyfhbq", "сценарий"), ("CWTYFHBQ", "сценарий"),
            ("gjlrk.xftncz", "подключается"), ("jnx`n", "отчёт"),
        ])
    func toCyrillic(typed: String, meant: String) {
        #expect(KeyboardLayout.cyrillic(fromQWERTY: typed) == meant)
    }

    @Test("ЙЦУКЕН keys read as QWERTY")
    func toLatin() {
        #expect(KeyboardLayout.qwerty(fromCyrillic: "фзш") == "api")
        #expect(KeyboardLayout.qwerty(fromCyrillic: "куздщ") == "replo")
    }

    @Test("Text that cannot be a layout mistake is refused")
    func refuses() {
        #expect(KeyboardLayout.cyrillic(fromQWERTY: "обзвон") == nil)
        #expect(KeyboardLayout.cyrillic(fromQWERTY: "123") == nil)
        #expect(KeyboardLayout.qwerty(fromCyrillic: "api") == nil)
    }
}
