/// Keeps a ``TicketSearchIndex`` current by following a store's change feed, and answers searches.
///
/// At start-up, ``rebuild()`` reads the whole feed (every ticket ever written appears in it) and indexes the
/// current version of each ticket; afterwards ``catchUp()`` applies only the changes after the last position
/// it processed, re-reading the tickets they name. Call ``catchUp()`` before searching (or on a timer, or
/// when the application writes): a search sees every change applied so far.
///
/// An actor: searches and updates are serialized, and one instance can be shared by every request handler.
public actor TicketSearchService {
    /// The store whose tickets are indexed.
    public let store: any TicketStore & ChangeFeed
    /// The index.
    public private(set) var index: TicketSearchIndex
    /// The last change-feed position applied (0 before the first change).
    public private(set) var position: Int64 = 0
    /// How many feed entries are read per request.
    public let batchSize: Int

    private var scratch = SearchScratch()

    /// Creates a service with an empty index; call ``rebuild()`` to fill it.
    /// - Parameters:
    ///   - store: The store to follow.
    ///   - configuration: Index tuning and synonyms.
    ///   - batchSize: How many feed entries to read per request (at least 1).
    public init(
        store: any TicketStore & ChangeFeed, configuration: SearchConfiguration = SearchConfiguration(),
        batchSize: Int = 1000
    ) {
        self.store = store
        self.index = TicketSearchIndex(configuration: configuration)
        self.batchSize = max(1, batchSize)
    }

    /// Creates a service with a catalog's synonyms.
    /// - Parameters:
    ///   - store: The store to follow.
    ///   - catalog: The help-center catalog.
    public init(store: any TicketStore & ChangeFeed, catalog: Catalog) {
        self.init(store: store, configuration: SearchConfiguration(synonyms: catalog.synonyms))
    }

    /// Rebuilds the index from the store: empties it and applies the whole change feed.
    /// - Returns: The number of tickets indexed.
    /// - Throws: ``StorageError`` from the store; the index then holds the tickets read so far, and the next
    ///   ``catchUp()`` continues from the last position applied.
    @discardableResult
    public func rebuild() async throws -> Int {
        index = TicketSearchIndex(configuration: index.index.configuration)
        position = 0
        try await catchUp()
        return index.count
    }

    /// Applies the changes made since the last position: each changed ticket is read again and replaced in
    /// the index (a ticket the store no longer has is removed).
    /// - Returns: The number of feed entries applied.
    /// - Throws: ``StorageError`` from the store; changes before the failing batch stay applied.
    @discardableResult
    public func catchUp() async throws -> Int {
        var applied = 0
        while true {
            let entries = try await store.changes(since: position, limit: batchSize)
            guard !entries.isEmpty else { break }
            var seen = Set<Ticket.ID>()
            var batch: [(ticket: Ticket, comments: [Comment])] = []
            for entry in entries where seen.insert(entry.ticketID).inserted {
                if let ticket = try await store.ticket(id: entry.ticketID) {
                    batch.append((ticket, try await store.comments(ticket: ticket.id)))
                } else {
                    index.remove(entry.ticketID)
                }
            }
            index.index(contentsOf: batch)
            position = entries[entries.count - 1].sequence
            applied += entries.count
            if entries.count < batchSize { break }
        }
        return applied
    }

    /// Searches tickets.
    /// - Parameters:
    ///   - query: The query as typed.
    ///   - scope: A customer (own account, public text) or an agent (all, with filters).
    ///   - limit: The most hits.
    /// - Returns: The best tickets and a correction.
    public func search(_ query: String, scope: TicketSearchScope, limit: Int = 20) -> TicketSearchResults {
        index.search(query, scope: scope, limit: limit, scratch: &scratch)
    }

    /// The account's open tickets that look like the same problem as a ticket about to be created.
    /// - Parameters:
    ///   - text: The draft's summary and description.
    ///   - account: The customer's account.
    ///   - topic: The draft's topic (`nil`: any).
    ///   - limit: The most tickets.
    ///   - minimumSimilarity: The least similarity (0...1).
    /// - Returns: Similar open tickets, most similar first.
    public func similarOpenTickets(
        to text: String, account: Account.ID, topic: Topic.ID? = nil, limit: Int = 5, minimumSimilarity: Double = 0.3
    ) -> [TicketSearchHit] {
        index.similarOpenTickets(
            to: text, account: account, topic: topic, limit: limit, minimumSimilarity: minimumSimilarity,
            scratch: &scratch)
    }
}
