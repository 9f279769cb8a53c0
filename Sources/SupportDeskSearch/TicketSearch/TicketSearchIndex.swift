/// A ranked index of tickets: what customers and agents search, and what finds duplicates before a ticket
/// is created.
///
/// Each ticket is one document with five fields: its summary (weight 3), its description (1.5), the other
/// text fields of its form (0.5), public comments (1) and internal comments (0.7). Customers search only their
/// account and never the internal comments; agents search everything and filter by status and topic.
///
/// A value type: keep it inside an actor (``TicketSearchService`` does, following a store's change feed) or
/// copy it freely.
public struct TicketSearchIndex: Sendable {
    /// The fields of a ticket document.
    public static let fields: [SearchField] = [
        SearchField("summary", weight: 3, lengthNormalization: 0.5),
        SearchField("description", weight: 1.5, lengthNormalization: 0.75),
        SearchField("formFields", weight: 0.5, lengthNormalization: 0.5),
        SearchField("publicComments", weight: 1, lengthNormalization: 0.75),
        SearchField("internalComments", weight: 0.7, lengthNormalization: 0.75),
    ]

    /// The fields a customer's search looks at (not the internal comments).
    static let customerFields = [0, 1, 2, 3]

    /// The underlying index, keyed by ticket.
    public private(set) var index: SearchIndex<IndexedTicket>
    /// Each account's indexed tickets: a customer's search scores only these.
    private var accountTickets: [Account.ID: Set<Ticket.ID>] = [:]
    private var ticketAccount: [Ticket.ID: Account.ID] = [:]

    /// Creates an empty index.
    /// - Parameter configuration: Tuning and synonyms (pass a catalog's synonyms to match `вотсап` with
    ///   `whatsapp`).
    public init(configuration: SearchConfiguration = SearchConfiguration()) {
        index = SearchIndex(fields: Self.fields, configuration: configuration)
    }

    /// Creates an empty index with a catalog's synonyms.
    /// - Parameter catalog: The help-center catalog.
    public init(catalog: Catalog) {
        self.init(configuration: SearchConfiguration(synonyms: catalog.synonyms))
    }

    /// The number of indexed tickets.
    public var count: Int { index.count }

    /// Whether a ticket is indexed.
    /// - Parameter id: The ticket's id.
    /// - Returns: `true` when it is.
    public func contains(_ id: Ticket.ID) -> Bool { index.contains(Self.key(id)) }

    /// Adds a ticket or replaces its earlier version.
    /// - Parameters:
    ///   - ticket: The ticket.
    ///   - comments: Its comments (all visibilities; internal ones are only found by agents).
    public mutating func index(_ ticket: Ticket, comments: [Comment] = []) {
        index.add(Self.document(ticket, comments: comments))
        track(ticket)
    }

    /// Adds many tickets (faster than one by one).
    /// - Parameter tickets: Tickets with their comments.
    public mutating func index(contentsOf tickets: some Sequence<(ticket: Ticket, comments: [Comment])>) {
        for (ticket, comments) in tickets { index(ticket, comments: comments) }
    }

    /// Removes a ticket.
    /// - Parameter id: The ticket's id.
    /// - Returns: `true` when it was indexed.
    @discardableResult
    public mutating func remove(_ id: Ticket.ID) -> Bool {
        if let account = ticketAccount.removeValue(forKey: id) { accountTickets[account]?.remove(id) }
        return index.remove(Self.key(id))
    }

    /// Records which account a ticket belongs to (moving it if the account changed).
    private mutating func track(_ ticket: Ticket) {
        if let previous = ticketAccount[ticket.id], previous != ticket.accountID {
            accountTickets[previous]?.remove(ticket.id)
        }
        ticketAccount[ticket.id] = ticket.accountID
        accountTickets[ticket.accountID, default: []].insert(ticket.id)
    }

    /// Searches tickets.
    /// - Parameters:
    ///   - query: The query as typed.
    ///   - scope: Who searches: a customer (own account, public text) or an agent (all, with filters).
    ///   - limit: The most hits.
    ///   - scratch: Working memory kept between searches.
    /// - Returns: The best tickets and a correction.
    public func search(
        _ query: String, scope: TicketSearchScope, limit: Int = 20, scratch: inout SearchScratch
    ) -> TicketSearchResults {
        let plan = index.plan(query)
        return results(plan, scope: scope, limit: limit, scratch: &scratch, minimumSimilarity: 0, openOnly: false)
    }

