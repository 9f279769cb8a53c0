/// Metadata of an attached file (a screenshot, a log). The bytes live in an attachment store, addressed
/// by ``sha256``; only this metadata is kept with tickets and comments.
public struct Attachment: Identifiable, Hashable, Sendable, Codable {
    /// The attachment's identifier.
    public typealias ID = Identifier<Attachment>

    /// The identifier.
    public var id: ID
    /// The file name for display, already sanitized; never used as a path.
    public var fileName: String
    /// The media type, such as `image/png`.
    public var contentType: String
    /// The size in bytes.
    public var size: Int64
    /// The lowercase hex SHA-256 of the bytes, the key of the content in the attachment store;
    /// `nil` while only the metadata is known (for example during form validation).
    public var sha256: String?

    /// Creates attachment metadata.
    public init(id: ID = .random(), fileName: String, contentType: String, size: Int64, sha256: String? = nil) {
        self.id = id
        self.fileName = fileName
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
    }
}
