import Testing

@testable import SupportDeskSearch

@Suite("IndexCore")
struct IndexCoreTests {
    /// A posting list with runs of one document in several fields and gaps between documents.
    static let postings: [Posting] = {
        var result: [Posting] = []
        var doc: UInt32 = 3
        for step in 0..<300 {
            for field in 0..<(1 + step % 3) { result.append(Posting(doc: doc, field: UInt16(field), tf: 1)) }
            doc += UInt32(1 + (step * 7) % 11)
        }
        return result
    }()

    @Test("Seeking in a posting list finds the first posting at or after a document, from any start")
    func seekMatchesLinearScan() {
        let postings = Self.postings
        let last = postings.last?.doc ?? 0
        postings.withUnsafeBufferPointer { buffer in
            for start in stride(from: 0, through: postings.count, by: 17) {
                for doc in stride(from: UInt32(0), through: last + 2, by: 5) {
                    var expected = start
                    while expected < postings.count && postings[expected].doc < doc { expected += 1 }
                    #expect(IndexCore.seek(doc, in: buffer, from: start) == expected, "doc \(doc) from \(start)")
                }
            }
        }
    }
}
