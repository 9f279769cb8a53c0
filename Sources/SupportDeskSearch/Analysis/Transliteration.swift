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

    private static func value(_ character: Character) -> UInt32 { character.unicodeScalars.first?.value ?? 0 }

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
        let t = value("т"), s = value("с"), ch = value("ч")
        var merged: [UInt32] = []
        merged.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let letter = raw[index]
            if index + 1 < raw.count {
                let next = raw[index + 1]
                if letter == t && next == s {
                    merged.append(value("ц"))
                    index += 2
                    continue
                }
                if letter == s && next == ch {
                    merged.append(value("щ"))
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
        var results: [[UInt32]] = [[]]
        var index = 0
        outer: while index < letters.count {
            for rule in latinRules where matches(letters, at: index, rule.pattern) {
                results = extend(results, with: rule.options, limit: limit)
                index += rule.pattern.count
                continue outer
            }
            results = extend(results, with: latinLetters[letters[index]] ?? [], limit: limit)
            index += 1
        }
        return results.map { collapse(mergeDigraphs($0)) }
    }

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

    private static func extend(_ prefixes: [[UInt32]], with options: [[UInt32]], limit: Int) -> [[UInt32]] {
        if options.count == 1 {
            return prefixes.map { $0 + options[0] }
        }
        var next: [[UInt32]] = []
        for prefix in prefixes {
            for option in options where next.count < limit { next.append(prefix + option) }
        }
        return next
    }

    /// Applies the `тс` → `ц`, `сч` → `щ` merges to a skeleton built from Latin letters.
    private static func mergeDigraphs(_ raw: [UInt32]) -> [UInt32] {
        let t = value("т"), s = value("с"), ch = value("ч")
        var merged: [UInt32] = []
        var index = 0
        while index < raw.count {
            if index + 1 < raw.count, raw[index] == t, raw[index + 1] == s {
                merged.append(value("ц"))
                index += 2
            } else if index + 1 < raw.count, raw[index] == s, raw[index + 1] == ch {
                merged.append(value("щ"))
                index += 2
            } else {
                merged.append(raw[index])
                index += 1
            }
        }
        return merged
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
