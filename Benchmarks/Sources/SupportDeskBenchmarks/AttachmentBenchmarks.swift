import Foundation
import SupportDesk

/// Benchmarks of attachments: plain-Swift SHA-256 and streamed stores into `FileSystemAttachmentStore`.
enum AttachmentBenchmarks {
    static var isSmokeRun: Bool { ProcessInfo.processInfo.environment["SUPPORTDESK_BENCH_SMOKE"] == "1" }

    /// SHA-256 MB/s, and store MB/s for 16 MiB files in 64 KiB chunks, durable (fsync) and not.
    static let throughput = Benchmark(name: "attachments") { report in
        let size = isSmokeRun ? 1 << 20 : 16 << 20
        let chunkSize = 64 << 10
        var generator = SystemRandomNumberGenerator()
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let body = png + (0..<(size - png.count)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let chunks = stride(from: 0, to: body.count, by: chunkSize).map {
            Array(body[$0..<min(body.count, $0 + chunkSize)])
        }
        let seconds = isSmokeRun ? 0.05 : 2.0

        let hashRate = measureThroughput(minimumSeconds: seconds, operationsPerIteration: size) {
            var hasher = SHA256()
            for chunk in chunks { hasher.update(chunk) }
            blackHole(hasher.finalize())
        }
        report(Measurement(name: "attachments.sha256", metric: "mb_per_s", value: hashRate / 1e6, unit: "MB_per_s"))

        for durable in [true, false] {
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("bench-attachments-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let store = try FileSystemAttachmentStore(
                directory: directory, limits: AttachmentLimits(maxFileSize: Int64(size), maxTicketTotal: Int64(size)),
                durable: durable)
            var stored = 0
            var serial: UInt8 = 0
            let start = nanosecondsNow()
            repeat {
                serial &+= 1
                var first = chunks[0]
                first[8] = serial  // distinct content each time, so deduplication does not skip the work
                let source = [first] + chunks.dropFirst()
                let attachment = try await store.store(
                    ChunkList(chunks: source), fileName: "big.png", contentType: "image/png", ticketBytesUsed: 0)
                if let digest = attachment.sha256 { try await store.remove(sha256: digest) }
                stored += 1
            } while Double(nanosecondsNow() - start) / 1e9 < seconds || stored < 2
            let elapsed = Double(nanosecondsNow() - start) / 1e9
            report(
                Measurement(
                    name: "attachments.store.\(durable ? "durable" : "unsynced")", metric: "mb_per_s",
                    value: Double(stored * size) / elapsed / 1e6, unit: "MB_per_s"))
        }
    }
}

/// Chunks already in memory, as an async sequence.
struct ChunkList: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let chunks: [[UInt8]]

    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: ArraySlice<[UInt8]>
        mutating func next() async -> [UInt8]? { remaining.popFirst() }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(remaining: chunks[...]) }
}
