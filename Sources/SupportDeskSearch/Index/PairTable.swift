/// Pairs of stem ids → the id of the pair's own term: how a query finds the word pairs of
/// ``SearchConfiguration/indexesWordPairs`` with one integer probe, instead of spelling out the pair's key
/// (`stem stem`) and hashing its letters.
///
/// Open addressing on the 64-bit key `first << 32 | second`; at most half the slots are used.
struct PairTable: Sendable {
    private struct Slot {
        var key: UInt64
        /// The pair's term id, or `UInt32.max` for an empty slot.
        var id: UInt32
    }

    private var slots = [Slot](repeating: Slot(key: 0, id: .max), count: 64)
    private var mask = 63
    /// The number of pairs.
    private(set) var count = 0

    /// Creates an empty table.
    init() {}

    @inline(__always)
    private static func key(_ first: UInt32, _ second: UInt32) -> UInt64 { UInt64(first) << 32 | UInt64(second) }

    /// The term id of a pair of stems, if it was added.
    @inline(__always)
    func id(_ first: UInt32, _ second: UInt32) -> UInt32? {
        let key = Self.key(first, second)
        return slots.withUnsafeBufferPointer { slots in
            var slot = hashSlot(of: key, mask: mask)
            while true {
                let entry = slots[slot]
                if entry.id == .max { return nil }
                if entry.key == key { return entry.id }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Records a pair's term id (a pair added again keeps its first id).
    mutating func insert(_ first: UInt32, _ second: UInt32, id: UInt32) {
        precondition(id != .max, "UInt32.max marks an empty slot")
        let key = Self.key(first, second)
        var slot = hashSlot(of: key, mask: mask)
        while slots[slot].id != .max {
            if slots[slot].key == key { return }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(key: key, id: id)
        count += 1
        if count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, id: .max), count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry.id != .max {
            var slot = hashSlot(of: entry.key, mask: mask)
            while slots[slot].id != .max { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
