/// The Snowball English stemmer, also known as Porter2 (snowballstem.org, `english`, as of Snowball 3.1).
///
/// It handles possessives, plurals, `-ed`/`-ing` (restoring a final `e` or undoubling a consonant where
/// needed), a final `y` after a consonant, and the derivational suffixes of steps 2–5 (`-ational`,
/// `-fulness`, `-ize`, `-ment`, …) inside the R1/R2 regions, plus the algorithm's short list of exceptional
/// words (`skies`, `news`, `dying`, `succeed`, …) and invariant prefixes (`gener-`, `commun-`, …). Words of one
/// or two letters are left as they are.
///
/// Its output is checked against the reference implementation on about 150,000 word forms
/// (`EnglishStemmerTests`).
public struct EnglishStemmer: Stemmer {
    /// Creates the stemmer. It holds no state; one value can be shared by every thread.
    public init() {}

    /// Replaces `word` with its stem, in place (it allocates only if a rule makes the word longer than its
    /// capacity, which a couple of spare scalars avoid).
    /// - Parameter word: One lowercased word as Unicode scalars; on return, its stem.
    public func stem(_ word: inout [Unicode.Scalar]) {
        if let replacement = Self.exceptionalStem(of: word) {
            word.replaceSubrange(word.indices, with: replacement.unicodeScalars)
            return
        }
        guard word.count >= 3 else { return }
        var state = State()
        Self.prelude(&word, &state)
        Self.markRegions(word, &state)
        Self.step1a(&word)
        Self.step1b(&word, state)
        Self.step1c(&word)
        Self.step2(&word, state)
        Self.step3(&word, state)
        Self.step4(&word, state)
        Self.step5(&word, state)
        if state.foundY {
            for index in word.indices where word[index] == Letter.capitalY { word[index] = Letter.y }
        }
    }

    /// What the prelude and region marking learned about the word.
    private struct State {
        var foundY = false
        var r1 = 0
        var r2 = 0
    }

    // MARK: - Exceptions, prelude and regions

    /// The fixed stem of a word from the algorithm's exception list, or `nil` for any other word.
    private static func exceptionalStem(of word: [Unicode.Scalar]) -> String? {
        guard word.count >= 3, word.count <= 6 else { return nil }
        for (form, stem) in exceptionScalars where form.count == word.count && form == word { return stem }
        return nil
    }

    /// ``exceptions`` with their forms as scalars (compared without iterating strings).
    private static let exceptionScalars: [(form: [Unicode.Scalar], stem: String)] = exceptions.map {
        (Array($0.form.unicodeScalars), $0.stem)
    }

    /// Words the rules would get wrong, with their stems (some stay as they are).
    private static let exceptions: [(form: String, stem: String)] = [
        ("skis", "ski"), ("skies", "sky"), ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"),
        ("early", "earli"), ("only", "onli"), ("singly", "singl"), ("sky", "sky"), ("news", "news"),
        ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ]

    /// Drops a leading apostrophe and marks consonant `y` (initial, or after a vowel) as `Y`.
    private static func prelude(_ word: inout [Unicode.Scalar], _ state: inout State) {
        if word.first == Letter.apostrophe { word.removeFirst() }
        guard let first = word.first else { return }
        if first == Letter.y {
            word[0] = Letter.capitalY
            state.foundY = true
        }
        var index = 1
        while index < word.count {
            if word[index] == Letter.y, isVowel(word[index - 1]) {
                word[index] = Letter.capitalY
                state.foundY = true
            }
            index += 1
        }
    }

    /// R1 starts after the first non-vowel that follows a vowel (or after an invariant prefix such as
    /// `gener`); R2 is the same rule applied inside R1.
    private static func markRegions(_ word: [Unicode.Scalar], _ state: inout State) {
        let count = word.count
        state.r1 = count
        state.r2 = count
        var index: Int
        if let prefix = invariantPrefixes.first(where: { hasPrefix(word, $0) }) {
            index = prefix.count
        } else {
            guard let afterVowelRun = nonVowelAfterVowel(word, from: 0) else { return }
            index = afterVowelRun
        }
        state.r1 = index
        if let r2 = nonVowelAfterVowel(word, from: index) { state.r2 = r2 }
    }

