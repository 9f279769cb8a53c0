/// Interns words (sequences of folded scalars) as dense integer ids, without a `String` per word.
///
/// Scalars live back to back in one array; an open-addressing table maps a word's hash to its id.
struct TermTable: Sendable {
    private(set) var storage: [UInt32] = []
    private(set) var offsets: [UInt32] = [0]
    private var hashes: [UInt32] = []
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    private var mask = 63

    /// The number of words.
    var count: Int { hashes.count }

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

    @inline(__always)
    private func equals(_ id: Int32, _ word: some Collection<UInt32>) -> Bool {
        let start = Int(offsets[Int(id)])
        let end = Int(offsets[Int(id) + 1])
        guard end - start == word.count else { return false }
        var index = start
        for value in word {
            if storage[index] != value { return false }
            index += 1
        }
        return true
    }

    /// The id of a word, if interned.
    func id(of word: some Collection<UInt32>) -> UInt32? {
        if let id = word.withContiguousStorageIfAvailable({ id(ofContiguous: $0) }) { return id }
        let hash = Self.hash(word)
        var slot = Int(hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash && equals(id, word) { return UInt32(id) }
            slot = (slot + 1) & mask
        }
    }

    /// ``id(of:)`` for a word in contiguous memory: hashed and compared through pointers (no index checks).
    private func id(ofContiguous word: UnsafeBufferPointer<UInt32>) -> UInt32? {
        let hash = Self.hash(word)
        return storage.withUnsafeBufferPointer { storage in
            offsets.withUnsafeBufferPointer { offsets in
                hashes.withUnsafeBufferPointer { hashes in
                    slots.withUnsafeBufferPointer { slots in
                        var slot = Int(hash) & mask
                        while true {
                            let id = slots[slot]
                            if id < 0 { return nil }
                            if hashes[Int(id)] == hash {
                                let start = Int(offsets[Int(id)])
                                let end = Int(offsets[Int(id) + 1])
                                if end - start == word.count {
                                    var index = 0
                                    while index < word.count && storage[start + index] == word[index] { index += 1 }
                                    if index == word.count { return UInt32(id) }
                                }
                            }
                            slot = (slot + 1) & mask
                        }
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
                let id = slots[slot]
                if id < 0 { break }
                if hashes[Int(id)] == final { return true }
                slot = (slot + 1) & mask
            }
        }
        return false
    }

    /// The id of a string, if interned.
    func id(of word: String) -> UInt32? { id(of: word.unicodeScalars.map(\.value)) }

    /// Interns a word.
    /// - Returns: Its id and whether it was new.
    mutating func intern(_ word: some Collection<UInt32>) -> (id: UInt32, isNew: Bool) {
        let hash = Self.hash(word)
        var slot = Int(hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && equals(id, word) { return (UInt32(id), false) }
            slot = (slot + 1) & mask
        }
        let newID = Int32(hashes.count)
        storage.append(contentsOf: word)
        offsets.append(UInt32(storage.count))
        hashes.append(hash)
        slots[slot] = newID
        if hashes.count * 2 > slots.count { grow() }
        return (UInt32(newID), true)
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
