/// The best `capacity` entries seen so far, in a binary heap whose root is the worst kept entry.
///
/// Order (best first): higher score, then more matched query words, then the earlier document.
struct TopKHeap {
    struct Entry {
        var score: Float
        var matched: Int
        var doc: UInt32

        /// Whether `self` ranks above `other`.
        @inline(__always)
        func isBetter(than other: Entry) -> Bool {
            if score != other.score { return score > other.score }
            if matched != other.matched { return matched > other.matched }
            return doc < other.doc
        }
    }

    let capacity: Int
    private var entries: [Entry] = []

    init(capacity: Int) {
        self.capacity = capacity
        entries.reserveCapacity(capacity)
    }

    /// Whether an entry would be kept.
    @inline(__always)
    func wouldAccept(_ entry: Entry) -> Bool {
        guard entry.score > 0 else { return false }
        return entries.count < capacity || entry.isBetter(than: entries[0])
    }

    mutating func insert(_ entry: Entry) {
        if entries.count < capacity {
            entries.append(entry)
            var child = entries.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard entries[parent].isBetter(than: entries[child]) else { break }
                entries.swapAt(parent, child)
                child = parent
            }
        } else if entry.isBetter(than: entries[0]) {
            entries[0] = entry
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var worst = parent
                if left < entries.count && entries[worst].isBetter(than: entries[left]) { worst = left }
                if right < entries.count && entries[worst].isBetter(than: entries[right]) { worst = right }
                if worst == parent { break }
                entries.swapAt(parent, worst)
                parent = worst
            }
        }
    }

    func sortedBestFirst() -> [Entry] { entries.sorted { $0.isBetter(than: $1) } }

    /// The number of kept entries.
    var count: Int { entries.count }

    /// The score of the worst kept entry (0 when empty).
    var worstScore: Float { entries.first?.score ?? 0 }
}
