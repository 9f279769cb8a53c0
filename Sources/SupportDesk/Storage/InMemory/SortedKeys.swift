#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The sort key of the in-memory indexes: a time, then a ticket's number sequence to break ties.
struct TimeKey: Hashable, Comparable, Sendable {
    var time: Date
    var sequence: Int64

    static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.time, lhs.sequence) < (rhs.time, rhs.sequence)
    }
}

/// A sorted collection of unique keys with binary-search insert, remove and lookup: the in-memory stand-in
/// for a B-tree index (logarithmic search, a range read costs its length).
///
/// Removing the first key — what claiming from the queue and sweeping due deadlines do — is O(1): the
/// storage keeps a start offset and compacts only when half of it is dead.
struct SortedKeys<Key: Comparable & Sendable>: Sendable {
    private var storage: [Key] = []
    private var start = 0

    /// The live keys, in order.
    var keys: ArraySlice<Key> { storage[start...] }

    /// The number of keys.
    var count: Int { storage.count - start }

    /// The smallest key.
    var first: Key? { start < storage.count ? storage[start] : nil }

    /// The key at a position (0 is the smallest).
    subscript(position: Int) -> Key { storage[start + position] }

    /// The position of the first key not less than `key`.
    func lowerBound(_ key: Key) -> Int {
        var low = start
        var high = storage.count
        while low < high {
            let middle = (low + high) / 2
            if storage[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low - start
    }

    /// The position of the first key greater than `key`.
    func upperBound(_ key: Key) -> Int {
        var low = start
        var high = storage.count
        while low < high {
            let middle = (low + high) / 2
            if key < storage[middle] { high = middle } else { low = middle + 1 }
        }
        return low - start
    }

    mutating func insert(_ key: Key) {
        let position = lowerBound(key)
        if position < count, self[position] == key { return }
        if position == 0, start > 0 {
            start -= 1
            storage[start] = key
        } else {
            storage.insert(key, at: start + position)
        }
    }

    mutating func remove(_ key: Key) {
        let position = lowerBound(key)
        guard position < count, self[position] == key else { return }
        if position == 0 {
            start += 1
            if start == storage.count {
                storage.removeAll(keepingCapacity: true)
                start = 0
            } else if start > 1_024, start * 2 > storage.count {
                storage.removeFirst(start)
                start = 0
            }
        } else {
            storage.remove(at: start + position)
        }
    }
}
