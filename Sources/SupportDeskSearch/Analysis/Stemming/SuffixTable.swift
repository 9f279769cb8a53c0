/// A set of suffixes with an action number each, searched for the longest one that ends a word.
///
/// This is the Snowball `among` construct as the stemmers use it: the longest listed suffix that ends at
/// `end` and starts no earlier than `limit` wins; shorter suffixes are not tried when the winner's action
/// later fails its condition. Suffixes are bucketed by their final scalar, longest first, so a lookup
/// compares a handful of candidates.
struct SuffixTable: Sendable {
    /// The suffix found: its length in scalars and its action number.
    struct Match {
        var length: Int
        var action: Int
    }

    private struct Entry {
        var offset: Int32
        var length: Int32
        var action: Int32
    }

    /// Scalar value of the smallest final scalar; buckets are indexed by `final - lowest`.
    private let lowest: UInt32
    /// `bucketStarts[b] ..< bucketStarts[b + 1]` are the entries whose final scalar is `lowest + b`.
    private let bucketStarts: [Int32]
    private let entries: [Entry]
    /// The suffixes' scalar values, one after another.
    private let pool: [UInt32]

    /// Builds a table.
    /// - Parameter suffixes: Non-empty suffixes and their action numbers.
    init(_ suffixes: [(String, Int)]) {
        let lastValues = suffixes.compactMap { $0.0.unicodeScalars.last?.value }
        let lowest = lastValues.min() ?? 0
        let highest = lastValues.max() ?? 0
        let span = Int(highest - lowest) + 1
        let sorted = suffixes.filter { !$0.0.isEmpty }.sorted { left, right in
            let leftLast = left.0.unicodeScalars.last?.value ?? 0
            let rightLast = right.0.unicodeScalars.last?.value ?? 0
            if leftLast != rightLast { return leftLast < rightLast }
            return left.0.unicodeScalars.count > right.0.unicodeScalars.count
        }
        var pool: [UInt32] = []
        var entries: [Entry] = []
        var bucketStarts = [Int32](repeating: 0, count: span + 1)
        for (suffix, action) in sorted {
            let values = suffix.unicodeScalars.map(\.value)
            entries.append(Entry(offset: Int32(pool.count), length: Int32(values.count), action: Int32(action)))
            pool.append(contentsOf: values)
            if let last = values.last { bucketStarts[Int(last - lowest) + 1] += 1 }
        }
        for bucket in 0..<span { bucketStarts[bucket + 1] += bucketStarts[bucket] }
        self.lowest = lowest
        self.bucketStarts = bucketStarts
        self.entries = entries
        self.pool = pool
    }

    /// Finds the longest suffix of `word[limit ..< end]` listed in the table.
    /// - Parameters:
    ///   - word: The word being stemmed.
    ///   - end: Where the suffix must end (exclusive).
    ///   - limit: How far back the suffix may start.
    /// - Returns: The match, or `nil` when no listed suffix fits.
    @inline(__always)
    func longestMatch(in word: UnsafeBufferPointer<Unicode.Scalar>, end: Int, limit: Int) -> Match? {
        guard end > limit else { return nil }
        let bucket = Int(word[end - 1].value &- lowest)
        guard bucket < bucketStarts.count - 1 else { return nil }
        let available = end - limit
        return pool.withUnsafeBufferPointer { pool in
            entries.withUnsafeBufferPointer { entries in
                var index = Int(bucketStarts[bucket])
                let stop = Int(bucketStarts[bucket + 1])
                candidates: while index < stop {
                    let entry = entries[index]
                    index += 1
                    let length = Int(entry.length)
                    if length > available { continue }
                    let start = Int(entry.offset)
                    var position = length - 2
                    while position >= 0 {
                        if pool[start + position] != word[end - length + position].value { continue candidates }
                        position -= 1
                    }
                    return Match(length: length, action: Int(entry.action))
                }
                return nil
            }
        }
    }

    /// ``longestMatch(in:end:limit:)`` over a scalar array, with no region limit.
    /// - Parameters:
    ///   - word: The word being stemmed.
    ///   - end: Where the suffix must end (exclusive).
    /// - Returns: The match, or `nil` when no listed suffix fits.
    @inline(__always)
    func longestMatch(_ word: [Unicode.Scalar], end: Int) -> Match? {
        word.withUnsafeBufferPointer { longestMatch(in: $0, end: end, limit: 0) }
    }
}
