/// Reusable working memory for searches: one accumulator slot per document, sized to the index and reset
/// by epoch counters instead of clearing, so a search allocates almost nothing.
///
/// Keep one per thread or actor and pass it to ``SearchIndex/search(_:limit:fields:scratch:where:)``; it
/// works with any index.
public struct SearchScratch: Sendable {
    /// The per-document state of a search, in one 24-byte slot (one cache line holds a few documents).
    struct Slot {
        /// The document's score so far.
        var total: Float = 0
        /// The current word's contribution to ``total`` (a word keeps its best form).
        var contribution: Float = 0
        /// The word epoch in which ``contribution`` was set.
        var wordMark: UInt32 = 0
        /// The query epoch in which the slot was first touched (older slots count as empty).
        var queryMark: UInt32 = 0
        /// A bit per query word matched.
        var matched: UInt64 = 0
    }

    var slots: [Slot] = []
    /// The documents touched by the current query (the first `touchedCount` entries).
    var touched: [UInt32] = []
    var touchedCount = 0
    var queryEpoch: UInt32 = 0
    var wordEpoch: UInt32 = 0
    /// The working arrays of the exhaustive ranking of small indexes.
    var exhaustive = ExhaustiveRankingBuffers()

    /// Creates empty working memory (it grows with the first searches).
    public init() {}

    /// The touched documents of the current query.
    var touchedDocuments: ArraySlice<UInt32> { touched[0..<touchedCount] }

    mutating func prepare(documents: Int) {
        if slots.count < documents {
            let grown = max(documents, slots.count * 2)
            slots = Array(repeating: Slot(), count: grown)
            touched = Array(repeating: 0, count: grown)
            queryEpoch = 0
            wordEpoch = 0
        }
        touchedCount = 0
        if queryEpoch >= UInt32.max - 1 || wordEpoch > UInt32.max - 4096 {
            for index in slots.indices { slots[index] = Slot() }
            queryEpoch = 0
            wordEpoch = 0
        }
        queryEpoch += 1
    }
}
