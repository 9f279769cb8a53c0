/// Stores the bytes of attached files, addressed by their SHA-256; metadata (``Attachment``) lives with
/// the ticket's comments in the ticket store.
///
/// ## Implementation requirements
///
/// - Content is addressed by the lowercase hex SHA-256 of its bytes; identical content is stored once, and
///   storing it again returns the same digest.
/// - Writes stream: a store never needs the whole file in memory.
/// - ``policy`` is enforced before anything is kept: the media type before reading, the sizes while
///   reading. The size and the SHA-256 are computed from the bytes received, never taken from the client;
///   a declared size or digest that disagrees is refused (`sizeMismatch`, `digestMismatch`). A write that fails for any reason (a limit, the source throwing, cancellation, I/O) leaves
///   nothing behind, and content becomes visible only complete (write elsewhere, then an atomic rename).
/// - The display name is sanitized (``AttachmentName/sanitize(_:)``) and never used to build a path;
///   digests passed to reads are validated (64 lowercase hex digits) before use.
/// - Safe to call from many tasks at once, and (for shared storage) from several processes.
public protocol AttachmentStore: Sendable {
    /// What the store accepts (the same ``AttachmentPolicy`` the form validator uses).
    var policy: AttachmentPolicy { get }

    /// Stores a file streamed as chunks of bytes.
    /// - Parameters:
    ///   - chunks: The file's bytes, in order.
    ///   - fileName: The name as uploaded (sanitized for the returned metadata).
    ///   - contentType: The declared media type (normalized; must be allowed and match the bytes' signature
    ///     for types that have one).
    ///   - ticketBytesUsed: The bytes the ticket's existing attachments already take (for the per-ticket limit).
    ///   - declaredSize: The size the client declared, if any: refused when the bytes differ.
    ///   - declaredSHA256: The digest the client declared (hex, any case), if any: refused when the bytes
    ///     differ.
    /// - Returns: The metadata to keep with the comment: sanitized name, normalized type, and the size and
    ///   SHA-256 computed from the bytes.
    /// - Throws: ``AttachmentError`` (`typeNotAllowed`, `fileTooLarge`, `ticketLimitExceeded`,
    ///   `contentMismatch`, `emptyFile`, `sizeMismatch`, `digestMismatch`, `invalidDigest` for a malformed
    ///   declared digest, `ioFailure`), or the error thrown by `chunks`. Nothing is kept.
    func store<Chunks: AsyncSequence>(
        _ chunks: Chunks, fileName: String, contentType: String, ticketBytesUsed: Int64, declaredSize: Int64?,
        declaredSHA256: String?
    ) async throws -> Attachment where Chunks.Element == [UInt8]

    /// Whether content with a digest is stored.
    /// - Parameter sha256: The lowercase hex SHA-256.
    /// - Returns: `true` when it is stored.
    /// - Throws: ``AttachmentError`` `invalidDigest`, `ioFailure`.
    func contains(sha256: String) async throws -> Bool

    /// Reads stored content as a stream of chunks.
    /// - Parameters:
    ///   - sha256: The lowercase hex SHA-256.
    ///   - chunkSize: The size of the chunks (the last may be shorter).
    /// - Returns: The content's chunks.
    /// - Throws: ``AttachmentError`` `invalidDigest`, `notFound`, `ioFailure`.
    func chunks(sha256: String, chunkSize: Int) async throws -> AsyncThrowingStream<[UInt8], any Error>

    /// Deletes stored content (when no ticket refers to it any more; the caller knows).
    /// - Parameter sha256: The lowercase hex SHA-256.
    /// - Throws: ``AttachmentError`` `invalidDigest`, `ioFailure`. Removing absent content is not an error.
    func remove(sha256: String) async throws
}

extension AttachmentStore {
    /// The store's policy under its former name.
    public var limits: AttachmentPolicy { policy }

    /// Stores a file with nothing declared by the client: the size and digest are the store's own.
    /// - Parameters:
    ///   - chunks: The file's bytes, in order.
    ///   - fileName: The name as uploaded.
    ///   - contentType: The declared media type.
    ///   - ticketBytesUsed: The bytes the ticket's existing attachments already take.
    /// - Returns: The metadata to keep with the comment.
    /// - Throws: As ``store(_:fileName:contentType:ticketBytesUsed:declaredSize:declaredSHA256:)``.
    public func store<Chunks: AsyncSequence>(
        _ chunks: Chunks, fileName: String, contentType: String, ticketBytesUsed: Int64
    ) async throws -> Attachment where Chunks.Element == [UInt8] {
        try await store(
            chunks, fileName: fileName, contentType: contentType, ticketBytesUsed: ticketBytesUsed,
            declaredSize: nil, declaredSHA256: nil)
    }
}
