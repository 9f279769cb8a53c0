/// The normalization applied to text before it is checked, per field kind. Plain stdlib over UTF-8 and
/// Unicode scalars: the same result on every platform.
///
/// Unicode NFC comes from the standard library's `String._nfcCodeUnits` (the normalizer the standard
/// library itself uses to compare strings; available on every platform without Foundation). Text that
/// is NFC by construction (ASCII, Latin-1, Cyrillic without combining marks, common punctuation) skips
/// it, and text that needs no change at all is returned as is after one scan of its bytes.
enum TextNormalizer {
    // MARK: Scanning

    /// What one pass over the bytes found.
    struct Scan {
        /// Every scalar is in a range that is NFC whatever follows (see ``isTriviallyNFC(_:)``).
        var triviallyNFC = true
        /// A control character (other than tab and line feed), an invisible format character or a
        /// non-ASCII space was seen.
        var special = false
        /// A tab or a line feed was seen.
        var tabOrLineFeed = false
        /// Two spaces in a row were seen.
        var doubleSpace = false
        /// A space or a tab right before a line feed was seen.
        var spaceBeforeLineFeed = false
        /// The number of Unicode scalars.
        var scalarCount = 0
        /// The first and last bytes (0 for empty text).
        var first: UInt8 = 0
        var last: UInt8 = 0

        /// Whether the first or last byte is ASCII whitespace (space, tab, line feed).
        var hasEdgeWhitespace: Bool {
            first == 0x20 || first == 0x09 || first == 0x0A || last == 0x20 || last == 0x09 || last == 0x0A
        }
    }

    /// Scans UTF-8 for what normalization must handle, in one pass over the bytes: lead bytes and the next
    /// one or two, never decoding fully.
    static func scan(_ text: String) -> Scan {
        if let result = text.utf8.withContiguousStorageIfAvailable(scan) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        var result = Scan()
        guard let first = bytes.first, let last = bytes.last else { return result }
        result.first = first
        result.last = last
        var index = 0
        let count = bytes.count
        var previous: UInt8 = 0
        while index < count {
            let byte = bytes[index]
            result.scalarCount += 1
            if byte < 0x80 {
                if byte == 0x20 {
                    if previous == 0x20 { result.doubleSpace = true }
                } else if byte == 0x0A {
                    result.tabOrLineFeed = true
                    if previous == 0x20 || previous == 0x09 { result.spaceBeforeLineFeed = true }
                } else if byte == 0x09 {
                    result.tabOrLineFeed = true
                } else if byte < 0x20 || byte == 0x7F {
                    result.special = true
                }
                previous = byte
                index += 1
                continue
            }
            previous = byte
            if byte < 0xE0 {  // two bytes: U+0080–U+07FF
                guard index + 1 < count else { break }
                let second = bytes[index + 1]
                switch byte {
                // C1 controls, NBSP, soft hyphen
                case 0xC2 where second <= 0xA0 || second == 0xAD: result.special = true
                case 0xCC...0xCF: result.triviallyNFC = false  // U+0300–U+03FF: combining marks, Greek
                // Cyrillic combining marks
                case 0xD2 where second >= 0x83 && second <= 0x89: result.triviallyNFC = false
                case 0xD4 where second >= 0xB0: result.triviallyNFC = false
                case 0xD5...0xDF: result.triviallyNFC = false
                default: break
                }
                index += 2
                continue
            }
            if byte < 0xF0 {  // three bytes: U+0800–U+FFFF
                guard index + 2 < count else { break }
                let second = bytes[index + 1]
                let third = bytes[index + 2]
                switch (byte, second) {
                case (0xE2, 0x80):
                    switch third {
                    case 0x80...0x8F, 0xA8...0xAF: result.special = true  // spaces, zero-width, marks, separators
                    case 0x90...0xA7, 0xB0...0xBF: break  // dashes, quotes, bullets, per mille, primes
                    default: result.triviallyNFC = false
                    }
                case (0xE2, 0x81):
                    if third >= 0x9F && third <= 0xAF { result.special = true }  // U+205F–U+206F
                case (0xE2, 0x82) where third >= 0xA0: break  // currency signs
                case (0xE2, 0x84) where third == 0x96 || third == 0xA2: break  // № ™
                case (0xE1, 0x9A) where third == 0x80, (0xE1, 0xA0) where third == 0x8E,
                    (0xE3, 0x80) where third == 0x80, (0xEF, 0xBB) where third == 0xBF:
                    result.special = true
                default: result.triviallyNFC = false
                }
                index += 3
                continue
            }
            // Four bytes: outside the BMP (emoji, historic scripts); let the normalizer decide.
            result.triviallyNFC = false
            index += 4
        }
        return result
    }

    // MARK: Unicode

