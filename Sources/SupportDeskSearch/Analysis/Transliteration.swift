/// Recognizes Russian typed in Latin letters (“ne rabotaet obzvon”) with the spellings people use.
///
/// Instead of generating every possible Cyrillic spelling, both sides are reduced to one *skeleton*:
/// a Cyrillic word and each of its Latin spellings get the same key. `я` is `иа` (so `ya`, `ja`, `ia`
/// all match), `ю` is `иу`, `й`/`ы`/`и` (`y`, `j`, `i`) are one letter, soft and hard signs are dropped,
/// `щ` = `shch` = `sch` = `сч`, `ц` = `ts` = `c` = `тс`, `х` = `kh` = `h`, `ж` = `zh`, `е` = `э` = `e`, and
/// doubled letters count once. The index keeps a table from skeletons to its Cyrillic words, so a Latin
/// word is recognized in one look-up, and only words the index knows are accepted.
public enum Transliteration {
    private static let cyrillicMap: [UInt32: [UInt32]] = {
        func s(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
        var map: [UInt32: [UInt32]] = [:]
        for (letter, key) in [
            ("а", "а"), ("б", "б"), ("в", "в"), ("г", "г"), ("д", "д"), ("е", "е"), ("ё", "е"), ("ж", "ж"),
            ("з", "з"), ("и", "и"), ("й", "и"), ("к", "к"), ("л", "л"), ("м", "м"), ("н", "н"), ("о", "о"),
            ("п", "п"), ("р", "р"), ("с", "с"), ("т", "т"), ("у", "у"), ("ф", "ф"), ("х", "х"), ("ц", "ц"),
            ("ч", "ч"), ("ш", "ш"), ("щ", "щ"), ("ъ", ""), ("ы", "и"), ("ь", ""), ("э", "е"), ("ю", "иу"),
            ("я", "иа"),
        ] {
            map[s(letter)[0]] = s(key)
        }
        return map
    }()

    /// The skeleton of a folded Cyrillic word (letters outside the Russian alphabet are kept).
    /// - Parameter word: Folded scalars.
    /// - Returns: The skeleton, or `nil` when the word has no Cyrillic letter.
    static func skeleton(cyrillic word: some Collection<UInt32>) -> [UInt32]? {
        var raw: [UInt32] = []
        raw.reserveCapacity(word.count + 4)
        var sawCyrillic = false
        for letter in word {
            if let key = cyrillicMap[letter] {
                sawCyrillic = true
                raw.append(contentsOf: key)
            } else {
                raw.append(letter)
            }
        }
        guard sawCyrillic else { return nil }
        // тс → ц, сч → щ.
        let t = letterT, s = letterS, ch = letterCh
        var merged: [UInt32] = []
        merged.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let letter = raw[index]
            if index + 1 < raw.count {
                let next = raw[index + 1]
                if letter == t && next == s {
                    merged.append(letterTs)
                    index += 2
                    continue
                }
                if letter == s && next == ch {
                    merged.append(letterShch)
                    index += 2
                    continue
                }
            }
            merged.append(letter)
            index += 1
        }
        return collapse(merged)
    }

