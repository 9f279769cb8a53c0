/// The conformance kit for ``AttachmentStore`` backends (a file system, an object store): named checks
/// of content addressing, deduplication, limits, signatures, failed writes and digest validation.
///
/// Each check asks the factory for a fresh, empty store with the limits the check needs, and throws a
/// ``ConformanceFailure`` at the first broken expectation:
///
/// ```swift
/// @Test(arguments: AttachmentStoreConformance.checkNames)
/// func attachments(_ check: String) async throws {
///     try await AttachmentStoreConformance(makeStore: { limits in try MyObjectStore.temporary(limits: limits) })
///         .run(check)
/// }
/// ```
public struct AttachmentStoreConformance: Sendable {
    /// Creates a fresh, empty store with the given limits.
    public typealias StoreFactory = @Sendable (AttachmentLimits) async throws -> any AttachmentStore

    /// The factory of fresh stores.
    public let makeStore: StoreFactory

    /// Creates the kit for a backend.
    /// - Parameter makeStore: Returns a fresh, empty store enforcing the given limits; called once per check.
    public init(makeStore: @escaping StoreFactory) { self.makeStore = makeStore }

    /// The names of all checks, in a stable order.
    public static let checkNames: [String] = [
        "contentIsAddressedBySHA256", "identicalContentIsStoredOnce", "disallowedTypeIsRefusedBeforeReading",
        "perFileLimitKeepsNothing", "perTicketLimitKeepsNothing", "failingSourceKeepsNothing",
        "mismatchedContentKeepsNothing", "emptyFileIsRefused", "digestsAreValidated", "removedContentIsGone",
        "namesAreSanitized", "sizeAndDigestAreComputedNotTrusted", "defaultPolicyRefusesActiveContent",
        "policyIsTheOneGiven",
    ]

    /// Runs one check against a fresh store.
    /// - Parameter name: One of ``checkNames``.
    /// - Throws: ``ConformanceFailure`` when the backend breaks the contract or the name is unknown.
    public func run(_ name: String) async throws {
        do {
            try await perform(name)
        } catch var failure as ConformanceFailure {
            failure.check = name
            throw failure
        } catch {
            throw ConformanceFailure(check: name, message: "unexpected error: \(String(describing: error))")
        }
    }

    /// Runs every check.
    /// - Throws: The first ``ConformanceFailure``.
    public func runAll() async throws {
        for name in Self.checkNames { try await run(name) }
    }

