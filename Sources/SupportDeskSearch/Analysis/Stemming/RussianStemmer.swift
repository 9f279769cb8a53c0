/// The Snowball Russian stemmer (snowballstem.org, `russian`, as of Snowball 3.1).
///
/// It removes inflectional endings from Russian words: perfective gerunds, reflexive `-ся`/`-сь`,
/// adjective and participle endings, verb and noun endings, then `-и`, the derivational `-ост(ь)` and the
/// superlative `-ейш(е)`, and tidies `-нн`/`-ь`. Like the reference, it first spells `ё` as `е`, so `ёлками`
/// and `елками` both stem to `елк`. Letters outside the Russian alphabet are kept as they are.
///
/// Its output is checked against the reference implementation on about 300,000 word forms
/// (`RussianStemmerTests`).
public struct RussianStemmer: Stemmer {
    /// Creates the stemmer. It holds no state; one value can be shared by every thread.
    public init() {}

    /// Replaces `word` with its stem, in place (no allocation: the stem is the word with `ё` spelled `е`
    /// and a suffix removed).
    /// - Parameter word: One lowercased word as Unicode scalars; on return, its stem.
    public func stem(_ word: inout [Unicode.Scalar]) {
        let count = word.withUnsafeMutableBufferPointer { Self.stemmedCount(of: $0) }
        if count < word.count { word.removeLast(word.count - count) }
    }

    /// Returns the stem of a lowercased word, without allocating anything but the result.
    /// - Parameter word: One lowercased word.
    /// - Returns: The word's stem (the word itself when no rule applies, with `ё` spelled `е`).
    public func stem(_ word: String) -> String {
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: word.utf8.count) { buffer in
            var count = 0
            for scalar in word.unicodeScalars {
                buffer[count] = scalar
                count += 1
            }
            let stemmed = Self.stemmedCount(of: UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
            return StemmerText.string(from: UnsafeBufferPointer(rebasing: buffer[0..<stemmed]))
        }
    }

    /// Stems the word in `mutableWord` and returns the stem's length (the stem is the buffer's prefix).
    ///
    /// The rules only ever replace `ё` in place and cut suffixes, so no storage is needed beyond the word.
    static func stemmedCount(of mutableWord: UnsafeMutableBufferPointer<Unicode.Scalar>) -> Int {
        let count = mutableWord.count
        // Prelude: ё → е.
        for index in 0..<count where mutableWord[index] == Letter.yo { mutableWord[index] = Letter.ye }
        let word = UnsafeBufferPointer(mutableWord)

        // RV starts after the first vowel; R2 is the standard Snowball region (R1 of R1).
        var index = 0
        while index < count, !isVowel(word[index]) { index += 1 }
        guard index < count else { return count }
        let rv = index + 1
        var r2 = count
        index += 1
        while index < count, isVowel(word[index]) { index += 1 }  // R1 starts after this non-vowel
        index += 1
        while index < count, !isVowel(word[index]) { index += 1 }
        if index < count {
            index += 1
            while index < count, isVowel(word[index]) { index += 1 }
            if index < count { r2 = index + 1 }
        }
        guard rv < count else { return count }

        // Step 1: a perfective gerund, or else an optional reflexive ending followed by an adjectival,
        // verb or noun ending. Every search stays inside RV.
        var end = count
        if !removePerfectiveGerund(word, end: &end, rv: rv) {
            if let match = Tables.reflexive.longestMatch(in: word, end: end, limit: rv) { end -= match.length }
            if !removeAdjectival(word, end: &end, rv: rv), !removeVerb(word, end: &end, rv: rv),
                let match = Tables.noun.longestMatch(in: word, end: end, limit: rv)
            {
                end -= match.length
            }
        }
        // Step 2: a final и.
        if end > rv, word[end - 1] == Letter.i { end -= 1 }
        // Step 3: the derivational ending ост/ость, when it lies in R2.
        if let match = Tables.derivational.longestMatch(in: word, end: end, limit: rv), end - match.length >= r2 {
            end -= match.length
        }
        // Step 4: superlative ейш(е) then нн → н; or нн → н; or a final ь.
        if let match = Tables.tidyUp.longestMatch(in: word, end: end, limit: rv) {
            switch match.action {
            case 1:
                end -= match.length
                if end - 2 >= rv, word[end - 1] == Letter.n, word[end - 2] == Letter.n { end -= 1 }
            case 2:
                if end - 2 >= rv, word[end - 2] == Letter.n { end -= 1 }
            default:
                end -= match.length
            }
        }
        return end
    }