    /// The skeletons of a folded Latin word read as transliterated Russian (more than one where a Latin
    /// letter is read two ways: `c` as `ц` or `к`, `x` as `кс` or `х`, `h` as `х` or `г`).
    /// - Parameters:
    ///   - word: Folded scalars, Latin letters only.
    ///   - limit: The most skeletons to return.
    /// - Returns: The skeletons (empty when the word has other characters).
    static func skeletons(latin word: some Collection<UInt32>, limit: Int = 4) -> [[UInt32]] {
        let letters = Array(word)
        guard !letters.isEmpty, letters.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x27 }) else { return [] }
        // The readings grow in place (one array per reading, not a new array per letter).
        var results: [[UInt32]] = [[]]
        results[0].reserveCapacity(letters.count + 2)
        var index = 0
        outer: while index < letters.count {
            let letter = letters[index]
            if letter >= 0x61, ruleFirstLetters & (1 << (letter - 0x61)) != 0 {
                for rule in latinRules where matches(letters, at: index, rule.pattern) {
                    extend(&results, with: rule.options, limit: limit)
                    index += rule.pattern.count
                    continue outer
                }
            }
            extend(&results, with: latinLetterTable[Int(letter)], limit: limit)
            index += 1
        }
        return results.map(mergeAndCollapse)
    }

    /// A bit per Latin letter (`a` = bit 0) that starts one of the ``latinRules``.
    private static let ruleFirstLetters: UInt32 = latinRules.reduce(0) { bits, rule in
        guard let first = rule.pattern.first, first >= 0x61, first <= 0x7A else { return bits }
        return bits | (1 << (first - 0x61))
    }

    /// ``latinLetters`` as a table indexed by ASCII value (no hashing per letter).
    private static let latinLetterTable: [[[UInt32]]] = {
        var table = [[[UInt32]]](repeating: [], count: 128)
        for (letter, options) in latinLetters where letter < 128 { table[Int(letter)] = options }
        return table
    }()

    /// Latin letter groups read as one Cyrillic letter (longest first).
    private static let latinRules: [(pattern: [UInt32], options: [[UInt32]])] = [
        ("shch", ["щ"]), ("sch", ["щ"]), ("sh", ["ш"]), ("ch", ["ч"]), ("zh", ["ж"]), ("kh", ["х"]),
        ("ts", ["ц"]), ("tz", ["ц"]), ("ck", ["к"]), ("yo", ["е"]), ("jo", ["е"]), ("ye", ["е"]),
        ("je", ["е"]), ("ph", ["ф"]),
    ].map { (scalars($0.0), $0.1.map(scalars)) }

    /// Single Latin letters and their readings (two where people use a letter both ways).
    private static let latinLetters: [UInt32: [[UInt32]]] = {
        let table: [(String, [String])] = [
            ("a", ["а"]), ("b", ["б"]), ("c", ["ц", "к"]), ("d", ["д"]), ("e", ["е"]), ("f", ["ф"]), ("g", ["г"]),
            ("h", ["х", "г"]), ("i", ["и"]), ("j", ["и"]), ("k", ["к"]), ("l", ["л"]), ("m", ["м"]), ("n", ["н"]),
            ("o", ["о"]), ("p", ["п"]), ("q", ["к"]), ("r", ["р"]), ("s", ["с"]), ("t", ["т"]), ("u", ["у"]),
            ("v", ["в"]), ("w", ["в"]), ("x", ["кс", "х"]), ("y", ["и"]), ("z", ["з"]), ("'", [""]),
        ]
        var map: [UInt32: [[UInt32]]] = [:]
        for (letter, options) in table { map[scalars(letter)[0]] = options.map(scalars) }
        return map
    }()

    private static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    private static func matches(_ letters: [UInt32], at index: Int, _ pattern: [UInt32]) -> Bool {
        guard index + pattern.count <= letters.count else { return false }
        for offset in pattern.indices where letters[index + offset] != pattern[offset] { return false }
        return true
    }

    private static func extend(_ prefixes: inout [[UInt32]], with options: [[UInt32]], limit: Int) {
        if options.count == 1 {
            for index in prefixes.indices { prefixes[index].append(contentsOf: options[0]) }
            return
        }
        var next: [[UInt32]] = []
        for prefix in prefixes {
            for option in options where next.count < limit { next.append(prefix + option) }
        }
        prefixes = next
    }

    private static let letterT: UInt32 = 0x442  // т
    private static let letterS: UInt32 = 0x441  // с
    private static let letterCh: UInt32 = 0x447  // ч
    private static let letterTs: UInt32 = 0x446  // ц
    private static let letterShch: UInt32 = 0x449  // щ

    /// Applies the `тс` → `ц`, `сч` → `щ` merges to a skeleton built from Latin letters, then removes
    /// doubled letters (one pass).
    private static func mergeAndCollapse(_ raw: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            var letter = raw[index]
            if index + 1 < raw.count, letter == letterT, raw[index + 1] == letterS {
                letter = letterTs
                index += 2
            } else if index + 1 < raw.count, letter == letterS, raw[index + 1] == letterCh {
                letter = letterShch
                index += 2
            } else {
                index += 1
            }
            if result.last != letter { result.append(letter) }
        }
        return result
    }

    /// Removes doubled letters.
    private static func collapse(_ letters: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(letters.count)
        for letter in letters where result.last != letter { result.append(letter) }
        return result
    }

    /// Whether a Latin word and a Cyrillic word are spellings of each other.
    /// - Parameters:
    ///   - latin: A word in Latin letters (`zayavki`).
    ///   - cyrillic: A Russian word (`заявки`).
    /// - Returns: `true` when the Latin word is a common transliteration of the Cyrillic one.
    public static func matches(latin: String, cyrillic: String) -> Bool {
        let normalizer = TextNormalizer()
        let latinScalars = normalizer.normalize(latin).scalarValues
        let cyrillicScalars = normalizer.normalize(cyrillic).scalarValues
        guard let target = skeleton(cyrillic: cyrillicScalars) else { return false }
        return skeletons(latin: latinScalars, limit: 16).contains(target)
    }
}
