import SupportDesk
import SupportDeskTesting
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

    @Test(arguments: [
        (
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
            "3f2b8c1e-9a4d-4e7b-8c2f-1d5e6a7b8c9d", true
        ),
        (
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
            "3f2b8c1e-9a4d-4e7b-8c2f-1d5e6a7b8c9", false
        ),
        ("^\\d{3,10}$", "104857", true),
        ("\\d{3,10}", "12", false),
        ("\\d{3,10}", "12345678901", false),
        ("@?[A-Za-z0-9_]{5,32}", "@twin_bot", true),
        ("@?[A-Za-z0-9_]{5,32}", "twin_bot", true),
        ("@?[A-Za-z0-9_]{5,32}", "@@twin_bot", false),
        ("\\d{1,2}:\\d{2}", "9:05", true),
        ("\\d{1,2}:\\d{2}", "123:05", false),
        ("\\d{10}|\\d{12}", "1234567890", true),
        ("\\d{10}|\\d{12}", "12345678901", false),
        ("[a-z]{1,3}[a-c]{2}", "abab", true),
        ("a.c", "a\nc", false),
        ("a.c", "aяc", true),
        ("[^0-9]+", "abc", true),
        ("[^0-9]+", "ab1", false),
        ("\\w+\\s\\W", "ab_1 !", true),
        ("\\.\\*\\$", ".*$", true),
        ("x?", "", true),
        ("", "", true),
        ("", "a", false),
    ])
    func matchesWholeValue(pattern: String, text: String, expected: Bool) throws {
        #expect(try FieldPattern(pattern).matches(text) == expected)
    }

    @Test(arguments: [
        ("(ab", "missing “)”"), ("ab)", "unbalanced “)”"), ("[a-z", "missing “]”"), ("*a", "nothing to repeat"),
        ("a{2", "missing “}”"), ("a{3,2}", "reversed"), ("a{1001}", "above 1000"), ("\\q", "unknown escape"),
        ("a\\", "at the end"), ("[z-a]", "backwards"), ("a^b", "only at the very start"), ("a{,3}", "needs a count"),
        ("[\\D]", "negated escapes"), ("(a{1000}){1000}", "too complex"),
    ])
    func rejectsBadSyntaxWithAReason(pattern: String, reason: String) {
        #expect {
            try FieldPattern(pattern)
        } throws: { error in
            guard let error = error as? FieldPatternError else { return false }
            return error.reason.contains(reason) && error.pattern == pattern
        }
    }

    @Test func tooLongPatternIsRejected() {
        #expect(throws: FieldPatternError.self) { try FieldPattern(String(repeating: "a", count: 1001)) }
    }

    /// The greedy pass for class sequences must agree with the NFA: `p|p` is the same language but always
    /// runs the NFA.
    @Test func greedyPassAgreesWithTheNFA() throws {
        var generator = SeededRandomNumberGenerator(seed: 7)
        let classes = ["[a-c]", "[b-d]", "a", "b", "-", "\\d", "[0-9a-f]", "[x-z]", "."]
        let quantifiers = ["", "?", "*", "+", "{2}", "{1,3}", "{0,2}", "{2,}"]
        let alphabet: [Character] = ["a", "b", "c", "d", "-", "1", "f", "x", "z"]
        for _ in 0..<2_000 {
            let pattern = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                (classes.randomElement(using: &generator) ?? "a") + (quantifiers.randomElement(using: &generator) ?? "")
            }.joined()
            let greedy = try FieldPattern(pattern)
            let nfa = try FieldPattern("\(pattern)|\(pattern)")
            for _ in 0..<10 {
                let text = String(
                    (0..<Int.random(in: 0...7, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator) ?? "a"
                    })
                #expect(greedy.matches(text) == nfa.matches(text), "\(pattern) on \(text)")
            }
        }
    }

    @Test func longInputIsLinear() throws {
        let pattern = try FieldPattern("(a|aa)*b")
        #expect(!pattern.matches(String(repeating: "a", count: 100_000)))
        #expect(try FieldPattern("[a-z]+").matches(String(repeating: "q", count: 100_000)))
    }
}
