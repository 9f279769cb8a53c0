import Foundation
import SupportDesk
import SupportDeskTesting
import Synchronization
import Testing

@Suite struct FileSystemAttachmentStoreTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A fresh store in its own temporary directory, removed after `body`.
    func withStore(
        limits: AttachmentLimits = AttachmentLimits(), _ body: (FileSystemAttachmentStore, String) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "attachments-\(UUID().uuidString)"
        )
        .path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try FileSystemAttachmentStore(directory: directory, limits: limits, durable: false)
        try await body(store, directory)
    }

    /// Every regular file under the store's directory, relative to it (a marker entry if it cannot be listed,
    /// so emptiness checks fail).
    func files(_ directory: String) -> [String] {
        guard let all = try? FileManager.default.subpathsOfDirectory(atPath: directory) else {
            return ["<cannot list \(directory)>"]
        }
        return all.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted()
    }

    func pngBytes(_ count: Int, seed: UInt64 = 1) -> [UInt8] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        return Self.png + (0..<max(0, count - Self.png.count)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }

    func read(_ store: FileSystemAttachmentStore, _ digest: String, chunkSize: Int = 1_000) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in try await store.chunks(sha256: digest, chunkSize: chunkSize) { bytes += chunk }
        return bytes
    }

    @Test func storesContentUnderItsSHA256AndReadsItBack() async throws {
        try await withStore { store, directory in
            let bytes = pngBytes(10_000)
            let attachment = try await store.store(
                Chunked(bytes, size: 777), fileName: "экран.png", contentType: "Image/PNG", ticketBytesUsed: 0)
            let digest = SHA256.hash(bytes).hexDigest
            #expect(attachment.sha256 == digest)
            #expect(attachment.size == 10_000)
            #expect(attachment.contentType == "image/png")
            #expect(attachment.fileName == "экран.png")
            #expect(files(directory) == ["objects/\(digest.prefix(2))/\(digest)"])
            #expect(try await store.contains(sha256: digest))
            #expect(try await read(store, digest) == bytes)
        }
    }

    @Test func identicalContentIsStoredOnce() async throws {
        try await withStore { store, directory in
            let bytes = pngBytes(5_000)
            let first = try await store.store(
                Chunked(bytes, size: 100), fileName: "a.png", contentType: "image/png", ticketBytesUsed: 0)
            let second = try await store.store(
                Chunked(bytes, size: 4_096), fileName: "b.png", contentType: "image/png", ticketBytesUsed: 0)
            #expect(first.sha256 == second.sha256)
            #expect(first.fileName == "a.png" && second.fileName == "b.png")
            #expect(first.id != second.id)
            #expect(files(directory).count == 1)
            let other = try await store.store(
                Chunked(pngBytes(5_000, seed: 2), size: 100), fileName: "c.png", contentType: "image/png",
                ticketBytesUsed: 0)
            #expect(other.sha256 != first.sha256)
            #expect(files(directory).count == 2)
        }
    }

    @Test func aDisallowedTypeIsRefusedBeforeReadingAnything() async throws {
        try await withStore { store, directory in
            let source = Recording(Chunked(Array("MZ binary".utf8), size: 4))
            let error = await #expect(throws: AttachmentError.self) {
                try await store.store(
                    source, fileName: "tool.exe", contentType: "application/x-msdownload", ticketBytesUsed: 0)
            }
            #expect(error?.code == .typeNotAllowed)
            #expect(error?.fileName == "tool.exe")
            #expect(!source.wasRead)
            #expect(files(directory).isEmpty)
        }
    }

    @Test func aFileOverThePerFileLimitLeavesNothing() async throws {
        try await withStore(limits: AttachmentLimits(maxFileSize: 1_000)) { store, directory in
            let error = await #expect(throws: AttachmentError.self) {
                try await store.store(
                    Chunked(pngBytes(1_001), size: 100), fileName: "big.png", contentType: "image/png",
                    ticketBytesUsed: 0)
            }
            #expect(error?.code == .fileTooLarge)
            #expect(error?.limit == 1_000)
            #expect(files(directory).isEmpty)
            let fits = try await store.store(
                Chunked(pngBytes(1_000), size: 100), fileName: "ok.png", contentType: "image/png", ticketBytesUsed: 0)
            #expect(fits.size == 1_000)
        }
    }

    @Test func thePerTicketTotalIsEnforced() async throws {
        try await withStore(limits: AttachmentLimits(maxFileSize: 10_000, maxTicketTotal: 2_000)) { store, directory in
            let over = await #expect(throws: AttachmentError.self) {
                try await store.store(
                    Chunked(pngBytes(600), size: 100), fileName: "a.png", contentType: "image/png",
                    ticketBytesUsed: 1_500)
            }
            #expect(over?.code == .ticketLimitExceeded)
            let source = Recording(Chunked(pngBytes(10), size: 10))
            let full = await #expect(throws: AttachmentError.self) {
                try await store.store(source, fileName: "b.png", contentType: "image/png", ticketBytesUsed: 2_000)
            }
            #expect(full?.code == .ticketLimitExceeded)
            #expect(!source.wasRead)
            #expect(files(directory).isEmpty)
            let fits = try await store.store(
                Chunked(pngBytes(500), size: 100), fileName: "c.png", contentType: "image/png", ticketBytesUsed: 1_500)
            #expect(fits.size == 500)
        }
    }

    @Test(arguments: [
        ("image/png", Array("not really a png, just text".utf8)),
        ("image/jpeg", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4]),
        ("application/pdf", Array("%PD".utf8)),
        ("text/plain", Array("log line\n".utf8) + [0] + Array("binary".utf8)),
        ("image/webp", Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8)),
    ])
    func contentThatIsNotOfItsDeclaredTypeIsRefused(_ type: String, _ bytes: [UInt8]) async throws {
        try await withStore { store, directory in
            let error = await #expect(throws: AttachmentError.self) {
                try await store.store(Chunked(bytes, size: 3), fileName: "x", contentType: type, ticketBytesUsed: 0)
            }
            #expect(error?.code == .contentMismatch)
            #expect(files(directory).isEmpty)
        }
    }

    @Test(arguments: [
        ("image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10] as [UInt8]),
        ("image/gif", Array("GIF89a......".utf8)),
        ("image/webp", Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)),
        ("application/pdf", Array("%PDF-1.7\n".utf8)),
        ("text/csv", Array("a;b\n1;2\n".utf8)),
        ("application/zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0]),
    ])
    func contentOfItsDeclaredTypeIsAccepted(_ type: String, _ bytes: [UInt8]) async throws {
        try await withStore { store, _ in
            let attachment = try await store.store(
                Chunked(bytes, size: 2), fileName: "f", contentType: type, ticketBytesUsed: 0)
            #expect(attachment.size == Int64(bytes.count))
        }
    }

    @Test func aSourceFailingHalfWayLeavesNothing() async throws {
        try await withStore { store, directory in
            struct Broken: Error {}
            let chunks = AsyncThrowingStream<[UInt8], any Error> { continuation in
                continuation.yield(Self.png)
                continuation.yield([UInt8](repeating: 7, count: 4_096))
                continuation.finish(throwing: Broken())
            }
            await #expect(throws: Broken.self) {
                try await store.store(chunks, fileName: "half.png", contentType: "image/png", ticketBytesUsed: 0)
            }
            #expect(files(directory).isEmpty)
        }
    }

    @Test func aCancelledUploadLeavesNothing() async throws {
        try await withStore { store, directory in
            let task = Task {
                try await store.store(
                    CancellingAfter(chunks: 3, chunk: Self.png), fileName: "c.png", contentType: "image/png",
                    ticketBytesUsed: 0)
            }
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(files(directory).isEmpty)
        }
    }

    @Test func anEmptyFileIsRefused() async throws {
        try await withStore { store, directory in
            let error = await #expect(throws: AttachmentError.self) {
                try await store.store(
                    Chunked([], size: 1), fileName: "empty.txt", contentType: "text/plain", ticketBytesUsed: 0)
            }
            #expect(error?.code == .emptyFile)
            #expect(files(directory).isEmpty)
        }
    }

    @Test func hostileNamesAreOnlyDisplayNames() async throws {
        // The store sits in a private parent directory, so anything written outside the store would show.
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("attachments-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let directory = parent + "/store"
        let store = try FileSystemAttachmentStore(directory: directory, durable: false)
        let names = [
            "../../etc/passwd", "../escape.txt", "a\u{0}b.txt", String(repeating: "я", count: 5_000) + ".txt",
            "/tmp/x.txt", "..",
        ]
        for (index, name) in names.enumerated() {
            let attachment = try await store.store(
                Chunked(Array("text \(index)".utf8), size: 4), fileName: name, contentType: "text/plain",
                ticketBytesUsed: 0)
            #expect(!attachment.fileName.contains("/") && !attachment.fileName.contains("\u{0}"))
            #expect(attachment.fileName.utf8.count <= AttachmentName.maxLength)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["store"])
        #expect(files(directory).allSatisfy { $0.hasPrefix("objects/") })
        #expect(files(directory).count == names.count)
    }

    @Test func digestsAreValidatedBeforeUse() async throws {
        try await withStore { store, _ in
            for digest in [
                "../../etc/passwd", String(repeating: "A", count: 64), "abc", String(repeating: "g", count: 64),
            ] {
                let contains = await #expect(throws: AttachmentError.self) { try await store.contains(sha256: digest) }
                #expect(contains?.code == .invalidDigest)
                let read = await #expect(throws: AttachmentError.self) {
                    try await store.chunks(sha256: digest, chunkSize: 10)
                }
                #expect(read?.code == .invalidDigest)
                let remove = await #expect(throws: AttachmentError.self) { try await store.remove(sha256: digest) }
                #expect(remove?.code == .invalidDigest)
            }
        }
    }

    @Test func removedContentIsGone() async throws {
        try await withStore { store, directory in
            let attachment = try await store.store(
                Chunked(pngBytes(100), size: 50), fileName: "a.png", contentType: "image/png", ticketBytesUsed: 0)
            let digest = try #require(attachment.sha256)
            try await store.remove(sha256: digest)
            #expect(try await !store.contains(sha256: digest))
            let error = await #expect(throws: AttachmentError.self) {
                try await store.chunks(sha256: digest, chunkSize: 10)
            }
            #expect(error?.code == .notFound)
            try await store.remove(sha256: digest)
            #expect(files(directory).isEmpty)
        }
    }

    @Test func abandonedUploadsCanBeCleanedUp() async throws {
        try await withStore { store, directory in
            #expect(
                FileManager.default.createFile(atPath: directory + "/tmp/upload-dead.part", contents: Data([1, 2, 3])))
            let removed = try store.removeAbandonedUploads()
            #expect(removed == 1)
            #expect(files(directory).isEmpty)
        }
    }

    @Test func concurrentUploadsOfTheSameContentKeepOneWholeFile() async throws {
        try await withStore { store, directory in
            let bytes = pngBytes(50_000, seed: 9)
            let digests = try await withThrowingTaskGroup(of: String?.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await store.store(
                            Chunked(bytes, size: 1_000 + index), fileName: "\(index).png", contentType: "image/png",
                            ticketBytesUsed: 0
                        ).sha256
                    }
                }
                var digests: Set<String?> = []
                for try await digest in group { digests.insert(digest) }
                return digests
            }
            #expect(digests == [SHA256.hash(bytes).hexDigest])
            #expect(files(directory).count == 1)
            #expect(try await read(store, SHA256.hash(bytes).hexDigest, chunkSize: 4_096) == bytes)
        }
    }
}

