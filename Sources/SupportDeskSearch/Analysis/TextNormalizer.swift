/// Folds text for search: compatibility forms, case, `ё` → `е`, Latin diacritics.
///
/// An NFKC-style folding done scalar by scalar, without Foundation: fullwidth forms and ligatures become
/// their plain letters, every letter is lowercased, `ё` becomes `е`, accented Latin letters lose their
/// accents (`é` → `e`, `ß` → `ss`), typographic dashes and apostrophes become `-` and `'`, invisible
/// characters (soft hyphen, zero-width space) disappear, and decomposed `и` + breve is composed to `й`.
/// The same folding is applied to indexed text and to queries, so both meet in one form.
public struct TextNormalizer: Sendable {
    /// Creates a normalizer.
    public init() {}

    /// Folds a text.
    /// - Parameter text: Any text.
    /// - Returns: The folded text.
    public func normalize(_ text: String) -> String {
        var output: [UInt32] = []
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            _ = Self.fold(scalar.value, into: &output)
        }
        var result = String.UnicodeScalarView()
        for value in output { if let scalar = Unicode.Scalar(value) { result.append(scalar) } }
        return String(result)
    }

    /// Appends the folded form of one scalar (zero, one or more scalars) to `output`.
    /// - Parameters:
    ///   - value: The scalar value.
    ///   - output: Where folded scalars go.
    /// - Returns: `true` when the scalar was an uppercase letter (for camel-case splitting).
    @inline(__always)
    static func fold(_ value: UInt32, into output: inout [UInt32]) -> Bool {
        switch value {
        case 0x61...0x7A, 0x30...0x39:  // a-z, 0-9
            output.append(value)
        case 0x41...0x5A:  // A-Z
            output.append(value + 0x20)
            return true
        case 0x430...0x44F:  // а-я
            output.append(value)
        case 0x410...0x42F:  // А-Я
            output.append(value + 0x20)
            return true
        case 0x451, 0x401:  // ё Ё
            output.append(0x435)
            return value == 0x401
        case 0x400...0x40F:  // Ѐ-Џ
            output.append(value == 0x400 ? 0x435 : value + 0x50)
            return true
        case 0x450, 0x452...0x45F:  // ѐ ђ-џ
            output.append(value == 0x450 ? 0x435 : value)
        case 0x00...0x7F:
            output.append(value)
        case 0x300...0x36F:  // combining marks
            if value == 0x306, let last = output.last, last == 0x438 {  // и + breve → й
                output[output.count - 1] = 0x439
            }
        case 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF:  // soft hyphen, zero-width characters
            break
        case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:  // spaces
            output.append(0x20)
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:  // dashes, minus
            output.append(0x2D)
        case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0xB4:  // apostrophes
            output.append(0x27)
        case 0xFF01...0xFF5E:  // fullwidth ASCII
            return fold(value - 0xFEE0, into: &output)
        case 0xB2: output.append(0x32)
        case 0xB3: output.append(0x33)
        case 0xB9: output.append(0x31)
        case 0xC0...0x24F:
            if let folded = latinFolding(value) {
                output.append(contentsOf: folded)
                return value < 0xE0 && value != 0xD7 && value != 0xDF
            }
            return foldOther(value, into: &output)
        case 0xFB00: output.append(contentsOf: [0x66, 0x66])  // ﬀ
        case 0xFB01: output.append(contentsOf: [0x66, 0x69])  // ﬁ
        case 0xFB02: output.append(contentsOf: [0x66, 0x6C])  // ﬂ
        case 0xFB03: output.append(contentsOf: [0x66, 0x66, 0x69])  // ﬃ
        case 0xFB04: output.append(contentsOf: [0x66, 0x66, 0x6C])  // ﬄ
        case 0xFB05, 0xFB06: output.append(contentsOf: [0x73, 0x74])  // ﬅ ﬆ
        case 0x2160...0x217F, 0x2460...0x24FF:  // roman numerals, enclosed alphanumerics: keep as is
            output.append(value)
        default:
            return foldOther(value, into: &output)
        }
        return false
    }

    /// Folds a scalar outside the fast paths: drops combining marks, lowercases through Unicode properties.
    private static func foldOther(_ value: UInt32, into output: inout [UInt32]) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark { return false }
        if properties.changesWhenLowercased {
            for lower in properties.lowercaseMapping.unicodeScalars { output.append(lower.value) }
            return true
        }
        output.append(value)
        return false
    }

    /// The base letters of an accented Latin letter in Latin-1 Supplement or Latin Extended-A/B.
    private static func latinFolding(_ value: UInt32) -> [UInt32]? {
        switch value {
        case 0xC0...0xC5, 0xE0...0xE5, 0x100...0x105: return [0x61]  // a
        case 0xC6, 0xE6: return [0x61, 0x65]  // æ
        case 0xC7, 0xE7, 0x106...0x10D: return [0x63]  // c
        case 0xD0, 0xF0, 0x10E...0x111: return [0x64]  // d
        case 0xC8...0xCB, 0xE8...0xEB, 0x112...0x11B: return [0x65]  // e
        case 0x11C...0x123: return [0x67]  // g
        case 0x124...0x127: return [0x68]  // h
        case 0xCC...0xCF, 0xEC...0xEF, 0x128...0x131: return [0x69]  // i
        case 0x134, 0x135: return [0x6A]  // j
        case 0x136...0x138: return [0x6B]  // k
        case 0x139...0x142: return [0x6C]  // l
        case 0xD1, 0xF1, 0x143...0x14B: return [0x6E]  // n
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8, 0x14C...0x151: return [0x6F]  // o
        case 0x152, 0x153: return [0x6F, 0x65]  // œ
        case 0x154...0x159: return [0x72]  // r
        case 0x15A...0x161: return [0x73]  // s
        case 0xDF: return [0x73, 0x73]  // ß
        case 0x162...0x167: return [0x74]  // t
        case 0xD9...0xDC, 0xF9...0xFC, 0x168...0x173: return [0x75]  // u
        case 0x174, 0x175: return [0x77]  // w
        case 0xDD, 0xFD, 0xFF, 0x176...0x178: return [0x79]  // y
        case 0x179...0x17E: return [0x7A]  // z
        case 0xDE, 0xFE: return [0x74, 0x68]  // þ
        case 0xD7: return [0x20]  // ×
        case 0xF7: return [0x20]  // ÷
        default: return nil
        }
    }
}
