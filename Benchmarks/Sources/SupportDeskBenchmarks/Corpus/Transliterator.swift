/// Russian typed in Latin letters the way people do it (`не работает обзвон` → `ne rabotaet obzvon`), with
/// the spellings that vary between people (ya/ja/ia, sh/sch/shch, kh/h, ts/c, zh/j, y/i; soft signs dropped).
struct Transliterator {
    private let table: [Character: String]

    /// A transliteration with one spelling chosen per varying letter, as one person would type.
    /// - Parameter random: Chooses the spellings.
    init(using random: inout SplitMix64) {
        var table: [Character: String] = [
            "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "з": "z", "и": "i", "к": "k",
            "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
            "ф": "f", "ч": "ch", "ш": "sh", "ъ": "", "ь": "", "э": "e",
        ]
        // Each varying letter in a fixed order, so the choice depends only on the generator.
        let variants: [(Character, [String])] = [
            ("ё", ["e", "yo", "jo"]), ("ж", ["zh", "j", "zh"]), ("й", ["y", "i", "j"]), ("х", ["h", "kh"]),
            ("ц", ["ts", "c", "tc"]), ("щ", ["sch", "shch", "sh"]), ("ы", ["y", "i"]),
            ("ю", ["yu", "ju", "iu"]), ("я", ["ya", "ja", "ia"]),
        ]
        for (letter, spellings) in variants { table[letter] = random.pick(spellings) }
        self.table = table
    }

    /// The text in Latin letters; characters that are not Russian letters stay.
    func transliterate(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() { result += table[character] ?? String(character) }
        return result
    }
}
