import Foundation
import SupportDesk
import SupportDeskTesting
import Testing

/// The attachment kit itself: it must catch stores that break the contract.
@Suite struct AttachmentStoreConformanceTests {
    @Test(arguments: [
        (BrokenAttachmentStore.Defect.keepsRawNames, "namesAreSanitized"),
        (.buffersBeforeChecking, "disallowedTypeIsRefusedBeforeReading"),
        (.buffersBeforeChecking, "perTicketLimitKeepsNothing"),
        (.acceptsAnyDigest, "digestsAreValidated"),
        (.trustsDeclaredValues, "sizeAndDigestAreComputedNotTrusted"),
        (.acceptsActiveContent, "defaultPolicyRefusesActiveContent"),
        (.reportsDefaultPolicy, "policyIsTheOneGiven"),
    ])
    func kitCatchesABrokenStore(_ defect: BrokenAttachmentStore.Defect, _ check: String) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "attachments-\(UUID().uuidString)"
        )
        .path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let kit = AttachmentStoreConformance(makeStore: { limits in
            BrokenAttachmentStore(
                base: try FileSystemAttachmentStore(directory: directory, limits: limits, durable: false),
                defect: defect)
        })
        let failure = await #expect(throws: ConformanceFailure.self) { try await kit.run(check) }
        #expect(failure?.check == check)
    }

    @Test func unknownCheckNameIsAFailure() async throws {
        let kit = AttachmentStoreConformance(makeStore: { _ in
            try FileSystemAttachmentStore(directory: "/nonexistent-\(UUID().uuidString)")
        })
        await #expect(throws: ConformanceFailure.self) { try await kit.run("noSuchCheck") }
    }
}

/// A file-system store with one deliberate contract violation.
struct BrokenAttachmentStore: AttachmentStore {
    enum Defect: Sendable, CustomTestStringConvertible {
        case keepsRawNames, buffersBeforeChecking, acceptsAnyDigest, trustsDeclaredValues, acceptsActiveContent
        case reportsDefaultPolicy
        var testDescription: String { "\(self)" }
    }

    let base: FileSystemAttachmentStore
    let defect: Defect
    var policy: AttachmentPolicy { defect == .reportsDefaultPolicy ? .default : base.policy }

    func store<Chunks: AsyncSequence>(
        _ chunks: Chunks, fileName: String, contentType: String, ticketBytesUsed: Int64, declaredSize: Int64?,
        declaredSHA256: String?
    ) async throws -> SupportDesk.Attachment where Chunks.Element == [UInt8] {
        switch defect {
        case .trustsDeclaredValues:
            var attachment = try await base.store(
                chunks, fileName: fileName, contentType: contentType, ticketBytesUsed: ticketBytesUsed)
            attachment.size = declaredSize ?? attachment.size
            attachment.sha256 = declaredSHA256 ?? attachment.sha256
            return attachment
        case .acceptsActiveContent:
            var all: [UInt8] = []
            for try await chunk in chunks { all += chunk }
            return Attachment(fileName: fileName, contentType: contentType, size: Int64(all.count))
        case .reportsDefaultPolicy:
            return try await base.store(
                chunks, fileName: fileName, contentType: contentType, ticketBytesUsed: ticketBytesUsed)
        case .buffersBeforeChecking:
            var all: [[UInt8]] = []
            for try await chunk in chunks { all.append(chunk) }
            return try await base.store(
                all.async, fileName: fileName, contentType: contentType, ticketBytesUsed: ticketBytesUsed)
        case .keepsRawNames:
            var attachment = try await base.store(
                chunks, fileName: fileName, contentType: contentType, ticketBytesUsed: ticketBytesUsed)
            attachment.fileName = fileName
            return attachment
        case .acceptsAnyDigest:
            return try await base.store(
                chunks, fileName: fileName, contentType: contentType, ticketBytesUsed: ticketBytesUsed)
        }
    }

    func contains(sha256: String) async throws -> Bool {
        if defect == .acceptsAnyDigest, sha256.utf8.count != 64 { return false }
        return try await base.contains(sha256: sha256)
    }

    func chunks(sha256: String, chunkSize: Int) async throws -> AsyncThrowingStream<[UInt8], any Error> {
        try await base.chunks(sha256: sha256, chunkSize: chunkSize)
    }

    func remove(sha256: String) async throws { try await base.remove(sha256: sha256) }
}

extension Array where Element == [UInt8] {
    /// The chunks as an async sequence.
    var async: AsyncStream<[UInt8]> {
        AsyncStream { continuation in
            for chunk in self { continuation.yield(chunk) }
            continuation.finish()
        }
    }
}
