import Foundation
import SupportDesk
import SupportDeskTesting
import Testing

/// The attachment-store conformance kit, run against the file-system store.
@Suite struct FileSystemAttachmentStoreConformanceTests {
    @Test(arguments: AttachmentStoreConformance.checkNames)
    func conformance(_ check: String) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "attachments-\(UUID().uuidString)"
        )
        .path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await AttachmentStoreConformance(makeStore: { limits in
            try FileSystemAttachmentStore(directory: directory, limits: limits, durable: false)
        }).run(check)
    }
}