    /// The number of characters (grapheme clusters) when every scalar is one by itself, read off one scan:
    /// text that is trivially NFC and has no control, format or joining characters consists of scalars that
    /// never join their neighbours (no combining marks, no joiners, no CR LF pairs, no emoji modifiers).
    /// - Returns: The count, or `nil` when the text needs real grapheme breaking.
    static func simpleCharacterCount(_ text: String) -> Int? {
        let found = scan(text)
        guard found.triviallyNFC, !found.special else { return nil }
        return found.scalarCount
    }

    /// The text in Unicode Normalization Form C.
    static func nfc(_ text: String) -> String {
        if scan(text).triviallyNFC { return text }
        return String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// Whether every scalar is NFC regardless of its neighbours, so the normalizer can be skipped: below
    /// U+0300 (no combining marks, no singleton decompositions), Cyrillic letters, general punctuation,
    /// currency signs.
    static func isTriviallyNFC(_ text: String) -> Bool { scan(text).triviallyNFC }

    /// Format characters that are invisible and arrive by copy-paste: soft hyphen, Mongolian vowel
    /// separator, zero-width space, zero-width (non-)joiners, direction marks, embeddings and isolates,
    /// word joiner, invisible operators, byte order mark. Removed everywhere from identifiers; free text
    /// keeps the zero-width joiner and non-joiner (see ``isInvisibleInText(_:)``).
    @inline(__always)
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool { isInvisible(scalar.value) }

    @inline(__always)
    static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x00AD, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// Unicode `White_Space`.
    /// The invisible characters removed from free text: as ``isInvisible(_:)`` but without the zero-width
    /// joiner and non-joiner, which emoji sequences and some scripts need.
    @inline(__always)
    static func isInvisibleInText(_ value: UInt32) -> Bool {
        value != 0x200C && value != 0x200D && isInvisible(value)
    }

    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { isWhitespace(scalar.value) }

    @inline(__always)
    static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    @inline(__always)
    static func isControl(_ scalar: Unicode.Scalar) -> Bool { isControl(scalar.value) }

    @inline(__always)
    static func isControl(_ value: UInt32) -> Bool { value < 0x20 || (value >= 0x7F && value < 0xA0) }

    // MARK: Single-line text

    /// Single-line text: NFC; invisible characters (but joiners) removed; every run of whitespace or control characters
    /// (line breaks, tabs, no-break spaces) becomes one space; leading and trailing spaces removed.
    static func singleLine(_ text: String) -> String {
        let found = scan(text)
        if !found.special, !found.tabOrLineFeed, found.triviallyNFC, !found.doubleSpace, !found.hasEdgeWhitespace {
            return text
        }
        let source = found.triviallyNFC ? text : nfc(text)
        return rewriteBytes(source) { input, output in
            var pendingSpace = false
            var index = 0
            while index < input.count {
                let byte = input[index]
                if byte > 0x20 && byte < 0x7F {  // fast lane: printable ASCII
                    if pendingSpace {
                        output.append(0x20)
                        pendingSpace = false
                    }
                    output.append(byte)
                    index += 1
                    continue
                }
                let (value, length) = decode(input, at: index)
                defer { index += length }
                if isInvisibleInText(value) { continue }
                if isWhitespace(value) || isControl(value) {
                    pendingSpace = !output.isEmpty
                    continue
                }
                if pendingSpace {
                    output.append(0x20)
                    pendingSpace = false
                }
                output.copy(input, from: index, count: length)
            }
        }
    }

    // MARK: Multi-line text

    /// Multi-line text: NFC; line breaks (`\r\n`, `\r`, U+2028/2029, U+0085) become `\n`; invisible and other
    /// control characters removed (tabs kept), invisible characters (but joiners) removed; trailing whitespace of each line, leading whitespace of the
    /// text, and blank lines at the start and the end removed. Indentation and blank lines inside are kept.
    static func multiLine(_ text: String) -> String {
        let found = scan(text)
        if !found.special, found.triviallyNFC, !found.spaceBeforeLineFeed, !found.hasEdgeWhitespace { return text }
        let source = found.triviallyNFC ? text : nfc(text)
        return rewriteBytes(source) { input, output in
            var contentEnd = 0  // output length after the last content of the text
            var breaks = 0  // line breaks since the last content
            var breaksWritten = false  // whether they were written already, before the current indentation
            var index = 0
            while index < input.count {
                // Fast lane: printable ASCII and Cyrillic letters are content as they are.
                let byte = input[index]
                if (byte > 0x20 && byte < 0x7F) || ((byte == 0xD0 || byte == 0xD1) && index + 1 < input.count) {
                    if breaks > 0 && !breaksWritten {
                        for _ in 0..<breaks { output.append(0x0A) }
                    }
                    let length = byte < 0x80 ? 1 : 2
                    output.copy(input, from: index, count: length)
                    index += length
                    contentEnd = output.count
                    breaks = 0
                    breaksWritten = false
                    continue
                }
                let (value, length) = decode(input, at: index)
                defer { index += length }
                switch value {
                case 0x0D where index + 1 < input.count && input[index + 1] == 0x0A:
                    continue  // the line feed that follows ends the line
                case 0x0A, 0x0D, 0x85, 0x2028, 0x2029:
                    output.truncate(to: contentEnd)
                    breaksWritten = false
                    if contentEnd > 0 { breaks += 1 }
                    continue
                default: break
                }
                if isInvisibleInText(value) || (isControl(value) && value != 0x09) { continue }
                let whitespace = isWhitespace(value)
                if contentEnd == 0 && whitespace { continue }
                if breaks > 0 && !breaksWritten {
                    for _ in 0..<breaks { output.append(0x0A) }
                    breaksWritten = true
                }
                output.copy(input, from: index, count: length)
                if !whitespace {
                    contentEnd = output.count
                    breaks = 0
                    breaksWritten = false
                }
            }
            output.truncate(to: contentEnd)
        }
    }

    // MARK: Identifiers

    private static func isQuote(_ value: UInt32) -> Bool {
        switch value {
        case 0x22, 0x27, 0x60, 0xAB, 0xBB, 0x2018, 0x2019, 0x201C, 0x201D, 0x201E, 0x2039, 0x203A: true
        default: false
        }
    }

    /// Quotation marks removed around identifiers: ASCII and typographic quotes, guillemets, backticks.
    private static let quotePairs: [(UInt32, UInt32)] = [
        (0x22, 0x22), (0x27, 0x27), (0x60, 0x60), (0xAB, 0xBB), (0x201C, 0x201D), (0x201E, 0x201C),
        (0x2018, 0x2019), (0x201D, 0x201D), (0x2039, 0x203A),
    ]

    /// Identifiers: NFC; invisible characters removed everywhere; surrounding whitespace and matching
    /// surrounding quotes (`"…"`, `'…'`, `` `…` ``, `«…»`, `“…”`, `„…“`) removed, repeatedly.
    static func identifier(_ text: String) -> String {
        let found = scan(text)
        if !found.special, !found.tabOrLineFeed, found.triviallyNFC, !found.hasEdgeWhitespace,
            let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            !isQuote(first.value), !isQuote(last.value)
        {
            return text
        }
        if text.isEmpty { return text }
        let source = found.triviallyNFC ? text : nfc(text)
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(source.utf8.count)
        for scalar in source.unicodeScalars where !isInvisible(scalar) { scalars.append(scalar) }
        var start = 0
        var end = scalars.count
        while true {
            while start < end, isWhitespace(scalars[start]) { start += 1 }
            while end > start, isWhitespace(scalars[end - 1]) { end -= 1 }
            guard end - start >= 2,
                quotePairs.contains(where: { $0.0 == scalars[start].value && $0.1 == scalars[end - 1].value })
            else { break }
            start += 1
            end -= 1
        }
        return rewrite(source) { _, output in
            for scalar in scalars[start..<end] { output.append(scalar) }
        }
    }

    // MARK: Phones, URLs, emails

    /// Phone numbers: `+` and digits. Spaces, dashes, dots, slashes and parentheses are dropped; a Russian
    /// `8XXXXXXXXXX` (11 digits) becomes `+7XXXXXXXXXX`, and `7XXXXXXXXXX` without `+` becomes `+7…`;
    /// `00` before a country code becomes `+`. Other numbers must carry their country code.
    /// - Returns: `+` and 8…15 digits (E.164), or `nil` when the text is not a phone number.
    static func phone(_ text: String) -> String? {
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        var plus = false
        for scalar in identifier(text).unicodeScalars {
            switch scalar {
            case "0"..."9":
                guard digits.count < 20 else { return nil }
                digits.append(UInt8(scalar.value))
            case "+":
                guard digits.isEmpty, !plus else { return nil }
                plus = true
            case " ", "-", ".", "(", ")", "/", "\u{A0}", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2212}":
                continue
            default: return nil
            }
        }
        if !plus {
            if digits.count == 11, digits.first == UInt8(ascii: "8") {
                digits[0] = UInt8(ascii: "7")
            } else if digits.count > 2, digits[0] == UInt8(ascii: "0"), digits[1] == UInt8(ascii: "0") {
                digits.removeFirst(2)
            } else if !(digits.count == 11 && digits.first == UInt8(ascii: "7")) {
                return nil
            }
        }
        guard (8...15).contains(digits.count), digits.first != UInt8(ascii: "0") else { return nil }
        return "+" + String(decoding: digits, as: UTF8.self)
    }

