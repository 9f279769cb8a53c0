/// Typing mistakes customers make: swapped, dropped, doubled and neighbouring-key letters.
///
/// Each operation changes a word by exactly one Damerau–Levenshtein edit, so a query with one typo
/// is within distance 1 of the intended word.
enum Misspeller {
    /// The kinds of mistake.
    enum Mistake: CaseIterable {
        case swap, drop, double, neighbour
    }

    /// Whether a word is long enough to get a typo (short words are left alone, as engines tolerate
    /// no typo in them).
    static func canMisspell(_ word: String) -> Bool { word.count >= 5 && word.allSatisfy(\.isLetter) }

    /// The word with one mistake, chosen by `random`.
    /// - Parameters:
    ///   - word: A word of letters.
    ///   - random: The generator.
    /// - Returns: A different word one edit away, or `word` itself when it is too short to change.
    static func misspell(_ word: String, using random: inout SplitMix64) -> String {
        var letters = Array(word)
        guard letters.count >= 3 else { return word }
        // Mistakes rarely hit the first letter.
        let position = random.between(1...(letters.count - 2))
        switch Mistake.allCases[random.below(Mistake.allCases.count)] {
        case .swap where letters[position] != letters[position + 1]:
            letters.swapAt(position, position + 1)
        case .double:
            letters.insert(letters[position], at: position)
        case .neighbour:
            guard let key = KeyboardLayout.neighbour(of: letters[position], using: &random) else {
                letters.remove(at: position)
                break
            }
            letters[position] = key
        case .swap, .drop:
            letters.remove(at: position)
        }
        return String(letters)
    }
}
