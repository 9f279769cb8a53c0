/// Reusable working memory for searches: per-document accumulators sized to the index, reset by epoch
/// counters instead of clearing, so a search allocates almost nothing.
///
/// Keep one per thread or actor and pass it to ``SearchIndex/search(_:limit:scratch:where:)``; it works
/// with any index.
public struct SearchScratch: Sendable {
    var total: [Float] = []
    var contribution: [Float] = []
    var wordMark: [UInt32] = []
    var queryMark: [UInt32] = []
    var matched: [UInt64] = []
    var touched: [UInt32] = []
    var queryEpoch: UInt32 = 0
    var wordEpoch: UInt32 = 0

    /// Creates empty working memory (it grows with the first searches).
    public init() {}

    mutating func prepare(documents: Int) {
        if total.count < documents {
            let grown = max(documents, total.count * 2)
            total = Array(repeating: 0, count: grown)
            contribution = Array(repeating: 0, count: grown)
            wordMark = Array(repeating: 0, count: grown)
            queryMark = Array(repeating: 0, count: grown)
            matched = Array(repeating: 0, count: grown)
            queryEpoch = 0
            wordEpoch = 0
        }
        touched.removeAll(keepingCapacity: true)
        if queryEpoch == UInt32.max - 1 || wordEpoch > UInt32.max - 1024 {
            for index in queryMark.indices {
                queryMark[index] = 0
                wordMark[index] = 0
            }
            queryEpoch = 0
            wordEpoch = 0
        }
        queryEpoch += 1
    }
}