    /// URLs: trimmed like an identifier; the scheme (`http` or `https`) and the host lowercased; no
    /// whitespace or control characters; a host with at least one dot (or `localhost`, or an IPv6 literal).
    /// - Returns: The normalized URL, or `nil` when the text is not an `http(s)` URL.
    static func url(_ text: String) -> String? {
        let trimmed = identifier(text)
        guard trimmed.unicodeScalars.allSatisfy({ !isWhitespace($0) && !isControl($0) }) else { return nil }
        guard let separator = trimmed.utf8.firstRange(of: "://".utf8) else { return nil }
        let scheme = String(trimmed[..<separator.lowerBound]).lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = trimmed[separator.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let userInfoEnd = authority.lastIndex(of: "@").map { authority.index(after: $0) } ?? authority.startIndex
        let hostAndPort = authority[userInfoEnd...]
        var host = hostAndPort
        if let colon = hostAndPort.lastIndex(of: ":"), !hostAndPort.hasSuffix("]") {
            let port = hostAndPort[hostAndPort.index(after: colon)...]
            guard !port.isEmpty, port.utf8.count <= 5, port.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                return nil
            }
            host = hostAndPort[..<colon]
        }
        guard !host.isEmpty, host.contains(".") || host == "localhost" || host.hasPrefix("["),
            !host.hasPrefix("."), !host.hasSuffix("."), !host.contains("..")
        else { return nil }
        return "\(scheme)://\(authority[..<host.startIndex])\(host.lowercased())\(rest[host.endIndex...])"
    }

