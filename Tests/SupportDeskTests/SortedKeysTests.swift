import SupportDeskTesting
import Testing

@testable import SupportDesk

@Suite struct SortedKeysTests {
    /// Random inserts and removes (many at the front, like claims) agree with a sorted set.
    @Test(arguments: [1, 2, 3])
    func agreesWithASortedSet(_ seed: UInt64) {
        var generator = SeededRandomNumberGenerator(seed: seed)
        var keys = SortedKeys<Int>()
        var model = Set<Int>()
        for step in 0..<20_000 {
            let roll = generator.next() % 10
            if roll < 5 {
                let key = Int(generator.next() % 5_000)
                keys.insert(key)
                model.insert(key)
            } else if roll < 8, let first = keys.first {
                keys.remove(first)
                model.remove(first)
            } else {
                let key = Int(generator.next() % 5_000)
                keys.remove(key)
                model.remove(key)
            }
            if step % 997 == 0 || step == 19_999 {
                let sorted = model.sorted()
                #expect(Array(keys.keys) == sorted)
                #expect(keys.count == sorted.count)
                #expect(keys.first == sorted.first)
                if let probe = sorted.dropFirst(sorted.count / 2).first {
                    #expect(keys[keys.lowerBound(probe)] == probe)
                    #expect(keys.upperBound(probe) == keys.lowerBound(probe) + 1)
                }
            }
        }
    }

    @Test func insertingBeforeTheFirstReusesFreedFrontSlots() {
        var keys = SortedKeys<Int>()
        for key in 10..<20 { keys.insert(key) }
        keys.remove(10)
        keys.remove(11)
        keys.insert(5)
        keys.insert(12)
        keys.insert(11)
        #expect(Array(keys.keys) == [5, 11, 12, 13, 14, 15, 16, 17, 18, 19])
        #expect(keys.lowerBound(0) == 0 && keys.upperBound(100) == 10)
    }
}
