/// The normalization applied to text before it is checked, per field kind. Plain stdlib over Unicode
/// scalars: the same result on every platform.
///
/// Unicode NFC comes from the standard library's `String._nfcCodeUnits` (the same normalizer the
/// standard library uses for string comparison, available on every platform without Foundation), with a
/// fast path that skips it for text that is already NFC by construction (ASCII, Latin-1, and Cyrillic
/// without combining marks).
enum TextNormalizer {
    // MARK: Unicode

    /// The text in Unicode Normalization Form C.
    static func nfc(_ text: String) -> String {
        if isTriviallyNFC(text) { return text }
        return String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// Whether the text is NFC without running the normalizer: every scalar is below U+0300 (no combining
    /// marks, no singleton decompositions) or a Cyrillic letter (U+0400–U+0482, U+048A–U+052F).
    static func isTriviallyNFC(_ text: String) -> Bool {
        for byte in text.utf8 where byte >= 0x80 {
            return text.unicodeScalars.allSatisfy { scalar in
                let value = scalar.value
                return value < 0x300 || (value >= 0x400 && value <= 0x482) || (value >= 0x48A && value <= 0x52F)
            }
        }
        return true
    }

    /// Format characters that are invisible and arrive by copy-paste: soft hyphen, zero-width spaces and
    /// joiners, direction marks and embeddings, word joiner, invisible operators, byte order mark.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D)
            || (scalar.value >= 0x80 && scalar.properties.isWhitespace)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    // MARK: Kinds

    /// Single-line text: NFC; invisible characters removed; every run of whitespace or control characters
    /// (line breaks, tabs, no-break spaces) becomes one space; leading and trailing spaces removed.
    static func singleLine(_ text: String) -> String {
        if isCleanASCIILine(text) { return text }
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in nfc(text).unicodeScalars {
            if isInvisible(scalar) { continue }
            if isWhitespace(scalar) || isControl(scalar) {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.append(" ")
                pendingSpace = false
            }
            output.append(scalar)
        }
        return String(output)
    }

    /// Whether ASCII text has nothing to normalize as a single line: printable characters, single inner
    /// spaces.
    private static func isCleanASCIILine(_ text: String) -> Bool {
        var previousSpace = true
        for byte in text.utf8 {
            if byte == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else if byte > 0x20 && byte < 0x7F {
                previousSpace = false
            } else {
                return false
            }
        }
        return !previousSpace || text.utf8.isEmpty
    }

    /// Multi-line text: NFC; line breaks (`\r\n`, `\r`, U+2028/2029, U+0085) become `\n`; invisible and other
    /// control characters removed (tabs kept); trailing spaces of each line and blank lines at the start and
    /// end removed.
    static func multiLine(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var line = String.UnicodeScalarView()
        var pendingBreaks = 0
        var previousCR = false
        func flush() {
            // Drop the line's trailing whitespace.
            var end = line.endIndex
            while end > line.startIndex, isWhitespace(line[line.index(before: end)]) { end = line.index(before: end) }
            let content = line[..<end]
            if content.isEmpty {
                if !output.isEmpty { pendingBreaks += 1 }
            } else {
                for _ in 0..<pendingBreaks { output.append("\n") }
                pendingBreaks = 1
                output.append(contentsOf: content)
            }
            line.removeAll(keepingCapacity: true)
        }
        for scalar in nfc(text).unicodeScalars {
            let isBreak = scalar == "\n" || scalar == "\r" || scalar.value == 0x2028 || scalar.value == 0x2029
                || scalar.value == 0x85
            if scalar == "\n" && previousCR {
                previousCR = false
                continue
            }
            previousCR = scalar == "\r"
            if isBreak {
                flush()
                continue
            }
            if isInvisible(scalar) || (isControl(scalar) && scalar != "\t") { continue }
            if line.isEmpty && output.isEmpty && isWhitespace(scalar) { continue }
            line.append(scalar)
        }
        flush()
        return String(output)
    }

    /// Quotation marks removed around identifiers: ASCII and typographic quotes, guillemets, backticks.
    private static let quotePairs: [(Unicode.Scalar, Unicode.Scalar)] = [
        ("\"", "\""), ("'", "'"), ("`", "`"), ("\u{AB}", "\u{BB}"), ("\u{201C}", "\u{201D}"),
        ("\u{201E}", "\u{201C}"), ("\u{2018}", "\u{2019}"), ("\u{201D}", "\u{201D}"), ("\u{2039}", "\u{203A}"),
    ]

    /// Identifiers: NFC; invisible characters removed everywhere; surrounding whitespace and matching
    /// surrounding quotes (`"…"`, `'…'`, `` `…` ``, `«…»`, `“…”`, `„…“`) removed, repeatedly.
    static func identifier(_ text: String) -> String {
        var scalars = Array(nfc(text).unicodeScalars.lazy.filter { !isInvisible($0) })
        var start = 0
        var end = scalars.count
        while true {
            while start < end, isWhitespace(scalars[start]) { start += 1 }
            while end > start, isWhitespace(scalars[end - 1]) { end -= 1 }
            guard end - start >= 2,
                quotePairs.contains(where: { $0.0 == scalars[start] && $0.1 == scalars[end - 1] })
            else { break }
            start += 1
            end -= 1
        }
        if start == 0 && end == scalars.count && scalars.count == text.unicodeScalars.count { return text }
        scalars = Array(scalars[start..<end])
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Phone numbers: `+` and digits. Spaces, dashes, dots, slashes and parentheses are dropped; a Russian
    /// `8XXXXXXXXXX` (11 digits) becomes `+7XXXXXXXXXX`, and `7XXXXXXXXXX` without `+` becomes `+7…`;
    /// `00` before a country code becomes `+`. Other numbers must carry their country code.
    /// - Returns: `+` and 8…15 digits (E.164), or `nil` when the text is not a phone number.
    static func phone(_ text: String) -> String? {
        var digits: [UInt8] = []
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
    /// whitespace or control characters; a host with at least one dot (or `localhost`).
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
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
        var host = hostAndPort
        if let colon = hostAndPort.lastIndex(of: ":"), !hostAndPort.hasPrefix("[") {
            let port = hostAndPort[hostAndPort.index(after: colon)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCIIDigit) else { return nil }
            host = hostAndPort[..<colon]
        }
        guard !host.isEmpty, host.contains(".") || host == "localhost" || host.hasPrefix("["),
            !host.hasPrefix("."), !host.hasSuffix("."), !host.contains("..")
        else { return nil }
        let lowerAuthority = authority.replacingFirst(host, with: host.lowercased())
        return "\(scheme)://\(lowerAuthority)\(rest[authorityEnd...])"
    }

    /// Email addresses: NFC, invisible characters and surrounding quotes removed, then
    /// ``EmailAddress/normalize(_:)`` (the domain lowercased).
    static func email(_ text: String) -> String? {
        EmailAddress.normalize(identifier(text))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}

extension Substring {
    /// The text with the last occurrence of `part` (a suffix of the authority's user-info) replaced.
    fileprivate func replacingFirst(_ part: Substring, with replacement: String) -> String {
        guard part.startIndex >= startIndex, part.endIndex <= endIndex else { return String(self) }
        return String(self[..<part.startIndex]) + replacement + String(self[part.endIndex...])
    }
}
