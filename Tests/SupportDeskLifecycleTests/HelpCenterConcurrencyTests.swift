import Foundation
import SupportDesk
import SupportDeskSQLite
import Testing

/// Many tasks at once on one store: claims, comments and sweeps.
@Suite struct HelpCenterConcurrencyTests {
    typealias F = LifecycleFixture

    @Test(arguments: StoreKind.allCases)
    func eachTicketIsClaimedExactlyOnce(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        var created: [Ticket.ID] = []
        for index in 0..<40 {
            created.append(try await f.ticket(by: index.isMultiple(of: 2) ? "support@romashka.ru" : "olga@lutik.ru").id)
        }
        let center = f.center
        let claims = try await withThrowingTaskGroup(of: [(Agent.ID, Ticket.ID)].self) { group in
            for agentIndex in 0..<8 {
                group.addTask {
                    let agent = Agent.ID("agent-\(agentIndex)")
                    var mine: [(Agent.ID, Ticket.ID)] = []
                    while let ticket = try await center.claimNext(agent: agent) { mine.append((agent, ticket.id)) }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(claims.count == created.count)
        #expect(Set(claims.map(\.1)) == Set(created))
        for (agent, id) in claims {
            let ticket = try #require(try await f.store.ticket(id: id))
            #expect(ticket.status == .inProgress && ticket.assignee == agent)
            let assignments = try await f.store.history(ticket: id).filter {
                if case .assigned = $0.change { true } else { false }
            }
            #expect(assignments.count == 1)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func concurrentCommentsAreAllKept(kind: StoreKind) async throws {
        let f = try F(kind, policy: HelpCenterPolicy(conflictRetries: 500))
        _ = try await f.makeAccounts()
        let ticket = try await f.ticket()
        _ = try await f.center.claimNext(agent: "ivan")
        let start = try #require(try await f.store.ticket(id: ticket.id))
        let center = f.center
        let writers = 6
        let perWriter = 8
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for index in 0..<perWriter {
                        switch writer % 3 {
                        case 0:
                            try await center.comment(
                                on: ticket.number, by: .agent("ivan"), text: "q \(writer)-\(index)", asks: true)
                        case 1:
                            try await center.comment(
                                on: ticket.number, by: .customer(LifecycleFixture.email("support@romashka.ru")),
                                text: "a \(writer)-\(index)")
                        default:
                            try await center.comment(
                                on: ticket.number, by: .agent("maria"), text: "n \(writer)-\(index)",
                                visibility: .internal)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let comments = try await f.store.comments(ticket: ticket.id)
        #expect(comments.count == writers * perWriter)
        #expect(Set(comments.map(\.body)).count == writers * perWriter)
        let stored = try #require(try await f.store.ticket(id: ticket.id))
        let history = try await f.store.history(ticket: ticket.id)
        let statusChanges = history.filter { if case .status = $0.change { true } else { false } }.count
        // Every write bumped the version exactly once: nothing was lost or applied twice.
        #expect(stored.version == start.version + writers * perWriter)
        #expect(history.count == 3 + writers * perWriter + statusChanges - 1)
        var status: Ticket.Status = .new
        for entry in history {
            if case .status(let from, let to) = entry.change {
                #expect(from == status && TicketStateMachine.isLegalChange(from: from, to: to))
                status = to
            }
        }
        #expect(status == stored.status)
    }

    @Test(arguments: StoreKind.allCases)
    func severalSweepsAtOnceCloseEachTicketOnce(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        var waiting: [Ticket.ID] = []
        for _ in 0..<20 { waiting.append(try await f.waitingTicket().id) }
        f.time.advance(by: 2 * HelpCenterPolicy.day + 60)
        let centers = try (0..<4).map { _ in
            try HelpCenter(store: f.store, catalog: f.center.catalog, policy: f.center.policy, now: f.time.now)
        }
        let reports = try await withThrowingTaskGroup(of: SweepReport.self) { group in
            for center in centers { group.addTask { try await center.sweep(batchSize: 3) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let closed = reports.flatMap(\.closed).map(\.id)
        #expect(closed.count == waiting.count)
        #expect(Set(closed) == Set(waiting))
        for id in waiting {
            let autoCloses = try await f.store.history(ticket: id).filter { $0.actor == .system }
            #expect(autoCloses.count == 1)
        }
        #expect(try await f.outbox().filter { $0.kind == .closedNoReply }.count == 2 * waiting.count)
    }
}

extension HelpCenterConcurrencyTests {
    /// Sweeps and claims from separate SQLite connections on one file, as separate processes would run them.
    @Test func sweepsAndClaimsFromSeparateConnectionsOnOneFile() async throws {
        let f = try F(.sqlite)
        let path = try #require(f.database?.path)
        _ = try await f.makeAccounts()
        var waiting: [Ticket.ID] = []
        for _ in 0..<12 { waiting.append(try await f.waitingTicket().id) }
        for _ in 0..<12 { _ = try await f.ticket(by: "olga@lutik.ru") }
        f.time.advance(by: 2 * HelpCenterPolicy.day + 60)
        let centers = try (0..<3).map { _ in
            try HelpCenter(
                store: try SQLiteStore(path: path), catalog: f.center.catalog, policy: f.center.policy, now: f.time.now)
        }
        let (reports, claims) = try await withThrowingTaskGroup(of: (SweepReport?, [Ticket.ID]).self) { group in
            for (index, center) in centers.enumerated() {
                group.addTask { (try await center.sweep(batchSize: 2), []) }
                group.addTask {
                    var mine: [Ticket.ID] = []
                    while let ticket = try await center.claimNext(agent: Agent.ID("agent-\(index)")) {
                        mine.append(ticket.id)
                    }
                    return (nil, mine)
                }
            }
            return try await group.reduce(into: ([SweepReport](), [Ticket.ID]())) { result, item in
                if let report = item.0 { result.0.append(report) }
                result.1 += item.1
            }
        }
        let closed = reports.flatMap(\.closed).map(\.id)
        #expect(closed.count == waiting.count && Set(closed) == Set(waiting))
        #expect(claims.count == 12 && Set(claims).count == 12)
        for id in waiting {
            #expect(try await f.store.history(ticket: id).filter { $0.actor == .system }.count == 1)
        }
    }
}
