/// A word of an analyzed query: what was typed, what it was read as, and how much it weighs.
public struct QueryWord: Hashable, Sendable {
    /// The word as typed, folded (`cwtyfhbq`).
    public var typed: String
    /// The word the search used (`сценарий`), the same as ``typed`` when nothing was repaired.
    public var used: String
    /// How the word was repaired, if it was.
    public var repair: QueryRepair?
    /// Whether the word is a stop word (kept for the correction text, not searched).
    public var isStopWord: Bool
    /// The weight of the word in the query (lower for filler and context words of a long query).
    public var weight: Double

    /// Creates a query word.
    /// - Parameters:
    ///   - typed: The folded word as typed.
    ///   - used: The word searched for.
    ///   - repair: The repair applied.
    ///   - isStopWord: Whether it is a stop word.
    ///   - weight: Its weight.
    public init(typed: String, used: String, repair: QueryRepair? = nil, isStopWord: Bool = false, weight: Double = 1) {
        self.typed = typed
        self.used = used
        self.repair = repair
        self.isStopWord = isStopWord
        self.weight = weight
    }
}