    /// The position after the first non-vowel that follows a vowel at or after `start`.
    private static func nonVowelAfterVowel(_ word: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index < word.count, !isVowel(word[index]) { index += 1 }
        index += 1
        while index < word.count, isVowel(word[index]) { index += 1 }
        return index < word.count ? index + 1 : nil
    }

    private static let invariantPrefixes: [[Unicode.Scalar]] = [
        "arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers",
    ].map { Array($0.unicodeScalars) }

    // MARK: - Steps

    /// Possessives and plurals: `'s'`, `'s`, `'`; then `sses` → `ss`, `ied`/`ies` → `i` or `ie`, and `s`
    /// after a vowel that is not right before it.
    private static func step1a(_ word: inout [Unicode.Scalar]) {
        if let match = Tables.possessive.longestMatch(word, end: word.count) {
            word.removeLast(match.length)
        }
        guard let match = Tables.plural.longestMatch(word, end: word.count) else { return }
        let start = word.count - match.length
        switch match.action {
        case 1:  // sses
            word.removeLast(2)
        case 2:  // ied, ies
            replaceSuffix(&word, length: match.length, with: start >= 2 ? "i" : "ie")
        case 3:  // s
            guard start >= 1, containsVowel(word, before: start - 1) else { return }
            word.removeLast()
        default:  // ss, us
            return
        }
    }

    /// `eed`/`eedly` → `ee` in R1; `ed`, `edly`, `ing`, `ingly` removed after a vowel, then `e` restored or a
    /// double consonant undoubled.
    private static func step1b(_ word: inout [Unicode.Scalar], _ state: State) {
        guard let match = Tables.verbal.longestMatch(word, end: word.count) else { return }
        let start = word.count - match.length
        switch match.action {
        case 1:  // eed, eedly
            guard start >= state.r1 else { return }
            if let stem = Tables.eedStems.longestMatch(word, end: start), stem.length == start { return }
            replaceSuffix(&word, length: match.length, with: "ee")
            return
        case 3:  // ing
            if let before = Tables.ingStems.longestMatch(word, end: start) {
                let stemStart = start - before.length
                if before.action == 1 {
                    // C + y + ing, as in dying, lying: → ie.
                    if stemStart == 1, !isVowel(word[0]) {
                        replaceSuffix(&word, length: match.length + 1, with: "ie")
                        return
                    }
                } else if stemStart == 0 {
                    return  // inning, outing, canning, herring, earring, evening stay.
                }
            }
        default:  // ed, edly, ingly
            break
        }
        guard containsVowel(word, before: start) else { return }
        word.removeLast(match.length)
        let end = word.count
        switch Tables.undoubling.longestMatch(word, end: end)?.action {
        case 1:  // at, bl, iz
            word.append(Letter.e)
        case 2:  // a double consonant
            if end == 3, word[0] == "a" || word[0] == "e" || word[0] == "o" { return }
            word.removeLast()
        default:
            if end == state.r1, endsWithShortSyllable(word, at: end) { word.append(Letter.e) }
        }
    }

    /// A final `y`/`Y` after a non-vowel that is not the first letter becomes `i`.
    private static func step1c(_ word: inout [Unicode.Scalar]) {
        let count = word.count
        guard count >= 3, word[count - 1] == Letter.y || word[count - 1] == Letter.capitalY,
            !isVowel(word[count - 2])
        else { return }
        word[count - 1] = Letter.i
    }

