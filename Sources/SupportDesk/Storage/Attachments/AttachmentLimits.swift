/// What an attachment store accepts: the largest file, the most bytes per ticket, the media types.
public struct AttachmentLimits: Hashable, Sendable {
    /// The largest file, in bytes.
    public var maxFileSize: Int64
    /// The most bytes of attachments one ticket may have in total.
    public var maxTicketTotal: Int64
    /// The accepted media types, lowercase, without parameters (`image/png`).
    public var allowedContentTypes: Set<String>

    /// Creates limits.
    /// - Parameters:
    ///   - maxFileSize: The largest file in bytes (20 MiB by default).
    ///   - maxTicketTotal: The most bytes per ticket (50 MiB by default).
    ///   - allowedContentTypes: Accepted media types (screenshots, documents, logs and archives by default).
    public init(
        maxFileSize: Int64 = 20 << 20, maxTicketTotal: Int64 = 50 << 20,
        allowedContentTypes: Set<String> = AttachmentLimits.defaultContentTypes
    ) {
        self.maxFileSize = maxFileSize
        self.maxTicketTotal = maxTicketTotal
        self.allowedContentTypes = Set(allowedContentTypes.map { AttachmentLimits.normalizedContentType($0) })
    }

    /// Screenshots, PDFs, text logs, JSON, CSV and ZIP archives.
    public static let defaultContentTypes: Set<String> = [
        "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain", "text/csv",
        "application/json", "application/zip",
    ]

    /// A media type lowercased, without parameters and surrounding spaces (`Text/Plain; charset=utf-8` →
    /// `text/plain`).
    /// - Parameter contentType: The declared media type.
    /// - Returns: The normalized type.
    public static func normalizedContentType(_ contentType: String) -> String {
        let main = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return String(main).trimmingWhitespace().lowercased()
    }
}
