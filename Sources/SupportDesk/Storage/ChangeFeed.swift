/// A monotonic feed of ticket changes, for search indexes and other readers that keep a copy current.
///
/// ## Implementation requirements
///
/// - Every ticket write of ``TicketStore`` appends its entries in the same transaction as the write;
///   a write that fails appends nothing.
/// - ``ChangeFeedEntry/sequence`` is strictly increasing in commit order, starting above 0. A reader that
///   has seen position `p` never later finds a new entry at or below `p` (in PostgreSQL this means
///   serializing feed appends, since sequence values can commit out of order). Gaps are allowed.
/// - ``changes(since:limit:)`` returns entries with sequence greater than `since`, ascending.
/// - Entries are not removed while the store lives (a backend may document a retention policy).
public protocol ChangeFeed: Sendable {
    /// Reads the changes after a position.
    /// - Parameters:
    ///   - position: The last sequence already processed (0 to read from the start).
    ///   - limit: The most entries to return (at least 1).
    /// - Returns: Entries with `sequence > position`, ascending.
    /// - Throws: ``StorageError`` `invalidArgument`, `backendFailure`.
    func changes(since position: Int64, limit: Int) async throws -> [ChangeFeedEntry]

    /// The sequence of the latest entry, or 0 when the feed is empty.
    /// - Returns: The latest position.
    /// - Throws: ``StorageError`` `backendFailure`.
    func latestChangeSequence() async throws -> Int64
}
