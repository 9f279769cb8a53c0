/// What a help center accepts as attachments and how it serves them: the largest file, the most bytes
/// per ticket, the media types, and which of them may be shown inline.
///
/// One value is the whole policy: pass the same one to the form validator (``ValidationLimits/attachments``)
/// and to the attachment store (``AttachmentStore/policy``) so that a file the form accepts is a file the
/// store accepts. A form field's own constraints (`maxFileSize`, `maxTotalSize`, `allowedTypes`) can only
/// narrow the policy, never widen it.
public struct AttachmentPolicy: Hashable, Sendable {
    /// Whether a browser may render a file in the page or must download it (`Content-Disposition`).
    public enum Disposition: String, Hashable, Sendable {
        /// `Content-Disposition: inline`: safe to show in the page (images of the raster kinds).
        case inline
        /// `Content-Disposition: attachment`: downloaded, never rendered by the help center's origin.
        case attachment
    }

    /// The largest file, in bytes.
    public var maxFileSize: Int64
    /// The most bytes of attachments one ticket may have in total.
    public var maxTicketTotal: Int64
    /// The accepted media types, lowercase, without parameters (`image/png`).
    public var allowedContentTypes: Set<String>
    /// The accepted media types that may be served inline; types that can carry scripts (SVG, HTML, XML,
    /// JavaScript: ``isActiveContent(_:)``) are never inline, whatever this set says.
    public var inlineContentTypes: Set<String>

    /// Creates a policy.
    /// - Parameters:
    ///   - maxFileSize: The largest file in bytes (20 MiB by default).
    ///   - maxTicketTotal: The most bytes per ticket (50 MiB by default).
    ///   - allowedContentTypes: Accepted media types (``defaultContentTypes``: screenshots, documents, logs and
    ///     archives).
    ///   - inlineContentTypes: Types that may be shown inline (``defaultInlineContentTypes``: PNG, JPEG, GIF,
    ///     WebP).
    public init(
        maxFileSize: Int64 = 20 << 20, maxTicketTotal: Int64 = 50 << 20,
        allowedContentTypes: Set<String> = AttachmentPolicy.defaultContentTypes,
        inlineContentTypes: Set<String> = AttachmentPolicy.defaultInlineContentTypes
    ) {
        self.maxFileSize = maxFileSize
        self.maxTicketTotal = maxTicketTotal
        self.allowedContentTypes = Set(allowedContentTypes.map { Self.normalizedContentType($0) })
        self.inlineContentTypes = Set(inlineContentTypes.map { Self.normalizedContentType($0) })
    }

    /// The default policy.
    public static let `default` = AttachmentPolicy()

    /// What the shipped catalog's attachment fields ask for, without anything a browser would run:
    /// screenshots (PNG, JPEG, GIF, WebP), screen recordings (MP4, QuickTime), call recordings (MP3, M4A,
    /// WAV, Ogg), PDFs, text logs, CSV, JSON, spreadsheets (XLSX, XLS) and archives (ZIP, 7z, RAR, gzip).
    /// No SVG, HTML, XML or scripts.
    public static let defaultContentTypes: Set<String> = [
        "image/png", "image/jpeg", "image/gif", "image/webp", "video/mp4", "video/quicktime", "audio/mpeg",
        "audio/mp4", "audio/wav", "audio/x-wav", "audio/ogg", "application/pdf", "text/plain", "text/csv",
        "application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.ms-excel", "application/zip", "application/x-7z-compressed", "application/vnd.rar",
        "application/x-rar-compressed", "application/gzip",
    ]

    /// The raster images: PNG, JPEG, GIF, WebP.
    public static let defaultInlineContentTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp"]

    /// Whether the policy accepts a media type.
    /// - Parameter contentType: A media type, in any case, with or without parameters.
    /// - Returns: `true` when the normalized type is one of ``allowedContentTypes``.
    public func allows(_ contentType: String) -> Bool {
        allowedContentTypes.contains(Self.normalizedContentType(contentType))
    }

    /// How a file of a media type must be served.
    ///
    /// `inline` only for an allowed type listed in ``inlineContentTypes`` that is not active content; every
    /// other type (SVG, HTML, XML, unknown types) is `attachment`. A server sets `Content-Disposition` from
    /// this, together with the stored `Content-Type` and `X-Content-Type-Options: nosniff`.
    /// - Parameter contentType: The stored media type.
    /// - Returns: The disposition.
    public func disposition(for contentType: String) -> Disposition {
        let type = Self.normalizedContentType(contentType)
        guard allowedContentTypes.contains(type), inlineContentTypes.contains(type), !Self.isActiveContent(type)
        else { return .attachment }
        return .inline
    }

    /// Whether a media type can carry markup or scripts a browser would run: SVG, HTML, XHTML, XML (any
    /// `+xml` type), JavaScript, and the like. Such files are never served inline.
    /// - Parameter contentType: A media type.
    /// - Returns: `true` for active content.
    public static func isActiveContent(_ contentType: String) -> Bool {
        let type = normalizedContentType(contentType)
        if type.hasSuffix("+xml") || type.hasSuffix("/xml") || type.contains("html") || type.contains("javascript")
            || type.contains("ecmascript")
        {
            return true
        }
        return type == "text/xsl" || type == "application/x-shockwave-flash"
    }

    /// A media type lowercased, without parameters and surrounding spaces (`Text/Plain; charset=utf-8` →
    /// `text/plain`).
    /// - Parameter contentType: The declared media type.
    /// - Returns: The normalized type.
    public static func normalizedContentType(_ contentType: String) -> String {
        let main = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return String(main).trimmingWhitespace().lowercased()
    }
}
