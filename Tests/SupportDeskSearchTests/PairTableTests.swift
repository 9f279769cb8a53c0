import Testing

@testable import SupportDeskSearch

@Suite("PairTable")
struct PairTableTests {
    @Test("Pairs keep their ids through growth; order matters; a pair added again keeps its first id")
    func insertAndLookUp() {
        var table = PairTable()
        var expected: [UInt64: UInt32] = [:]
        var generator = SystemRandomNumberGenerator()
        var next: UInt32 = 0
        for _ in 0..<20_000 {
            let first = UInt32.random(in: 0..<3_000, using: &generator)
            let second = UInt32.random(in: 0..<3_000, using: &generator)
            let key = UInt64(first) << 32 | UInt64(second)
            table.insert(first, second, id: next)
            if expected[key] == nil { expected[key] = next }
            next += 1
        }
        #expect(table.count == expected.count)
        for (key, id) in expected {
            #expect(table.id(UInt32(key >> 32), UInt32(truncatingIfNeeded: key)) == id)
        }
        table.insert(1, 2, id: 99_999)
        table.insert(2, 1, id: 99_998)
        if expected[1 << 32 | 2] == nil { #expect(table.id(1, 2) == 99_999) }
        if expected[2 << 32 | 1] == nil { #expect(table.id(2, 1) == 99_998) }
        #expect(PairTable().id(0, 0) == nil)
    }

    @Test("An index's pair table finds exactly the pair terms spelled out as `stem stem`")
    func agreesWithPairTerms() throws {
        let core = try TopicSuggester.twinHelpCenter().index.core
        #expect(core.pairs.count > 100)
        var found = 0
        // Every neighbouring pair of the vocabulary's first stems, present or not.
        let stemCount = min(core.stems.count, 400)
        for first in 0..<UInt32(stemCount) {
            for second in 0..<UInt32(stemCount) {
                var key: [UInt32] = []
                IndexCore.pairKey(core.stems.scalars(first), core.stems.scalars(second), into: &key)
                let spelled = core.stems.id(of: key)
                #expect(core.pairs.id(first, second) == spelled, "\(first) \(second)")
                if spelled != nil { found += 1 }
            }
        }
        #expect(found > 0)
    }
}
