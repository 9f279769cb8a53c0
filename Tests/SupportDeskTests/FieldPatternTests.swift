import SupportDesk
import Testing

@Suite struct FieldPatternTests {
    /// Loops (`+`, `*`, `{m,}`) must be followed at every input position, not only the first.
    @Test(arguments: [
        ("[a-z]+", "abc", true),
        ("[a-z]+", "", false),
        ("a*b", "aaab", true),
        ("(ab)+", "ababab", true),
        ("(ab)+", "ababa", false),
        ("\\d{2,}", "123456", true),
        ("[A-Za-z0-9.-]+(:\\d{1,5})?", "sip.operator.ru:5060", true),
        ("[A-Za-z0-9.-]+(:\\d{1,5})?", "sip.operator.ru:", false),
        ("x(y|z)*x", "xyzzyx", true),
    ])
    func loopsMatchLongValues(pattern: String, text: String, expected: Bool) throws {
        #expect(try FieldPattern(pattern).matches(text) == expected)
    }
}
