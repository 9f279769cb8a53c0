import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An ``AttachmentStore`` in a directory: content under `objects/<first 2 hex digits>/<sha256>`, uploads
/// written to `tmp/` first and renamed into place once complete and hashed.
///
/// The rename is atomic on one file system, so a reader (or another process) sees either no file or the
/// whole file. With `durable` (the default) the data and the directory entry are flushed (`fsync`) before
/// the store returns.
///
/// I/O uses plain POSIX calls on the calling task's thread, one chunk at a time; a server expecting many
/// large concurrent uploads may run them from a dedicated executor.
public struct FileSystemAttachmentStore: AttachmentStore {
    /// The store's directory.
    public let directory: String
    /// What the store accepts.
    public let policy: AttachmentPolicy
    /// Whether writes are flushed to disk before returning.
    public let durable: Bool

    /// Opens (creating if needed) a store in a directory.
    /// - Parameters:
    ///   - directory: The directory; created with its `objects` and `tmp` subdirectories if missing.
    ///   - policy: What the store accepts (the default ``AttachmentPolicy``, as the form validator's).
    ///   - durable: Whether to `fsync` data and directories before returning (default `true`).
    /// - Throws: ``AttachmentError`` `ioFailure` when the directories cannot be created.
    public init(directory: String, policy: AttachmentPolicy = .default, durable: Bool = true) throws {
        var root = directory
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        self.directory = root
        self.policy = policy
        self.durable = durable
        for path in [root, root + "/objects", root + "/tmp"] { try Self.makeDirectory(path) }
    }

    /// Opens a store; the former spelling of ``init(directory:policy:durable:)``.
    /// - Parameters:
    ///   - directory: The directory.
    ///   - limits: What the store accepts.
    ///   - durable: Whether to `fsync` before returning.
    /// - Throws: ``AttachmentError`` `ioFailure` when the directories cannot be created.
    public init(directory: String, limits: AttachmentPolicy, durable: Bool = true) throws {
        try self.init(directory: directory, policy: limits, durable: durable)
    }

