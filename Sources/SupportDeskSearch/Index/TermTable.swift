/// Interns words (sequences of folded scalars) as dense integer ids, without a `String` per word.
///
/// Scalars live back to back in one array; an open-addressing table maps a word's hash to its id. Each slot
/// keeps the hash beside the id, so a probe that meets another word is rejected without reading anything
/// else (in a large vocabulary every extra array read is a cache miss), and words in contiguous memory —
/// every caller's arrays and slices — are hashed and compared through pointers.
struct TermTable: Sendable {
    private(set) var storage: [UInt32] = []
    private(set) var offsets: [UInt32] = [0]
    /// Per slot: `hash << 32 | (id + 1)`, or 0 for an empty slot; at most half the slots are used.
    private var slots: [UInt64] = Array(repeating: 0, count: 64)
    private var mask = 63

    /// The number of words.
    var count: Int { offsets.count - 1 }

    @inline(__always)
    static func hash(_ word: some Collection<UInt32>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for value in word {
            hash = (hash ^ value) &* 16_777_619
        }
        return hash ^ (hash >> 15)
    }

    /// The scalars of a word.
    @inline(__always)
    func scalars(_ id: UInt32) -> ArraySlice<UInt32> {
        storage[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])]
    }

    /// The length of a word in scalars.
    @inline(__always)
    func length(_ id: UInt32) -> Int { Int(offsets[Int(id) + 1] - offsets[Int(id)]) }

    /// A word as a string.
    func string(_ id: UInt32) -> String { String.fromScalars(scalars(id)) }

    /// The id of a word, if interned.
    func id(of word: some Collection<UInt32>) -> UInt32? {
        if let found = word.withContiguousStorageIfAvailable({ find($0).id }) { return found }
        return Array(word).withUnsafeBufferPointer { find($0).id }
    }

    /// The id of a string, if interned.
    func id(of word: String) -> UInt32? { id(of: word.unicodeScalars.map(\.value)) }

    /// Interns a word.
    /// - Returns: Its id and whether it was new.
    mutating func intern(_ word: some Collection<UInt32>) -> (id: UInt32, isNew: Bool) {
        if let interned = word.withContiguousStorageIfAvailable({ intern(contiguous: $0) }) { return interned }
        return Array(word).withUnsafeBufferPointer { intern(contiguous: $0) }
    }

    private mutating func intern(contiguous word: UnsafeBufferPointer<UInt32>) -> (id: UInt32, isNew: Bool) {
        let (found, slot, hash) = find(word)
        if let found { return (found, false) }
        let newID = UInt32(count)
        storage.append(contentsOf: word)
        offsets.append(UInt32(storage.count))
        slots[slot] = UInt64(hash) << 32 | UInt64(newID + 1)
        if count * 2 > slots.count { grow() }
        return (newID, true)
    }

    /// Looks a word up: its id if interned, else `nil` and the empty slot where it would go.
    @inline(__always)
    private func find(_ word: UnsafeBufferPointer<UInt32>) -> (id: UInt32?, slot: Int, hash: UInt32) {
        let hash = Self.hash(word)
        let tag = UInt64(hash)
        return storage.withUnsafeBufferPointer { storage in
            offsets.withUnsafeBufferPointer { offsets in
                slots.withUnsafeBufferPointer { slots in
                    var slot = Int(hash) & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return (nil, slot, hash) }
                        if entry >> 32 == tag {
                            let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                            let start = Int(offsets[id])
                            if Int(offsets[id + 1]) - start == word.count {
                                var index = 0
                                while index < word.count && storage[start + index] == word[index] { index += 1 }
                                if index == word.count { return (UInt32(id), slot, hash) }
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether a prefix of a word of at least `minimumLength` scalars may be interned: `false` means none
    /// is (only hashes are compared, one probe sequence per prefix, the hash computed incrementally).
    func mayHavePrefix(of word: ArraySlice<UInt32>, minimumLength: Int) -> Bool {
        var hash: UInt32 = 2_166_136_261
        var length = 0
        for value in word {
            hash = (hash ^ value) &* 16_777_619
            length += 1
            guard length >= minimumLength else { continue }
            let final = hash ^ (hash >> 15)
            var slot = Int(final) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { break }
                if entry >> 32 == UInt64(final) { return true }
                slot = (slot + 1) & mask
            }
        }
        return false
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        let old = slots
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        for entry in old where entry != 0 {
            var slot = Int(truncatingIfNeeded: entry >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
