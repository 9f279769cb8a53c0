/// The Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions and
/// transpositions of two neighbouring letters each cost one edit.
public enum DamerauLevenshtein {
    /// The number of typos a word of a given length may contain and still be corrected: 0 up to 4 letters,
    /// 1 from 5 letters, 2 from 9 letters.
    /// - Parameter length: The word's length in letters.
    /// - Returns: The allowed distance.
    public static func allowedTypos(forLength length: Int) -> Int {
        length >= 9 ? 2 : length >= 5 ? 1 : 0
    }

    /// The distance between two words (compared by Unicode scalars, after folding).
    /// - Parameters:
    ///   - a: A word.
    ///   - b: Another word.
    /// - Returns: The number of edits.
    public static func distance(_ a: String, _ b: String) -> Int {
        let normalizer = TextNormalizer()
        return distance(normalizer.normalize(a).scalarValues, normalizer.normalize(b).scalarValues, limit: Int.max)
    }

    /// The distance between two scalar sequences, or `limit + 1` as soon as it must exceed `limit`.
    static func distance(_ a: [UInt32], _ b: [UInt32], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > limit { return limit == Int.max ? abs(a.count - b.count) : limit + 1 }
        let width = b.count + 1
        var previous2 = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if limit != Int.max && rowMinimum > limit { return limit + 1 }
            swap(&previous2, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The distance between two scalar buffers, or `limit + 1` as soon as it must exceed `limit` (the same
    /// as ``distance(_:_:limit:)`` for arrays, with its three rows in one stack allocation).
    static func distance(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > limit { return limit == Int.max ? abs(a.count - b.count) : limit + 1 }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: width * 3) { rows in
            var previous2 = rows.baseAddress.unsafelyUnwrapped
            var previous = previous2 + width
            var current = previous + width
            for j in 0..<width {
                previous2[j] = 0
                previous[j] = j
                current[j] = 0
            }
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = i
                let letter = a[i - 1]
                for j in 1...b.count {
                    let cost = letter == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, letter == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, previous2[j - 2] + 1)
                    }
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if limit != Int.max && rowMinimum > limit { return limit + 1 }
                let oldest = previous2
                previous2 = previous
                previous = current
                current = oldest
            }
            return previous[b.count]
        }
    }
}
