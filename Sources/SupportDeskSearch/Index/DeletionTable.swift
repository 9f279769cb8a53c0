/// A deletion dictionary: the hash of a word with some letters deleted → the ids of the words it came from.
///
/// Flat arrays instead of a `Dictionary` of arrays: an open-addressing table of hashes whose slots head
/// linked lists of ids, so a look-up is a multiply, a probe or two and a short walk (no hasher, no array per
/// key, nothing retained), and adding an entry allocates nothing but array growth.
struct DeletionTable: Sendable {
    /// Per slot: the hash kept there (meaningful when the slot's ``heads`` entry is not −1).
    private var keys: [UInt64] = Array(repeating: 0, count: 64)
    /// Per slot: the entry most recently added for the slot's hash, or −1 for an empty slot.
    private var heads: [Int32] = Array(repeating: -1, count: 64)
    /// Per entry: the word id.
    private var ids: [UInt32] = []
    /// Per entry: the previous entry of the same hash, or −1.
    private var next: [Int32] = []
    private var mask = 63
    /// A blocked Bloom filter, two bits per hash in one 64-bit word (16 bits or more per distinct hash): a
    /// clear bit means the hash is absent, so a miss — most look-ups of a word's deletions — reads one word
    /// of this small array instead of probing the slots (which are 12 times larger and mostly out of cache).
    private var filter: [UInt64] = Array(repeating: 0, count: 8)
    /// The number of bits of a bit index of ``filter`` (which holds `1 << filterBits` bits).
    private var filterBits = 9
    /// The number of distinct hashes.
    private(set) var count = 0

    /// Creates an empty table.
    init() {}

    /// The number of (hash, id) entries.
    var entryCount: Int { ids.count }

    /// The two bits of ``filter`` for a hash, in one 64-bit word (other bits of the hash than the slot's):
    /// the word's index and a mask with both bits set.
    @inline(__always)
    private static func filterBits(of hash: UInt64, bits: Int) -> (word: Int, mask: UInt64) {
        let mixed = hash &* 0xC2B2_AE3D_27D4_EB4F
        let word = Int(truncatingIfNeeded: mixed >> UInt64(64 - (bits - 6)))
        return (word, 1 << (mixed & 63) | 1 << ((mixed >> 6) & 63))
    }

    /// Whether a hash may be in the table (`false`: it is not).
    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        let (word, mask) = Self.filterBits(of: hash, bits: filterBits)
        return filter.withUnsafeBufferPointer { $0[word] } & mask == mask
    }

    /// Adds a word id under a hash.
    mutating func insert(_ hash: UInt64, id: UInt32) {
        var slot = hashSlot(of: hash, mask: mask)
        while heads[slot] >= 0 && keys[slot] != hash { slot = (slot + 1) & mask }
        if heads[slot] < 0 {
            keys[slot] = hash
            count += 1
            let (word, bits) = Self.filterBits(of: hash, bits: filterBits)
            filter[word] |= bits
        }
        next.append(heads[slot])
        heads[slot] = Int32(ids.count)
        ids.append(id)
        if count * 2 > heads.count { grow() }
    }

    /// Appends the ids kept under a hash (most recently added first).
    @inline(__always)
    func appendIDs(of hash: UInt64, to found: inout [UInt32]) {
        guard mayContain(hash) else { return }
        var slot = hashSlot(of: hash, mask: mask)
        while true {
            let head = heads[slot]
            if head < 0 { return }
            if keys[slot] == hash {
                var entry = head
                while entry >= 0 {
                    found.append(ids[Int(entry)])
                    entry = next[Int(entry)]
                }
                return
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let capacity = heads.count * 2
        let oldKeys = keys
        let oldHeads = heads
        keys = Array(repeating: 0, count: capacity)
        heads = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        // Eight filter bits per slot: at most half the slots are used, so 16 bits or more per hash, two set
        // per hash in one word (about 2 % false positives, against 12 % with one bit of 8).
        filterBits = capacity.trailingZeroBitCount + 3
        filter = Array(repeating: 0, count: max(1, (1 << filterBits) / 64))
        for index in oldHeads.indices where oldHeads[index] >= 0 {
            var slot = hashSlot(of: oldKeys[index], mask: mask)
            while heads[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            heads[slot] = oldHeads[index]
            let (word, bits) = Self.filterBits(of: oldKeys[index], bits: filterBits)
            filter[word] |= bits
        }
    }
}