    private static func step2(_ word: inout [Unicode.Scalar], _ state: State) {
        guard let match = Tables.step2.longestMatch(word, end: word.count) else { return }
        let start = word.count - match.length
        guard start >= state.r1 else { return }
        switch match.action {
        case 14:  // ogi after l
            guard start >= 1, word[start - 1] == Letter.l else { return }
            replaceSuffix(&word, length: match.length, with: "og")
        case 16:  // li after a valid li-ending
            guard start >= 1, isValidLIEnding(word[start - 1]) else { return }
            word.removeLast(match.length)
        default:
            replaceSuffix(&word, length: match.length, with: Tables.step2Replacements[match.action])
        }
    }

    private static func step3(_ word: inout [Unicode.Scalar], _ state: State) {
        guard let match = Tables.step3.longestMatch(word, end: word.count) else { return }
        let start = word.count - match.length
        guard start >= state.r1 else { return }
        switch match.action {
        case 1: replaceSuffix(&word, length: match.length, with: "tion")
        case 2: replaceSuffix(&word, length: match.length, with: "ate")
        case 3: replaceSuffix(&word, length: match.length, with: "al")
        case 4: replaceSuffix(&word, length: match.length, with: "ic")
        case 5: word.removeLast(match.length)
        default:  // ative, in R2
            guard start >= state.r2 else { return }
            word.removeLast(match.length)
        }
    }

    private static func step4(_ word: inout [Unicode.Scalar], _ state: State) {
        guard let match = Tables.step4.longestMatch(word, end: word.count) else { return }
        let start = word.count - match.length
        guard start >= state.r2 else { return }
        if match.action == 2 {  // ion after s or t
            guard start >= 1, word[start - 1] == Letter.s || word[start - 1] == Letter.t else { return }
        }
        word.removeLast(match.length)
    }

    /// A final `e` in R2, or in R1 when not after a short syllable; a final `l` in R2 after `l`.
    private static func step5(_ word: inout [Unicode.Scalar], _ state: State) {
        guard let last = word.last else { return }
        let start = word.count - 1
        if last == Letter.e {
            if start >= state.r2 || (start >= state.r1 && !endsWithShortSyllable(word, at: start)) {
                word.removeLast()
            }
        } else if last == Letter.l {
            if start >= state.r2, start >= 1, word[start - 1] == Letter.l { word.removeLast() }
        }
    }

    // MARK: - Helpers

    /// A short syllable ends at `end`: non-vowel, vowel, non-vowel other than `w`, `x`, `Y`; or a vowel and
    /// a non-vowel that start the word; or `past` (the invariant prefix).
    private static func endsWithShortSyllable(_ word: [Unicode.Scalar], at end: Int) -> Bool {
        if end >= 3, !isVowelOrWXY(word[end - 1]), isVowel(word[end - 2]), !isVowel(word[end - 3]) { return true }
        if end == 2, !isVowel(word[1]), isVowel(word[0]) { return true }
        return end >= 4 && word[end - 4] == "p" && word[end - 3] == "a" && word[end - 2] == "s" && word[end - 1] == "t"
    }

    /// Whether a vowel occurs in `word[0 ..< end]`.
    private static func containsVowel(_ word: [Unicode.Scalar], before end: Int) -> Bool {
        var index = 0
        while index < end {
            if isVowel(word[index]) { return true }
            index += 1
        }
        return false
    }

    private static func hasPrefix(_ word: [Unicode.Scalar], _ prefix: [Unicode.Scalar]) -> Bool {
        word.count >= prefix.count && word[0..<prefix.count].elementsEqual(prefix)
    }

    private static func replaceSuffix(_ word: inout [Unicode.Scalar], length: Int, with replacement: String) {
        word.removeLast(length)
        word.append(contentsOf: replacement.unicodeScalars)
    }

