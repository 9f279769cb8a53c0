/// Makes an uploaded file's name safe to show: never a path, never a control character, never too long.
///
/// Names are only ever displayed; the store addresses content by its SHA-256 and never builds a path from
/// a name. Sanitizing still matters because names reach web pages, emails and `Content-Disposition`
/// headers.
public enum AttachmentName {
    /// The longest sanitized name, in UTF-8 bytes.
    public static let maxLength = 200
    /// The name used when nothing usable is left.
    public static let fallback = "attachment"

    /// Sanitizes a display name.
    ///
    /// Keeps the last component after `/` or `\`; drops control characters (NUL included), bidirectional
    /// overrides and other invisible format characters; collapses whitespace; removes leading dots and
    /// spaces and trailing dots and spaces; shortens to ``maxLength`` UTF-8 bytes on a character boundary,
    /// keeping a short extension. `../../etc/passwd` becomes `passwd`; `..` becomes ``fallback``.
    /// - Parameter name: The name as uploaded.
    /// - Returns: A non-empty, single-component, printable name.
    public static func sanitize(_ name: String) -> String {
        let lastComponent = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in lastComponent.unicodeScalars {
            let category = scalar.properties.generalCategory
            if category == .control || category == .format || category == .lineSeparator
                || category == .paragraphSeparator || category == .surrogate || category == .unassigned
                || category == .privateUse
            {
                if scalar == "\t" || scalar == "\n" || scalar == "\r" { pendingSpace = !scalars.isEmpty }
                continue
            }
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        var text = String(scalars)
        while let first = text.unicodeScalars.first, first == "." || first == " " {
            text.unicodeScalars.removeFirst()
        }
        while let last = text.unicodeScalars.last, last == "." || last == " " { text.unicodeScalars.removeLast() }
        if text.isEmpty { return fallback }
        return shortened(text)
    }

    private static func shortened(_ text: String) -> String {
        guard text.utf8.count > maxLength else { return text }
        var stem = text
        var suffix = ""
        if let dot = text.lastIndex(of: "."), text.distance(from: dot, to: text.endIndex) <= 16 {
            stem = String(text[..<dot])
            suffix = String(text[dot...])
        }
        var kept = ""
        var budget = maxLength - suffix.utf8.count
        for character in stem {
            let size = String(character).utf8.count
            guard size <= budget else { break }
            kept.append(character)
            budget -= size
        }
        let result = kept.trimmingWhitespace() + suffix
        return result.isEmpty ? fallback : result
    }
}
