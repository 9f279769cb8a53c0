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

    /// ``latinToCyrillic`` as a table indexed by ASCII value (0: no letter), for conversion without hashing.
    private static let latinTable: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 128)
        for (from, to) in latinToCyrillic where from < 128 { table[Int(from)] = to }
        return table
    }()

    /// ``cyrillicToLatin`` as a table indexed by `value − 0x400` (0: no letter).
    private static let cyrillicTable: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0x60)
        for (from, to) in cyrillicToLatin where from >= 0x400 && from < 0x460 { table[Int(from - 0x400)] = to }
        return table
    }()

    /// Converts text typed on QWERTY keys to what the same keys give in ЙЦУКЕН.
    /// - Parameter text: Text of Latin letters and the punctuation keys that are letters in ЙЦУКЕН.
    /// - Returns: The Cyrillic text, or `nil` when the text has a character that has no place in the
    ///   conversion (a Cyrillic letter, for example) or has no Latin letter at all.
    public static func cyrillic(fromQWERTY text: String) -> String? {
        convert(text, with: latinTable, offset: 0, needsLetterIn: 0x61...0x7A)
    }

    /// Converts text typed on ЙЦУКЕН keys to what the same keys give in QWERTY.
    /// - Parameter text: Cyrillic text.
    /// - Returns: The Latin text, or `nil` when the text has a character other than Russian letters,
    ///   digits and hyphens.
    public static func qwerty(fromCyrillic text: String) -> String? {
        convert(text, with: cyrillicTable, offset: 0x400, needsLetterIn: 0x430...0x451)
    }

    /// Converts text typed with the wrong layout, QWERTY → ЙЦУКЕН or else ЙЦУКЕН → QWERTY (what
    /// `cyrillic(fromQWERTY:) ?? qwerty(fromCyrillic:)` gives), appending the converted scalars to `output`.
    /// - Parameters:
    ///   - values: The text's scalar values.
    ///   - output: Receives the converted scalars (left as it was when the text converts neither way).
    /// - Returns: Whether the text converted.
    static func convertEitherWay(_ values: ArraySlice<UInt32>, into output: inout [UInt32]) -> Bool {
        convert(values, with: latinTable, offset: 0, needsLetterIn: 0x61...0x7A, into: &output)
            || convert(values, with: cyrillicTable, offset: 0x400, needsLetterIn: 0x430...0x451, into: &output)
    }

    private static func convert(
        _ text: String, with table: [UInt32], offset: UInt32, needsLetterIn letters: ClosedRange<UInt32>
    )
        -> String?
    {
        // Converted into a scalar array, then one string (no string growth per scalar).
        var converted: [UInt32] = []
        converted.reserveCapacity(text.utf8.count)
        guard
            convert(
                text.unicodeScalars.lazy.map(\.value), with: table, offset: offset, needsLetterIn: letters,
                into: &converted)
        else { return nil }
        return String.fromScalars(converted)
    }

    /// Appends the conversion of scalar values to `output`; on failure `output` is left as it was.
    private static func convert(
        _ values: some Sequence<UInt32>, with table: [UInt32], offset: UInt32,
        needsLetterIn letters: ClosedRange<UInt32>,
        into output: inout [UInt32]
    ) -> Bool {
        let start = output.count
        var sawLetter = false
        for original in values {
            var value = original
            if value >= 0x41 && value <= 0x5A { value += 0x20 }
            if value >= 0x410 && value <= 0x42F { value += 0x20 }
            if value == 0x401 { value = 0x451 }
            if letters.contains(value) { sawLetter = true }
            let slot = value &- offset
            let mapped = value >= offset && slot < UInt32(table.count) ? table[Int(slot)] : 0
            if mapped != 0 {
                output.append(mapped)
            } else if (value >= 0x30 && value <= 0x39) || value == 0x2D {
                output.append(original)
            } else {
                output.removeSubrange(start...)
                return false
            }
        }
        if !sawLetter {
            output.removeSubrange(start...)
            return false
        }
        return true
    }
}
