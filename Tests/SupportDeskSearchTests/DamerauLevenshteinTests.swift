import Testing

@testable import SupportDeskSearch

@Suite("DamerauLevenshtein")
struct DamerauLevenshteinTests {
    @Test(
        "Counts insertions, deletions, substitutions and transpositions",
        arguments: [
            ("сценарий", "сценарий", 0), ("сохраняеться", "сохраняется", 1), ("сценраий", "сценарий", 1),
            ("ценарий", "сценарий", 1), ("сценарей", "сценарий", 1), ("рассылка", "расылка", 1),
            ("kitten", "sitting", 3), ("", "abc", 3), ("ca", "abc", 3),
        ])
    func distance(a: String, b: String, expected: Int) {
        #expect(DamerauLevenshtein.distance(a, b) == expected)
    }

    @Test("Allowed typos grow with the word: 0 up to 4 letters, 1 from 5, 2 from 9")
    func allowed() {
        #expect((1...12).map(DamerauLevenshtein.allowedTypos(forLength:)) == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
    }
}