    private static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    private func perform(_ name: String) async throws {
        switch name {
        case "contentIsAddressedBySHA256":
            let store = try await makeStore(AttachmentLimits())
            let bytes = pngBytes(70_000, seed: 1)
            let attachment = try await store.store(
                ByteChunks(bytes, size: 1_111), fileName: "screen.png", contentType: "image/PNG",
                ticketBytesUsed: 0)
            let digest = SHA256.hash(bytes).hexDigest
            try expect(attachment.sha256 == digest, "the stored digest is \(attachment.sha256 ?? "nil"), not \(digest)")
            try expect(attachment.size == 70_000, "the stored size is \(attachment.size), not 70000")
            try expect(attachment.contentType == "image/png", "the media type is normalized to image/png")
            try expect(try await store.contains(sha256: digest), "contains(sha256:) after storing")
            try expect(try await read(store, digest) == bytes, "the content read back differs from what was stored")
        case "identicalContentIsStoredOnce":
            let store = try await makeStore(AttachmentLimits())
            let bytes = pngBytes(9_000, seed: 2)
            let first = try await store.store(
                ByteChunks(bytes, size: 100), fileName: "a.png", contentType: "image/png", ticketBytesUsed: 0)
            let second = try await store.store(
                ByteChunks(bytes, size: 3_000), fileName: "b.png", contentType: "image/png", ticketBytesUsed: 0)
            try expect(first.sha256 == second.sha256, "identical content got two digests")
            try expect(first.fileName == "a.png" && second.fileName == "b.png", "each upload keeps its own name")
            guard let digest = first.sha256 else { throw ConformanceFailure(message: "no digest returned") }
            try await store.remove(sha256: digest)
            try expect(
                !(try await store.contains(sha256: digest)), "after one remove, identical content is still there twice")
        case "disallowedTypeIsRefusedBeforeReading":
            let store = try await makeStore(AttachmentLimits(allowedContentTypes: ["image/png"]))
            let source = ByteChunks(Array("#!/bin/sh".utf8), size: 2, failOnRead: true)
            try await expectError(.typeNotAllowed, "a disallowed media type") {
                try await store.store(source, fileName: "run.sh", contentType: "text/x-sh", ticketBytesUsed: 0)
            }
        case "perFileLimitKeepsNothing":
            let store = try await makeStore(AttachmentLimits(maxFileSize: 4_000))
            let bytes = pngBytes(4_001, seed: 3)
            try await expectError(.fileTooLarge, "a file one byte over the limit") {
                try await store.store(
                    ByteChunks(bytes, size: 500), fileName: "big.png", contentType: "image/png", ticketBytesUsed: 0)
            }
            try await expectAbsent(store, bytes, "a file over the per-file limit")
            let fits = try await store.store(
                ByteChunks(pngBytes(4_000, seed: 3), size: 500), fileName: "ok.png", contentType: "image/png",
                ticketBytesUsed: 0)
            try expect(fits.size == 4_000, "a file exactly at the limit is accepted")
        case "perTicketLimitKeepsNothing":
            let store = try await makeStore(AttachmentLimits(maxFileSize: 10_000, maxTicketTotal: 3_000))
            let bytes = pngBytes(1_001, seed: 4)
            try await expectError(.ticketLimitExceeded, "a file taking the ticket over its total") {
                try await store.store(
                    ByteChunks(bytes, size: 100), fileName: "a.png", contentType: "image/png", ticketBytesUsed: 2_000)
            }
            try await expectAbsent(store, bytes, "a file over the per-ticket limit")
            try await expectError(.ticketLimitExceeded, "any file for a ticket already at its total") {
                try await store.store(
                    ByteChunks(bytes, size: 100, failOnRead: true), fileName: "b.png", contentType: "image/png",
                    ticketBytesUsed: 3_000)
            }
        case "failingSourceKeepsNothing":
            let store = try await makeStore(AttachmentLimits())
            let bytes = pngBytes(20_000, seed: 5)
            do {
                _ = try await store.store(
                    ByteChunks(bytes, size: 1_000, failAfter: 10), fileName: "half.png", contentType: "image/png",
                    ticketBytesUsed: 0)
                throw ConformanceFailure(message: "a store whose source failed half-way succeeded")
            } catch is SourceFailure {}
            try await expectAbsent(store, Array(bytes.prefix(10_000)), "the part written before the source failed")
            try await expectAbsent(store, bytes, "a file whose source failed")
        case "mismatchedContentKeepsNothing":
            let store = try await makeStore(AttachmentLimits())
            let bytes = Array("this is not a PNG image at all".utf8)
            try await expectError(.contentMismatch, "text declared as image/png") {
                try await store.store(
                    ByteChunks(bytes, size: 5), fileName: "fake.png", contentType: "image/png", ticketBytesUsed: 0)
            }
            try await expectAbsent(store, bytes, "content refused for its type")
        case "emptyFileIsRefused":
            let store = try await makeStore(AttachmentLimits())
            try await expectError(.emptyFile, "an empty file") {
                try await store.store(
                    ByteChunks([], size: 1), fileName: "empty.txt", contentType: "text/plain", ticketBytesUsed: 0)
            }
        case "digestsAreValidated":
            let store = try await makeStore(AttachmentLimits())
            for digest in [
                "../../etc/passwd", String(repeating: "A", count: 64), "", String(repeating: "0", count: 63),
            ] {
                try await expectError(.invalidDigest, "contains(sha256: “\(digest)”)") {
                    try await store.contains(sha256: digest)
                }
                try await expectError(.invalidDigest, "chunks(sha256: “\(digest)”)") {
                    try await store.chunks(sha256: digest, chunkSize: 16)
                }
                try await expectError(.invalidDigest, "remove(sha256: “\(digest)”)") {
                    try await store.remove(sha256: digest)
                }
            }
        case "removedContentIsGone":
            let store = try await makeStore(AttachmentLimits())
            let attachment = try await store.store(
                ByteChunks(pngBytes(300, seed: 6), size: 64), fileName: "a.png", contentType: "image/png",
                ticketBytesUsed: 0)
            guard let digest = attachment.sha256 else { throw ConformanceFailure(message: "no digest returned") }
            try await store.remove(sha256: digest)
            try expect(!(try await store.contains(sha256: digest)), "contains(sha256:) after remove")
            try await expectError(.notFound, "reading removed content") {
                try await store.chunks(sha256: digest, chunkSize: 16)
            }
            try await store.remove(sha256: digest)
        case "namesAreSanitized":
            let store = try await makeStore(AttachmentLimits())
            for (index, name) in ["../../etc/passwd", "a\u{0}b.txt", String(repeating: "я", count: 3_000), ".."]
                .enumerated()
            {
                let attachment = try await store.store(
                    ByteChunks(Array("log \(index)".utf8), size: 3), fileName: name, contentType: "text/plain",
                    ticketBytesUsed: 0)
                try expect(
                    attachment.fileName == AttachmentName.sanitize(name),
                    "the display name of “\(name.prefix(40))” is “\(attachment.fileName.prefix(40))”, not the sanitized one"
                )
            }
        case "sizeAndDigestAreComputedNotTrusted":
            try await checkDeclaredValues()
        case "defaultPolicyRefusesActiveContent":
            let store = try await makeStore(AttachmentPolicy())
            for type in ["image/svg+xml", "text/html", "application/xhtml+xml", "text/xml", "text/javascript"] {
                try await expectError(.typeNotAllowed, "the default policy and \(type)") {
                    try await store.store(
                        ByteChunks(Array("<svg onload=alert(1)>".utf8), size: 4, failOnRead: true),
                        fileName: "x.svg", contentType: type, ticketBytesUsed: 0)
                }
            }
        case "policyIsTheOneGiven":
            let policy = AttachmentPolicy(
                maxFileSize: 1_234, maxTicketTotal: 5_678, allowedContentTypes: ["image/png", "text/plain"],
                inlineContentTypes: ["image/png"])
            let store = try await makeStore(policy)
            try expect(store.policy == policy, "the store's policy is \(store.policy), not the one it was made with")
        default:
            throw ConformanceFailure(message: "there is no check named “\(name)”; see checkNames")
        }
    }

