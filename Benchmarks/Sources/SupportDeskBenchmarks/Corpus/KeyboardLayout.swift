/// The Russian ЙЦУКЕН and the English QWERTY keyboard, key by key: what a customer gets when they type
/// Russian with the English layout active (`просто` → `ghjcnj`).
enum KeyboardLayout {
    /// Russian letters in key order, row by row.
    static let russianKeys = Array("йцукенгшщзхъфывапролджэячсмитьбюё")
    /// The QWERTY characters on the same keys.
    static let englishKeys = Array("qwertyuiop[]asdfghjkl;'zxcvbnm,.`")

    private static let russianToEnglish: [Character: Character] = Dictionary(
        uniqueKeysWithValues: zip(russianKeys, englishKeys))

    /// The rows of the Russian keyboard, for typos that hit a neighbouring key.
    static let russianRows = ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"].map(Array.init)

    /// The text as typed on the same keys with the English layout active; other characters stay.
    /// - Parameter text: Russian text.
    /// - Returns: The QWERTY text (lowercase; the shift state is lost as customers usually lose it).
    static func typedInEnglishLayout(_ text: String) -> String {
        String(text.lowercased().map { russianToEnglish[$0] ?? $0 })
    }

    /// A key next to `letter` on the Russian keyboard (same row), or `nil` for non-letters.
    static func neighbour(of letter: Character, using random: inout SplitMix64) -> Character? {
        for row in russianRows {
            guard let index = row.firstIndex(of: letter) else { continue }
            if index == 0 { return row[1] }
            if index == row.count - 1 { return row[index - 1] }
            return random.chance(0.5) ? row[index - 1] : row[index + 1]
        }
        return nil
    }
}
