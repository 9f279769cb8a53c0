/// Interns words (sequences of folded scalars) as dense integer ids, without a `String` per word.
///
/// Scalars live back to back in one array; an open-addressing table maps a word's key to its id. A word of
/// up to nine digits, Latin or Russian letters (most words) is its own key, packed seven bits a letter, so a
/// look-up reads one slot and compares one integer; a longer or rarer word's key is its hash, and a slot
/// whose hash matches is confirmed against the stored scalars. In a large vocabulary each array read is a
/// cache miss: keeping short words out of ``storage`` on look-up cut the misses of a token from three to one.
struct TermTable: Sendable {
    private struct Slot {
        /// A packed word (bit 63 set) or a hash (below 2³²).
        var key: UInt64
        /// The word's id, or `UInt32.max` for an empty slot.
        var id: UInt32
    }

    private(set) var storage: [UInt32] = []
    private(set) var offsets: [UInt32] = [0]
    /// Per word, its text, once ``keepTexts()`` was called (`nil`: texts are made on demand).
    private var texts: [String]?
    /// At most half the slots are used.
    private var slots = [Slot](repeating: Slot(key: 0, id: .max), count: 64)
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

    /// The longest word packed into its key.
    private static let packedLength = 9
    private static let packedFlag: UInt64 = 1 << 63

    /// A scalar's 7-bit code in a packed key (0: the scalar cannot be packed).
    @inline(__always)
    private static func code(_ value: UInt32) -> UInt64 {
        switch value {
        case 0x30...0x39: return UInt64(value - 0x30 + 1)
        case 0x61...0x7A: return UInt64(value - 0x61 + 11)
        case 0x430...0x44F: return UInt64(value - 0x430 + 37)
        case 0x20: return 69
        default: return 0
        }
    }

    /// The key of a word: packed when it can be, else its hash.
    @inline(__always)
    private static func key(_ word: UnsafeBufferPointer<UInt32>) -> UInt64 {
        if word.count <= packedLength {
            var packed: UInt64 = 0
            var index = 0
            while index < word.count {
                let code = code(word[index])
                if code == 0 { break }
                packed = packed << 7 | code
                index += 1
            }
            if index == word.count { return packed | packedFlag }
        }
        return UInt64(hash(word))
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
    func string(_ id: UInt32) -> String {
        if let texts { return texts[Int(id)] }
        return String.fromScalars(scalars(id))
    }

    /// Keeps every word's text from now on, so ``string(_:)`` only hands out a stored `String` (for a small
    /// vocabulary read far more often than it grows: a help center's topics, whose matches and query words
    /// are reported as text per query).
    mutating func keepTexts() {
        guard texts == nil else { return }
        texts = (0..<count).map { String.fromScalars(scalars(UInt32($0))) }
    }

    /// Whether ``keepTexts()`` was called.
    var keepsTexts: Bool { texts != nil }

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
        let (found, slot, key) = find(word)
        if let found { return (found, false) }
        let newID = UInt32(count)
        storage.append(contentsOf: word)
        offsets.append(UInt32(storage.count))
        texts?.append(String.fromScalars(word))
        slots[slot] = Slot(key: key, id: newID)
        if count * 2 > slots.count { grow() }
        return (newID, true)
    }

    /// Looks a word up: its id if interned, else `nil` and the empty slot where it would go.
    @inline(__always)
    private func find(_ word: UnsafeBufferPointer<UInt32>) -> (id: UInt32?, slot: Int, key: UInt64) {
        let key = Self.key(word)
        return slots.withUnsafeBufferPointer { slots in
            var slot = hashSlot(of: key, mask: mask)
            while true {
                let entry = slots[slot]
                if entry.id == .max { return (nil, slot, key) }
                if entry.key == key && (key & Self.packedFlag != 0 || equals(entry.id, word)) {
                    return (entry.id, slot, key)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether an interned word has the given scalars.
    @inline(__always)
    private func equals(_ id: UInt32, _ word: UnsafeBufferPointer<UInt32>) -> Bool {
        storage.withUnsafeBufferPointer { storage in
            offsets.withUnsafeBufferPointer { offsets in
                let start = Int(offsets[Int(id)])
                guard Int(offsets[Int(id) + 1]) - start == word.count else { return false }
                var index = 0
                while index < word.count && storage[start + index] == word[index] { index += 1 }
                return index == word.count
            }
        }
    }

    /// Whether a prefix of a word of at least `minimumLength` scalars may be interned: `false` means none
    /// is (keys compared only — hashes for long prefixes —, the keys computed incrementally).
    func mayHavePrefix(of word: ArraySlice<UInt32>, minimumLength: Int) -> Bool {
        var hash: UInt32 = 2_166_136_261
        var packed: UInt64 = 0
        var packable = true
        var length = 0
        for value in word {
            hash = (hash ^ value) &* 16_777_619
            length += 1
            if packable {
                let code = Self.code(value)
                packable = code != 0 && length <= Self.packedLength
                packed = packed << 7 | code
            }
            guard length >= minimumLength else { continue }
            let key = packable ? packed | Self.packedFlag : UInt64(hash ^ (hash >> 15))
            var slot = hashSlot(of: key, mask: mask)
            while true {
                let entry = slots[slot]
                if entry.id == .max { break }
                if entry.key == key { return true }
                slot = (slot + 1) & mask
            }
        }
        return false
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, id: .max), count: capacity)
        mask = capacity - 1
        for entry in old where entry.id != .max {
            var slot = hashSlot(of: entry.key, mask: mask)
            while slots[slot].id != .max { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