    /// Searches tickets with fresh working memory.
    /// - Parameters:
    ///   - query: The query as typed.
    ///   - scope: Who searches.
    ///   - limit: The most hits.
    /// - Returns: The best tickets and a correction.
    public func search(_ query: String, scope: TicketSearchScope, limit: Int = 20) -> TicketSearchResults {
        var scratch = SearchScratch()
        return search(query, scope: scope, limit: limit, scratch: &scratch)
    }

    /// The account's open tickets that look like the same problem as a ticket about to be created.
    ///
    /// The draft's text is weighed like a long query (words that tell tickets apart count, filler does not);
    /// a ticket is returned only when its score reaches `minimumSimilarity` of the best score the text could
    /// get, so unrelated open tickets are not offered.
    /// - Parameters:
    ///   - text: The draft's summary and description.
    ///   - account: The customer's account.
    ///   - topic: The draft's topic, to keep only tickets of the same topic (`nil`: any topic).
    ///   - limit: The most tickets.
    ///   - minimumSimilarity: The least similarity (0...1) for a ticket to count as similar.
    ///   - scratch: Working memory kept between searches.
    /// - Returns: Similar open tickets, most similar first.
    public func similarOpenTickets(
        to text: String, account: Account.ID, topic: Topic.ID? = nil, limit: Int = 5, minimumSimilarity: Double = 0.3,
        scratch: inout SearchScratch
    ) -> [TicketSearchHit] {
        // A draft is complete text: its last word is not a prefix.
        var plan = index.plan(text + " ")
        QueryWeighting.weigh(&plan, in: index)
        let scope = TicketSearchScope.customer(account)
        let filtered = results(
            plan, scope: scope, limit: limit, scratch: &scratch, minimumSimilarity: minimumSimilarity, openOnly: true,
            topic: topic)
        return filtered.hits
    }

    /// The same with fresh working memory.
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
        var scratch = SearchScratch()
        return similarOpenTickets(
            to: text, account: account, topic: topic, limit: limit, minimumSimilarity: minimumSimilarity,
            scratch: &scratch)
    }

    private func results(
        _ plan: QueryPlan, scope: TicketSearchScope, limit: Int, scratch: inout SearchScratch,
        minimumSimilarity: Double, openOnly: Bool, topic: Topic.ID? = nil
    ) -> TicketSearchResults {
        let fields: [Int]?
        let filter: (IndexedTicket) -> Bool
        var restriction: [IndexedTicket]?
        switch scope {
        case .customer(let account):
            fields = Self.customerFields
            restriction = (accountTickets[account] ?? []).map(Self.key)
            filter = { ticket in
                ticket.accountID == account && (!openOnly || ticket.status.isOpen)
                    && (topic == nil || ticket.topicID == topic)
            }
        case .agent(let statuses, let topics):
            fields = nil
            filter = { ticket in
                (statuses?.contains(ticket.status) ?? true) && (topics?.contains(ticket.topicID) ?? true)
                    && (!openOnly || ticket.status.isOpen)
            }
        }
        let hits = index.rank(
            plan, limit: limit, fieldMask: SearchIndex<IndexedTicket>.fieldMask(fields), scratch: &scratch,
            where: filter, restrictedTo: restriction)
        let best = index.maximumScore(of: plan)
        let ticketHits = hits.compactMap { hit -> TicketSearchHit? in
            let similarity = best > 0 ? min(1, hit.score / best) : 0
            guard similarity >= minimumSimilarity else { return nil }
            return TicketSearchHit(ticket: hit.key, score: hit.score, similarity: similarity, matches: hit.matches)
        }
        return TicketSearchResults(hits: ticketHits, correction: plan.correction)
    }

    /// A lookup key for a ticket id (equality and hashing use the id only).
    static func key(_ id: Ticket.ID) -> IndexedTicket { IndexedTicket(lookup: id) }

    /// The document of a ticket.
    static func document(_ ticket: Ticket, comments: [Comment]) -> SearchDocument<IndexedTicket> {
        var document = SearchDocument(key: IndexedTicket(ticket))
        document.append(ticket.summary, to: 0)
        document.append(ticket.details, to: 1)
        for (field, value) in ticket.fields where field != CommonField.summary && field != CommonField.description {
            if case .text(let text) = value { document.append(text, to: 2) }
        }
        for comment in comments where comment.ticketID == ticket.id {
            document.append(comment.body, to: comment.visibility == .public ? 3 : 4)
        }
        return document
    }
}

extension IndexedTicket {
    /// A key that only looks a ticket up by id.
    fileprivate init(lookup id: Ticket.ID) {
        self.id = id
        self.number = Ticket.Number(prefix: "", sequence: 0)
        self.accountID = Account.ID("")
        self.topicID = Topic.ID("")
        self.status = .new
        self.summary = ""
    }
}