    /// a e i o u y (a `Y` marked by the prelude is a consonant).
    @inline(__always)
    private static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        let offset = scalar.value &- 0x61
        return offset < 26 && (vowelMask >> offset) & 1 == 1
    }

    @inline(__always)
    private static func isVowelOrWXY(_ scalar: Unicode.Scalar) -> Bool {
        isVowel(scalar) || scalar == "w" || scalar == "x" || scalar == Letter.capitalY
    }

    /// Whether `li` may be removed after this letter: c d e g h k m n r t.
    @inline(__always)
    private static func isValidLIEnding(_ scalar: Unicode.Scalar) -> Bool {
        let offset = scalar.value &- 0x61
        return offset < 26 && (validLIMask >> offset) & 1 == 1
    }

    private static let validLIMask: UInt32 = {
        var mask: UInt32 = 0
        for letter in "cdeghkmnrt".unicodeScalars { mask |= 1 << (letter.value - 0x61) }
        return mask
    }()

    /// Bit `n` is set when `a` + n is a vowel.
    private static let vowelMask: UInt32 = {
        var mask: UInt32 = 0
        for vowel in "aeiouy".unicodeScalars { mask |= 1 << (vowel.value - 0x61) }
        return mask
    }()

    private enum Letter {
        static let apostrophe: Unicode.Scalar = "'"
        static let y: Unicode.Scalar = "y"
        static let capitalY: Unicode.Scalar = "Y"
        static let e: Unicode.Scalar = "e"
        static let i: Unicode.Scalar = "i"
        static let l: Unicode.Scalar = "l"
        static let s: Unicode.Scalar = "s"
        static let t: Unicode.Scalar = "t"
    }

    /// The suffix lists of the algorithm, with action numbers.
    private enum Tables {
        static let possessive = SuffixTable([("'", 1), ("'s'", 1), ("'s", 1)])
        static let plural = SuffixTable([("sses", 1), ("ied", 2), ("ies", 2), ("s", 3), ("ss", 0), ("us", 0)])
        static let verbal = SuffixTable([
            ("eed", 1), ("eedly", 1), ("ed", 2), ("edly", 2), ("ingly", 2), ("ing", 3),
        ])
        /// Stems before `eed` that keep it (succeed, proceed, exceed).
        static let eedStems = SuffixTable([("succ", 1), ("proc", 1), ("exc", 1)])
        /// Stems before `ing`: `y` (dying) and words that keep `ing` (inning, evening, …).
        static let ingStems = SuffixTable([
            ("y", 1), ("even", 2), ("cann", 2), ("inn", 2), ("earr", 2), ("herr", 2), ("out", 2),
        ])
        static let undoubling = SuffixTable([
            ("at", 1), ("bl", 1), ("iz", 1),
            ("bb", 2), ("dd", 2), ("ff", 2), ("gg", 2), ("mm", 2), ("nn", 2), ("pp", 2), ("rr", 2), ("tt", 2),
        ])
        static let step2 = SuffixTable([
            ("tional", 1), ("enci", 2), ("anci", 3), ("abli", 4), ("entli", 5), ("izer", 6), ("ization", 6),
            ("ational", 7), ("ation", 7), ("ator", 7), ("alism", 8), ("aliti", 8), ("alli", 8),
            ("fulness", 9), ("fulli", 9), ("ousli", 10), ("ousness", 10), ("iveness", 11), ("iviti", 11),
            ("biliti", 12), ("bli", 12), ("ogist", 13), ("ogi", 14), ("lessli", 15), ("li", 16),
        ])
        static let step2Replacements: [String] = [
            "", "tion", "ence", "ance", "able", "ent", "ize", "ate", "al", "ful", "ous", "ive", "ble", "og", "", "less",
        ]
        static let step3 = SuffixTable([
            ("tional", 1), ("ational", 2), ("alize", 3), ("icate", 4), ("iciti", 4), ("ical", 4),
            ("ful", 5), ("ness", 5), ("ative", 6),
        ])
        static let step4 = SuffixTable([
            ("al", 1), ("ance", 1), ("ence", 1), ("er", 1), ("ic", 1), ("able", 1), ("ible", 1), ("ant", 1),
            ("ement", 1), ("ment", 1), ("ent", 1), ("ism", 1), ("ate", 1), ("iti", 1), ("ous", 1), ("ive", 1),
            ("ize", 1), ("ion", 2),
        ])
    }
}