    /// Email addresses: NFC, invisible characters and surrounding quotes removed, then
    /// ``EmailAddress/normalize(_:)`` (the domain lowercased).
    static func email(_ text: String) -> String? {
        EmailAddress.normalize(identifier(text))
    }
}

extension TextNormalizer {
    /// Builds a new string from a source whose UTF-8 it never outgrows (normalization only removes
    /// characters or replaces them with shorter ones), writing straight into the string's storage.
    static func rewrite(
        _ source: String, _ body: (String.UnicodeScalarView, inout UTF8Writer) -> Void
    ) -> String {
        let capacity = source.utf8.count
        guard capacity > 0 else { return source }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var writer = UTF8Writer(buffer: buffer)
            body(source.unicodeScalars, &writer)
            return writer.count
        }
    }
}

extension TextNormalizer {
    /// Like ``rewrite(_:_:)``, over the source's UTF-8 bytes.
    static func rewriteBytes(
        _ source: String, _ body: (UnsafeBufferPointer<UInt8>, inout UTF8Writer) -> Void
    ) -> String {
        let capacity = source.utf8.count
        guard capacity > 0 else { return source }
        var source = source
        return source.withUTF8 { input in
            String(unsafeUninitializedCapacity: capacity) { buffer in
                var writer = UTF8Writer(buffer: buffer)
                body(input, &writer)
                return writer.count
            }
        }
    }

    /// The scalar value starting at `index` of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        func continuation(_ offset: Int) -> UInt32 {
            index + offset < bytes.count ? UInt32(bytes[index + offset] & 0x3F) : 0
        }
        if lead < 0xE0 { return (((lead & 0x1F) << 6) | continuation(1), 2) }
        if lead < 0xF0 { return (((lead & 0x0F) << 12) | (continuation(1) << 6) | continuation(2), 3) }
        return (((lead & 0x07) << 18) | (continuation(1) << 12) | (continuation(2) << 6) | continuation(3), 4)
    }
}

/// Writes UTF-8 into a fixed buffer; writes beyond its end are dropped (they cannot happen when the
/// output is never longer than the input).
struct UTF8Writer {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        guard count < buffer.count else { return }
        buffer[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        switch value {
        case 0..<0x80: append(UInt8(value))
        case 0x80..<0x800:
            guard count + 2 <= buffer.count else { return }
            append(UInt8(0xC0 | (value >> 6)))
            append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            guard count + 3 <= buffer.count else { return }
            append(UInt8(0xE0 | (value >> 12)))
            append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            append(UInt8(0x80 | (value & 0x3F)))
        default:
            guard count + 4 <= buffer.count else { return }
            append(UInt8(0xF0 | (value >> 18)))
            append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// Copies `count` bytes of `source` starting at `start`.
    @inline(__always)
    mutating func copy(_ source: UnsafeBufferPointer<UInt8>, from start: Int, count length: Int) {
        guard count + length <= buffer.count, start + length <= source.count else { return }
        var offset = 0
        while offset < length {
            buffer[count + offset] = source[start + offset]
            offset += 1
        }
        count += length
    }

    /// Forgets everything written after `length` bytes.
    mutating func truncate(to length: Int) { count = min(count, max(0, length)) }
}