    /// A declared size or digest is checked against the bytes, never trusted; a wrong one keeps nothing.
    private func checkDeclaredValues() async throws {
        let store = try await makeStore(AttachmentPolicy())
        let bytes = pngBytes(5_000, seed: 7)
        let digest = SHA256.hash(bytes).hexDigest
        for declared in [Int64(4_999), 5_001, 1, 0] {
            try await expectError(.sizeMismatch, "a file of 5000 bytes declared as \(declared)") {
                try await store.store(
                    ByteChunks(bytes, size: 700), fileName: "a.png", contentType: "image/png", ticketBytesUsed: 0,
                    declaredSize: declared, declaredSHA256: nil)
            }
        }
        let wrongDigest = SHA256.hash(Array(bytes.dropLast())).hexDigest
        try await expectError(.digestMismatch, "a file declared with another file's sha256") {
            try await store.store(
                ByteChunks(bytes, size: 700), fileName: "a.png", contentType: "image/png", ticketBytesUsed: 0,
                declaredSize: 5_000, declaredSHA256: wrongDigest)
        }
        try await expectAbsent(store, bytes, "a file whose declared size or digest was wrong")
        try await expectError(.invalidDigest, "a declared sha256 that is not 64 hex digits") {
            try await store.store(
                ByteChunks(bytes, size: 700, failOnRead: true), fileName: "a.png", contentType: "image/png",
                ticketBytesUsed: 0, declaredSize: nil, declaredSHA256: "../../etc/passwd")
        }
        let stored = try await store.store(
            ByteChunks(bytes, size: 700), fileName: "a.png", contentType: "image/png", ticketBytesUsed: 0,
            declaredSize: 5_000, declaredSHA256: digest.uppercased())
        try expect(stored.size == 5_000 && stored.sha256 == digest, "correct declared values are accepted")
    }

    // MARK: - Helpers

    private func pngBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var bytes = Self.png
        while bytes.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(UInt8(truncatingIfNeeded: state >> 33))
        }
        return bytes
    }

    private func read(_ store: any AttachmentStore, _ digest: String) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in try await store.chunks(sha256: digest, chunkSize: 4_096) { bytes += chunk }
        return bytes
    }

    private func expect(
        _ condition: Bool, _ message: @autoclosure () -> String, file: String = #fileID, line: Int = #line
    ) throws {
        if !condition { throw ConformanceFailure(message: message(), file: file, line: line) }
    }

    private func expectAbsent(_ store: any AttachmentStore, _ bytes: [UInt8], _ what: String) async throws {
        let digest = SHA256.hash(bytes).hexDigest
        try expect(!(try await store.contains(sha256: digest)), "\(what) was kept")
    }

    private func expectError<Value>(
        _ code: AttachmentError.Code, _ what: String, file: String = #fileID, line: Int = #line,
        _ body: () async throws -> Value
    ) async throws {
        do {
            _ = try await body()
        } catch let error as AttachmentError {
            guard error.code == code else {
                throw ConformanceFailure(
                    message: "\(what): expected AttachmentError \(code), got \(error)", file: file, line: line)
            }
            return
        } catch is SourceFailure {
            throw ConformanceFailure(
                message: "\(what): the store read the source although it had to refuse first", file: file, line: line)
        } catch {
            throw ConformanceFailure(
                message: "\(what): expected AttachmentError \(code), got \(String(describing: error))", file: file,
                line: line)
        }
        throw ConformanceFailure(
            message: "\(what): expected AttachmentError \(code), but it succeeded", file: file, line: line)
    }
}

/// The error a test source throws when it is read although it should not be, or to fail half-way.
struct SourceFailure: Error {}

/// Bytes as an async sequence of chunks; can fail on the first read or after some chunks.
struct ByteChunks: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let bytes: [UInt8]
    let size: Int
    let failOnRead: Bool
    let failAfter: Int?

    init(_ bytes: [UInt8], size: Int, failOnRead: Bool = false, failAfter: Int? = nil) {
        self.bytes = bytes
        self.size = Swift.max(1, size)
        self.failOnRead = failOnRead
        self.failAfter = failAfter
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let source: ByteChunks
        var offset = 0
        var served = 0

        mutating func next() async throws -> [UInt8]? {
            if source.failOnRead { throw SourceFailure() }
            if let limit = source.failAfter, served >= limit { throw SourceFailure() }
            guard offset < source.bytes.count else { return nil }
            let end = Swift.min(source.bytes.count, offset + source.size)
            defer {
                offset = end
                served += 1
            }
            return Array(source.bytes[offset..<end])
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(source: self) }
}