/// Bytes delivered as an async sequence of fixed-size chunks.
struct Chunked: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let bytes: [UInt8]
    let size: Int
    init(_ bytes: [UInt8], size: Int) {
        self.bytes = bytes
        self.size = size
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let bytes: [UInt8]
        let size: Int
        var offset = 0
        mutating func next() async -> [UInt8]? {
            guard offset < bytes.count else { return nil }
            let end = Swift.min(bytes.count, offset + size)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(bytes: bytes, size: size) }
}

/// Wraps a chunk source and records whether anyone read from it.
final class Recording: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let base: Chunked
    private let read = Mutex(false)
    init(_ base: Chunked) { self.base = base }
    var wasRead: Bool { read.withLock { $0 } }

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: Chunked.AsyncIterator
        let owner: Recording
        mutating func next() async -> [UInt8]? {
            owner.read.withLock { $0 = true }
            return await base.next()
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: base.makeAsyncIterator(), owner: self) }
}

/// An endless source of chunks that cancels the task reading it after a number of chunks.
struct CancellingAfter: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let chunks: Int
    let chunk: [UInt8]

    struct AsyncIterator: AsyncIteratorProtocol {
        let chunks: Int
        let chunk: [UInt8]
        var served = 0
        mutating func next() async -> [UInt8]? {
            served += 1
            if served == chunks { withUnsafeCurrentTask { $0?.cancel() } }
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(chunks: chunks, chunk: chunk) }
}
