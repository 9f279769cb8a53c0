/// The checks of one upload against an ``AttachmentPolicy`` and what the client declared, shared by the
/// attachment stores: the media type and the ticket's room before any byte is read, the sizes while
/// reading, the declared size and digest once the bytes are complete.
public struct AttachmentUpload: Sendable {
    /// The sanitized display name (``AttachmentName/sanitize(_:)``).
    public let name: String
    /// The normalized media type.
    public let type: String
    /// The policy enforced.
    public let policy: AttachmentPolicy
    /// The most bytes this file may have: the per-file limit or the ticket's room, whichever is smaller.
    public let room: Int64
    /// The size the client declared, if any.
    public let declaredSize: Int64?
    /// The digest the client declared, lowercased, if any.
    public let declaredSHA256: String?

    /// Checks what can be checked before reading any byte.
    /// - Parameters:
    ///   - fileName: The name as uploaded.
    ///   - contentType: The declared media type.
    ///   - ticketBytesUsed: Bytes the ticket's attachments already take.
    ///   - policy: The policy to enforce.
    ///   - declaredSize: The size the client declared, if any.
    ///   - declaredSHA256: The digest the client declared, if any.
    /// - Throws: ``AttachmentError`` `typeNotAllowed`, `ticketLimitExceeded`, `sizeMismatch` (a declared size
    ///   that no file may have), `invalidDigest` (a declared digest that is not 64 hex digits).
    public init(
        fileName: String, contentType: String, ticketBytesUsed: Int64, policy: AttachmentPolicy,
        declaredSize: Int64? = nil, declaredSHA256: String? = nil
    ) throws(AttachmentError) {
        name = AttachmentName.sanitize(fileName)
        type = AttachmentPolicy.normalizedContentType(contentType)
        self.policy = policy
        guard policy.allows(type) else {
            throw AttachmentError(
                .typeNotAllowed,
                "“\(name)”: files of type \(type.isEmpty ? "(none)" : type) are not accepted; accepted: "
                    + policy.allowedContentTypes.sorted().joined(separator: ", "), fileName: name)
        }
        let ticketRoom = policy.maxTicketTotal - max(0, ticketBytesUsed)
        guard ticketRoom > 0 else {
            throw AttachmentError(
                .ticketLimitExceeded,
                "“\(name)”: the ticket's attachments already take \(ticketBytesUsed) bytes of \(policy.maxTicketTotal)",
                fileName: name, limit: policy.maxTicketTotal)
        }
        room = min(ticketRoom, policy.maxFileSize)
        if let declaredSize, declaredSize < 0 {
            throw AttachmentError(
                .sizeMismatch, "“\(name)”: a size of \(declaredSize) bytes is impossible", fileName: name)
        }
        self.declaredSize = declaredSize
        if let declaredSHA256 {
            let digest = declaredSHA256.lowercased()
            let bytes = Array(digest.utf8)
            guard bytes.count == 64, bytes.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
            else {
                throw AttachmentError(
                    .invalidDigest, "“\(name)”: the declared sha256 is not 64 hexadecimal digits", fileName: name)
            }
            self.declaredSHA256 = digest
        } else {
            self.declaredSHA256 = nil
        }
    }

    /// Checks the bytes received so far.
    /// - Parameter size: The bytes received so far.
    /// - Throws: ``AttachmentError`` `fileTooLarge`, `ticketLimitExceeded`, `sizeMismatch` (more than declared).
    public func check(size: Int64) throws(AttachmentError) {
        if size > policy.maxFileSize {
            throw AttachmentError(
                .fileTooLarge, "“\(name)” is larger than the limit of \(policy.maxFileSize) bytes per file",
                fileName: name, limit: policy.maxFileSize)
        }
        if size > room {
            throw AttachmentError(
                .ticketLimitExceeded,
                "“\(name)” would take the ticket's attachments over \(policy.maxTicketTotal) bytes",
                fileName: name, limit: policy.maxTicketTotal)
        }
        if let declaredSize, size > declaredSize { throw sizeMismatch(size, atLeast: true) }
    }

    /// Checks the complete file.
    /// - Parameters:
    ///   - size: The size counted.
    ///   - digest: The SHA-256 computed, lowercase hex.
    /// - Throws: ``AttachmentError`` `emptyFile`, `sizeMismatch`, `digestMismatch`.
    public func checkComplete(size: Int64, digest: String) throws(AttachmentError) {
        guard size > 0 else { throw AttachmentError(.emptyFile, "“\(name)” is empty", fileName: name) }
        if let declaredSize, size != declaredSize { throw sizeMismatch(size, atLeast: false) }
        if let declaredSHA256, declaredSHA256 != digest {
            throw AttachmentError(
                .digestMismatch,
                "“\(name)”: the declared sha256 \(declaredSHA256) is not the digest of the bytes received (\(digest))",
                fileName: name)
        }
    }

    /// The error for bytes that do not look like the declared type.
    /// - Returns: An ``AttachmentError`` `contentMismatch`.
    public func contentMismatch() -> AttachmentError {
        AttachmentError(.contentMismatch, "“\(name)” is declared as \(type) but its content is not", fileName: name)
    }

    private func sizeMismatch(_ size: Int64, atLeast: Bool) -> AttachmentError {
        AttachmentError(
            .sizeMismatch,
            "“\(name)” was declared as \(declaredSize ?? 0) bytes but \(atLeast ? "at least " : "")\(size) were received",
            fileName: name)
    }
}