    /// Removes the suffix of action 1 when it follows `а`/`я` inside RV, of action 2 always.
    @inline(__always)
    private static func removeGroupedSuffix(
        _ table: SuffixTable, _ word: UnsafeBufferPointer<Unicode.Scalar>, end: inout Int, rv: Int
    ) -> Bool {
        guard let match = table.longestMatch(in: word, end: end, limit: rv) else { return false }
        let start = end - match.length
        if match.action == 1 {
            guard start > rv, word[start - 1] == Letter.a || word[start - 1] == Letter.ya else { return false }
        }
        end = start
        return true
    }

    private static func removePerfectiveGerund(
        _ word: UnsafeBufferPointer<Unicode.Scalar>, end: inout Int, rv: Int
    ) -> Bool {
        removeGroupedSuffix(Tables.perfectiveGerund, word, end: &end, rv: rv)
    }

    /// An adjective ending, then optionally a participle ending before it.
    private static func removeAdjectival(
        _ word: UnsafeBufferPointer<Unicode.Scalar>, end: inout Int, rv: Int
    ) -> Bool {
        guard let match = Tables.adjective.longestMatch(in: word, end: end, limit: rv) else { return false }
        end -= match.length
        _ = removeGroupedSuffix(Tables.participle, word, end: &end, rv: rv)
        return true
    }

    private static func removeVerb(_ word: UnsafeBufferPointer<Unicode.Scalar>, end: inout Int, rv: Int) -> Bool {
        removeGroupedSuffix(Tables.verb, word, end: &end, rv: rv)
    }

    /// Whether a scalar is a Russian vowel: а е и о у ы э ю я (ё is already spelled е).
    @inline(__always)
    private static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        let offset = scalar.value &- 0x430
        return offset < 32 && (vowelMask >> offset) & 1 == 1
    }

    /// Bit `n` is set when U+0430 + n is a vowel.
    private static let vowelMask: UInt32 = {
        var mask: UInt32 = 0
        for vowel in "аеиоуыэюя".unicodeScalars { mask |= 1 << (vowel.value - 0x430) }
        return mask
    }()

    private enum Letter {
        static let a: Unicode.Scalar = "а"
        static let ya: Unicode.Scalar = "я"
        static let ye: Unicode.Scalar = "е"
        static let yo: Unicode.Scalar = "ё"
        static let i: Unicode.Scalar = "и"
        static let n: Unicode.Scalar = "н"
    }

    /// The suffix lists of the algorithm. Action 1 marks suffixes that must follow `а` or `я` (and are
    /// removed without it); action 2 marks the others.
    private enum Tables {
        static let perfectiveGerund = SuffixTable(
            group1: "в вши вшись",
            group2: "ив ивши ившись ыв ывши ывшись")
        static let adjective = SuffixTable(
            group1: "ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею",
            group2: "")
        static let participle = SuffixTable(group1: "ем нн вш ющ щ", group2: "ивш ывш ующ")
        static let reflexive = SuffixTable(group1: "ся сь", group2: "")
        static let verb = SuffixTable(
            group1: "ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно",
            group2: "ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено "
                + "ят ует уют ит ыт ены ить ыть ишь ую ю")
        static let noun = SuffixTable(
            group1: "а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю "
                + "ия ья я",
            group2: "")
        static let derivational = SuffixTable(group1: "ост ость", group2: "")
        static let tidyUp = SuffixTable([("ейше", 1), ("ейш", 1), ("н", 2), ("ь", 3)])
    }
}

extension SuffixTable {
    /// Builds a table from two space-separated suffix lists, with actions 1 and 2.
    init(group1: String, group2: String) {
        let first = group1.split(separator: " ").map { (String($0), 1) }
        let second = group2.split(separator: " ").map { (String($0), 2) }
        self.init(first + second)
    }
}
