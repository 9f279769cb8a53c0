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
    /// A bit per hash (8 bits per distinct hash at most): a clear bit means the hash is absent, so a miss
    /// — most look-ups of a word's deletions — reads one word of this small array instead of probing the
    /// slots (which are 24 times larger and mostly out of cache).
    private var filter: [UInt64] = Array(repeating: 0, count: 4)
    /// The number of bits of a bit index of ``filter`` (which holds `1 << filterBits` bits).
    private var filterBits = 8
    /// The number of distinct hashes.
    private(set) var count = 0

    /// Creates an empty table.
    init() {}

    /// The number of (hash, id) entries.
    var entryCount: Int { ids.count }

    @inline(__always)
    private static func slot(of hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The bit of ``filter`` for a hash (other bits of the hash than the slot's).
    @inline(__always)
    private static func filterBit(of hash: UInt64, bits: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0xC2B2_AE3D_27D4_EB4F) >> UInt64(64 - bits))
    }

    /// Whether a hash may be in the table (`false`: it is not).
    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        let bit = Self.filterBit(of: hash, bits: filterBits)
        return filter.withUnsafeBufferPointer { $0[bit >> 6] } & (1 << UInt64(bit & 63)) != 0
    }

    /// Adds a word id under a hash.
    mutating func insert(_ hash: UInt64, id: UInt32) {
        var slot = Self.slot(of: hash, mask: mask)
        while heads[slot] >= 0 && keys[slot] != hash { slot = (slot + 1) & mask }
        if heads[slot] < 0 {
            keys[slot] = hash
            count += 1
            let bit = Self.filterBit(of: hash, bits: filterBits)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
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
        var slot = Self.slot(of: hash, mask: mask)
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
        // Four filter bits per slot: at most half the slots are used, so 8 bits or more per hash.
        filterBits = capacity.trailingZeroBitCount + 2
        filter = Array(repeating: 0, count: max(1, (1 << filterBits) / 64))
        for index in oldHeads.indices where oldHeads[index] >= 0 {
            var slot = Self.slot(of: oldKeys[index], mask: mask)
            while heads[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            heads[slot] = oldHeads[index]
            let bit = Self.filterBit(of: oldKeys[index], bits: filterBits)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }
}
