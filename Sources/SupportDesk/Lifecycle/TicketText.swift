/// The cleaning and the length limits of the free text a help center stores on tickets: comments
/// (including a resolution and a refresh) and reasons (closing a ticket).
///
/// The text is cleaned exactly like a form's text fields (see `Documentation/Validation.md`): Unicode
/// NFC; control characters removed (a comment keeps line feeds and tabs, a reason becomes one line),
/// including escape sequences' `ESC`, `BEL` and NUL; invisible format characters removed (bidi
/// overrides, embeddings and isolates, direction marks, zero-width spaces, the byte-order mark, but not
/// the zero-width joiners emoji need); surrounding whitespace trimmed. The limit is checked on the
/// cleaned text's UTF-8 bytes; longer text is refused (``HelpCenterError/Code/textTooLong``), never cut.
public enum TicketText {
    /// The longest comment, in UTF-8 bytes after cleaning: 32 KiB (about 16,000 Cyrillic or 32,000 Latin
    /// characters).
    public static let maxCommentBytes = 32 << 10
    /// The longest reason (for closing a ticket), in UTF-8 bytes after cleaning: 1 KiB.
    public static let maxReasonBytes = 1 << 10

    /// Cleans a comment's text.
    /// - Parameter text: The text as typed.
    /// - Returns: The cleaned text (may be empty when nothing visible remains).
    public static func cleanComment(_ text: String) -> String { TextNormalizer.multiLine(text) }

    /// Cleans a reason: one line.
    /// - Parameter text: The reason as typed.
    /// - Returns: The cleaned reason (may be empty).
    public static func cleanReason(_ text: String) -> String { TextNormalizer.singleLine(text) }

    /// Cleans a comment's text and checks it is neither blank nor too long.
    /// - Parameters:
    ///   - text: The text as typed.
    ///   - what: What the text is, for messages (`a comment`, `a refresh`).
    ///   - context: What is involved, for the error.
    /// - Returns: The cleaned, non-empty text.
    /// - Throws: ``HelpCenterError`` `invalidComment` (nothing visible), `textTooLong`.
    static func comment(
        _ text: String, what: String = "a comment", context: HelpCenterError.Context
    ) throws(HelpCenterError) -> String {
        let body = cleanComment(text)
        guard !body.isEmpty else {
            throw HelpCenterError(.invalidComment, "\(what) needs some text", context: context)
        }
        try check(body, limit: maxCommentBytes, what: what, context: context)
        return body
    }

    /// Cleans a reason and checks its length.
    /// - Parameters:
    ///   - text: The reason as typed.
    ///   - context: What is involved, for the error.
    /// - Returns: The cleaned reason (empty when nothing visible was given).
    /// - Throws: ``HelpCenterError`` `textTooLong`.
    static func reason(_ text: String, context: HelpCenterError.Context) throws(HelpCenterError) -> String {
        let reason = cleanReason(text)
        try check(reason, limit: maxReasonBytes, what: "a reason", context: context)
        return reason
    }

    private static func check(
        _ text: String, limit: Int, what: String, context: HelpCenterError.Context
    ) throws(HelpCenterError) {
        let size = text.utf8.count
        guard size <= limit else {
            throw HelpCenterError(
                .textTooLong, "\(what) is limited to \(limit) bytes of UTF-8; this one has \(size)", context: context)
        }
    }
}
