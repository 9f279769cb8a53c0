/// Makes an uploaded file's name safe to show: never a path, never a control character, never too long.
///
/// The one sanitizer of file names: the form's attachment fields and every ``AttachmentStore`` use it, so
/// a name reads the same wherever it is shown. Names are only ever displayed; the store addresses content
/// by its SHA-256 and never builds a path from a name. Sanitizing still matters because names reach web
/// pages, emails and `Content-Disposition` headers.
public enum AttachmentName {
    /// The longest sanitized name, in UTF-8 bytes.
    public static let maxLength = 200
    /// The longest extension (the dot included, in UTF-8 bytes) kept when a long name is shortened.
    public static let maxExtensionLength = 16
    /// The name used when nothing usable is left.
    public static let fallback = "attachment"

    /// Sanitizes a display name.
    ///
    /// Keeps the last component after `/` or `\`; cleans it like a single-line form field (Unicode NFC,
    /// control characters (NUL included) and whitespace runs become one space, bidirectional overrides and
    /// other invisible format characters removed) and drops private-use and unassigned scalars; removes
    /// leading dots and spaces and trailing dots and spaces; shortens to ``maxLength`` UTF-8 bytes at a
    /// character (grapheme) boundary, keeping an extension of at most ``maxExtensionLength`` bytes. A single
    /// character longer than the room left (a letter with hundreds of combining marks) is cut at a scalar
    /// boundary, never inside a scalar. `../../etc/passwd` becomes `passwd`; `..` becomes ``fallback``.
    /// - Parameter name: The name as uploaded.
    /// - Returns: A non-empty, single-component, printable name of at most ``maxLength`` UTF-8 bytes.
    public static func sanitize(_ name: String) -> String { sanitizedIfUsable(name) ?? fallback }

    /// Sanitizes a display name like ``sanitize(_:)``, or says that nothing usable is left.
    /// - Parameter name: The name as uploaded.
    /// - Returns: The sanitized name, or `nil` when nothing is left (`..`, `/`, only control characters).
    public static func sanitizedIfUsable(_ name: String) -> String? {
        let hasSeparator = name.utf8.contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }
        let lastComponent =
            hasSeparator ? name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "" : name
        var text = TextNormalizer.singleLine(lastComponent)
        if text.unicodeScalars.contains(where: isDropped) {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isDropped($0) })
            text = String(scalars)
        }
        text = trimmingDotsAndSpaces(text)
        guard !text.isEmpty else { return nil }
        return text.utf8.count <= maxLength ? text : shortened(text)
    }

    /// Private-use, unassigned, surrogate and remaining format scalars: never shown in a name.
    private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .privateUse, .unassigned, .surrogate, .lineSeparator, .paragraphSeparator: true
        case .format: scalar.value != 0x200C && scalar.value != 0x200D
        default: false
        }
    }

    private static func trimmingDotsAndSpaces(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first == "." || first == " " { scalars.removeFirst() }
        while let last = scalars.last, last == "." || last == " " { scalars.removeLast() }
        return String(scalars)
    }

    private static func shortened(_ text: String) -> String {
        var stem = Substring(text)
        var suffix = Substring()
        if let dot = text.lastIndex(of: "."), dot != text.startIndex,
            text.utf8[dot...].count <= maxExtensionLength
        {
            stem = text[..<dot]
            suffix = text[dot...]
        }
        let kept = prefix(of: stem, bytes: maxLength - suffix.utf8.count)
        let result = trimmingDotsAndSpaces(String(kept) + suffix)
        return result.isEmpty ? fallback : result
    }

    /// The longest prefix of whole characters within `budget` bytes; when even the first character is
    /// longer, the longest prefix of whole scalars of it.
    private static func prefix(of text: Substring, bytes budget: Int) -> Substring {
        var end = text.startIndex
        var used = 0
        for index in text.indices {
            let next = text.index(after: index)
            let size = text.utf8[index..<next].count
            guard used + size <= budget else { break }
            used += size
            end = next
        }
        if end == text.startIndex, !text.isEmpty {
            for index in text.unicodeScalars.indices {
                let next = text.unicodeScalars.index(after: index)
                guard text.utf8[text.startIndex..<next].count <= budget else { break }
                end = next
            }
        }
        return text[..<end]
    }
}
