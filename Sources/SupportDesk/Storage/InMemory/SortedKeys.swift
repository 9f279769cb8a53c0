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

/// A sorted array of unique keys with binary-search insert, remove and lookup: the in-memory stand-in for
/// a B-tree index (logarithmic search, cost of a range read proportional to its length).
struct SortedKeys<Key: Comparable & Sendable>: Sendable {
    private(set) var keys: [Key] = []

    /// The index of the first key not less than `key`.
    func lowerBound(_ key: Key) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of the first key greater than `key`.
    func upperBound(_ key: Key) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if key < keys[middle] { high = middle } else { low = middle + 1 }
        }
        return low
    }

    mutating func insert(_ key: Key) {
        let index = lowerBound(key)
        if index < keys.count, keys[index] == key { return }
        keys.insert(key, at: index)
    }

    mutating func remove(_ key: Key) {
        let index = lowerBound(key)
        if index < keys.count, keys[index] == key { keys.remove(at: index) }
    }

    var first: Key? { keys.first }
    var count: Int { keys.count }
}