    /// Stores a streamed file, enforcing the policy and checking what the client declared; nothing is kept
    /// when it fails.
    /// - Parameters:
    ///   - chunks: The bytes.
    ///   - fileName: The uploaded name.
    ///   - contentType: The declared media type.
    ///   - ticketBytesUsed: Bytes already attached to the ticket.
    ///   - declaredSize: The size the client declared, if any.
    ///   - declaredSHA256: The digest the client declared, if any.
    /// - Returns: The attachment's metadata, with the size and digest computed from the bytes.
    /// - Throws: ``AttachmentError`` or the error of `chunks`.
    public func store<Chunks: AsyncSequence>(
        _ chunks: Chunks, fileName: String, contentType: String, ticketBytesUsed: Int64, declaredSize: Int64?,
        declaredSHA256: String?
    ) async throws -> Attachment where Chunks.Element == [UInt8] {
        let upload = try AttachmentUpload(
            fileName: fileName, contentType: contentType, ticketBytesUsed: ticketBytesUsed, policy: policy,
            declaredSize: declaredSize, declaredSHA256: declaredSHA256)
        let temporary = directory + "/tmp/upload-\(Self.randomHex()).part"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.ioError("create", temporary) }
        var isOpen = true
        do {
            var hasher = SHA256()
            var signature = ContentSignature(contentType: upload.type)
            var size: Int64 = 0
            for try await chunk in chunks {
                try Task.checkCancellation()
                size += Int64(chunk.count)
                try upload.check(size: size)
                guard signature.inspect(chunk) else { throw upload.contentMismatch() }
                hasher.update(chunk)
                try Self.writeAll(chunk, to: descriptor, path: temporary)
            }
            let digest = hasher.finalize().hexDigest
            try upload.checkComplete(size: size, digest: digest)
            guard signature.finish() else { throw upload.contentMismatch() }
            if durable, fsync(descriptor) != 0 { throw Self.ioError("flush", temporary) }
            isOpen = false
            guard close(descriptor) == 0 else { throw Self.ioError("close", temporary) }
            try moveIntoPlace(temporary, digest: digest)
            return Attachment(fileName: upload.name, contentType: upload.type, size: size, sha256: digest)
        } catch {
            if isOpen { close(descriptor) }
            unlink(temporary)
            throw error
        }
    }

    private func moveIntoPlace(_ temporary: String, digest: String) throws {
        let folder = directory + "/objects/" + digest.prefix(2)
        try Self.makeDirectory(folder)
        let destination = folder + "/" + digest
        if Self.exists(destination) {
            unlink(temporary)
        } else {
            guard rename(temporary, destination) == 0 else { throw Self.ioError("move into place", destination) }
            if durable { try Self.syncDirectory(folder) }
        }
    }

    /// Whether content with a digest is stored.
    /// - Parameter sha256: The digest.
    /// - Returns: `true` when stored.
    /// - Throws: ``AttachmentError`` `invalidDigest`.
    public func contains(sha256: String) async throws -> Bool {
        Self.exists(try path(of: sha256))
    }

    /// Reads stored content as chunks.
    /// - Parameters:
    ///   - sha256: The digest.
    ///   - chunkSize: The chunk size (at least 1).
    /// - Returns: The chunks.
    /// - Throws: ``AttachmentError`` `invalidDigest`, `notFound`, `ioFailure`.
    public func chunks(
        sha256: String, chunkSize: Int = 64 << 10
    ) async throws -> AsyncThrowingStream<
        [UInt8], any Error
    > {
        let path = try path(of: sha256)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT {
                throw AttachmentError(.notFound, "no attachment content with SHA-256 \(sha256)", path: path)
            }
            throw Self.ioError("open", path)
        }
        let reader = FileReader(descriptor: descriptor, path: path, chunkSize: max(1, chunkSize))
        return AsyncThrowingStream(unfolding: { try reader.next() })
    }

    /// Deletes stored content.
    /// - Parameter sha256: The digest.
    /// - Throws: ``AttachmentError`` `invalidDigest`, `ioFailure`.
    public func remove(sha256: String) async throws {
        let path = try path(of: sha256)
        if unlink(path) != 0, errno != ENOENT { throw Self.ioError("remove", path) }
    }

    /// Deletes uploads left in `tmp/` by a process that died mid-write. Call it when no other process is
    /// writing to the store (at startup of a single-process deployment).
    /// - Returns: The number of files removed.
    /// - Throws: ``AttachmentError`` `ioFailure`.
    @discardableResult
    public func removeAbandonedUploads() throws -> Int {
        let folder = directory + "/tmp"
        guard let handle = opendir(folder) else { throw Self.ioError("list", folder) }
        defer { closedir(handle) }
        var removed = 0
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name.hasPrefix("upload-"), name.hasSuffix(".part") else { continue }
            if unlink(folder + "/" + name) == 0 { removed += 1 }
        }
        return removed
    }

    // MARK: - Paths and I/O

    private func path(of sha256: String) throws -> String {
        let bytes = Array(sha256.utf8)
        guard bytes.count == 64, bytes.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw AttachmentError(.invalidDigest, "“\(sha256)” is not a SHA-256 digest (64 lowercase hex digits)")
        }
        return directory + "/objects/" + sha256.prefix(2) + "/" + sha256
    }

    private static func writeAll(_ chunk: [UInt8], to descriptor: Int32, path: String) throws {
        try chunk.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                guard let base = buffer.baseAddress else { return }
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw ioError("write", path)
                }
                offset += written
            }
        }
    }

    private static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o700) != 0, errno != EEXIST { throw ioError("create the directory", path) }
    }

    private static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    private static func syncDirectory(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ioError("open the directory", path) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw ioError("flush the directory", path) }
    }

    private static func ioError(_ action: String, _ path: String) -> AttachmentError {
        let reason = String(cString: strerror(errno))
        return AttachmentError(.ioFailure, "cannot \(action) \(path): \(reason)", path: path)
    }

    private static func randomHex() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = (generator.next() as UInt64, generator.next() as UInt64)
        return String(value.0, radix: 16) + String(value.1, radix: 16)
    }
}

/// Reads a file in chunks for ``FileSystemAttachmentStore/chunks(sha256:chunkSize:)``; closes it at the end
/// or when dropped.
private final class FileReader: Sendable {
    private let descriptor: Mutex<Int32>
    private let path: String
    private let chunkSize: Int

    init(descriptor: Int32, path: String, chunkSize: Int) {
        self.descriptor = Mutex(descriptor)
        self.path = path
        self.chunkSize = chunkSize
    }

    func next() throws -> [UInt8]? {
        try descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return nil }
            var chunk = [UInt8](repeating: 0, count: chunkSize)
            var count = 0
            while true {
                count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
                if count < 0, errno == EINTR { continue }
                break
            }
            if count <= 0 {
                let failed = count < 0
                let reason = failed ? String(cString: strerror(errno)) : ""
                close(descriptor)
                descriptor = -1
                if failed {
                    throw AttachmentError(.ioFailure, "cannot read \(path): \(reason)", path: path)
                }
                return nil
            }
            chunk.removeSubrange(count...)
            return chunk
        }
    }

    deinit {
        descriptor.withLock { if $0 >= 0 { close($0) } }
    }
}
