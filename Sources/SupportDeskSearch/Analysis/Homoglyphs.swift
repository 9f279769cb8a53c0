/// Latin and Cyrillic letters that look alike (`c`/`с`, `o`/`о`, `p`/`р`…), for words typed with a mix.
enum Homoglyphs {
    /// Latin → Cyrillic look-alikes (folded, lowercase).
    private static let latinToCyrillic: [UInt32: UInt32] = [
        0x61: 0x430, 0x63: 0x441, 0x65: 0x435, 0x6F: 0x43E, 0x70: 0x440, 0x78: 0x445, 0x79: 0x443,
        0x6B: 0x43A, 0x6D: 0x43C, 0x74: 0x442, 0x68: 0x43D, 0x62: 0x432,
    ]
    /// Cyrillic → Latin look-alikes.
    private static let cyrillicToLatin: [UInt32: UInt32] = {
        var map: [UInt32: UInt32] = [:]
        for (latin, cyrillic) in latinToCyrillic { map[cyrillic] = latin }
        return map
    }()

    @inline(__always)
    static func isLatin(_ value: UInt32) -> Bool { value >= 0x61 && value <= 0x7A }
    @inline(__always)
    static func isCyrillic(_ value: UInt32) -> Bool { value >= 0x430 && value <= 0x45F }
    @inline(__always)
    static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    /// Replaces look-alike letters of the minority script in a word that mixes Latin and Cyrillic.
    /// - Returns: The word's script after the replacement.
    static func unify(_ scalars: inout [UInt32], _ range: Range<Int>) -> TokenBuffer.Script {
        var latin = 0
        var cyrillic = 0
        var digits = 0
        for index in range {
            let value = scalars[index]
            if isLatin(value) {
                latin += 1
            } else if isCyrillic(value) {
                cyrillic += 1
            } else if isDigit(value) {
                digits += 1
            }
        }
        if latin > 0 && cyrillic > 0 {
            if cyrillic >= latin {
                for index in range { if let mapped = latinToCyrillic[scalars[index]] { scalars[index] = mapped } }
            } else {
                for index in range { if let mapped = cyrillicToLatin[scalars[index]] { scalars[index] = mapped } }
            }
            return script(scalars, range)
        }
        if latin + cyrillic + digits < range.count { return .mixed }
        if latin > 0 { return .latin }
        if cyrillic > 0 { return .cyrillic }
        return digits > 0 ? .digits : .mixed
    }

    /// The script of a word.
    static func script(_ scalars: [UInt32], _ range: Range<Int>) -> TokenBuffer.Script {
        var latin = false
        var cyrillic = false
        var other = false
        var digits = false
        for index in range {
            let value = scalars[index]
            if isLatin(value) {
                latin = true
            } else if isCyrillic(value) {
                cyrillic = true
            } else if isDigit(value) {
                digits = true
            } else {
                other = true
            }
        }
        if other || (latin && cyrillic) { return .mixed }
        if latin { return .latin }
        if cyrillic { return .cyrillic }
        return digits ? .digits : .mixed
    }

    /// Offsets where a word switches between Latin and Cyrillic letters (after ``unify(_:_:)``).
    static func scriptBoundaries(_ scalars: [UInt32], _ range: Range<Int>) -> [Int] {
        var boundaries: [Int] = []
        var previous: Int8 = 0
        for index in range {
            let value = scalars[index]
            let current: Int8 = isLatin(value) ? 1 : isCyrillic(value) ? 2 : 0
            if current != 0 && previous != 0 && current != previous { boundaries.append(index) }
            if current != 0 { previous = current }
        }
        return boundaries
    }
}
