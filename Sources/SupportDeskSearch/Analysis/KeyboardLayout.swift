/// Repairs text typed with the wrong keyboard layout: QWERTY ↔ ЙЦУКЕН (the Russian standard layout).
///
/// `ghjcnj` typed with the English layout active is `просто`; `j,pdjy` is `обзвон` (the `,` key is `б`).
/// The reverse, `фзш`, is `api`. Conversion is key by key; the index accepts a converted word only when it
/// knows the converted form and not the original.
public enum KeyboardLayout {
    /// QWERTY key → ЙЦУКЕН letter (lowercase; `,` `.` `;` `'` `[` `]` `` ` `` are letters in ЙЦУКЕН).
    static let latinToCyrillic: [UInt32: UInt32] = {
        let latin = Array("qwertyuiop[]asdfghjkl;'zxcvbnm,.`{}:\"<>~".unicodeScalars)
        let cyrillic = Array("йцукенгшщзхъфывапролджэячсмитьбюёхъжэбюё".unicodeScalars)
        var map: [UInt32: UInt32] = [:]
        for (from, to) in zip(latin, cyrillic) { map[from.value] = to.value }
        return map
    }()

    /// ЙЦУКЕН letter → QWERTY key (letters only).
    static let cyrillicToLatin: [UInt32: UInt32] = {
        let latin = Array("qwertyuiop[]asdfghjkl;'zxcvbnm,.`".unicodeScalars)
        let cyrillic = Array("йцукенгшщзхъфывапролджэячсмитьбюё".unicodeScalars)
        var map: [UInt32: UInt32] = [:]
        for (from, to) in zip(cyrillic, latin) { map[from.value] = to.value }
        return map
    }()

    /// Converts text typed on QWERTY keys to what the same keys give in ЙЦУКЕН.
    /// - Parameter text: Text of Latin letters and the punctuation keys that are letters in ЙЦУКЕН.
    /// - Returns: The Cyrillic text, or `nil` when the text has a character that has no place in the
    ///   conversion (a Cyrillic letter, for example) or has no Latin letter at all.
    public static func cyrillic(fromQWERTY text: String) -> String? {
        convert(text, with: latinToCyrillic, needsLetterIn: 0x61...0x7A)
    }

    /// Converts text typed on ЙЦУКЕН keys to what the same keys give in QWERTY.
    /// - Parameter text: Cyrillic text.
    /// - Returns: The Latin text, or `nil` when the text has a character other than Russian letters,
    ///   digits and hyphens.
    public static func qwerty(fromCyrillic text: String) -> String? {
        convert(text, with: cyrillicToLatin, needsLetterIn: 0x430...0x451)
    }

    private static func convert(
        _ text: String, with map: [UInt32: UInt32], needsLetterIn letters: ClosedRange<UInt32>
    )
        -> String?
    {
        var view = String.UnicodeScalarView()
        var sawLetter = false
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if value >= 0x41 && value <= 0x5A { value += 0x20 }
            if value >= 0x410 && value <= 0x42F { value += 0x20 }
            if value == 0x401 { value = 0x451 }
            if letters.contains(value) { sawLetter = true }
            if let mapped = map[value], let converted = Unicode.Scalar(mapped) {
                view.append(converted)
            } else if (value >= 0x30 && value <= 0x39) || value == 0x2D {
                view.append(scalar)
            } else {
                return nil
            }
        }
        return sawLetter ? String(view) : nil
    }
}
