import Foundation
import Testing

@testable import SupportDeskSearch

@Suite("TicketSearchService")
struct TicketSearchServiceTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    static func makeStore() async throws -> (InMemoryStore, Account) {
        let store = InMemoryStore()
        let account = try Account(
            company: "Ромашка", members: [try EmailAddress("ops@romashka.example")], createdAt: start)
        try await store.createAccount(account)
        return (store, account)
    }

    static func create(_ store: InMemoryStore, _ account: Account, _ summary: String) async throws -> Ticket {
        let draft = TicketDraft(
            numberPrefix: "TW", accountID: account.id, topicID: "call-campaign", categoryID: "calls",
            fields: FieldValues([CommonField.summary: .text(summary), CommonField.description: .text(summary)]),
            createdAt: start)
        return try await store.createTicket(draft, history: [], outbox: [])
    }

    @Test("Rebuild indexes every ticket of the store; catch-up applies new tickets, changes and comments")
    func followsTheFeed() async throws {
        let (store, account) = try await Self.makeStore()
        let first = try await Self.create(store, account, "Обзвон не запускается")
        _ = try await Self.create(store, account, "Отчёт не выгружается")
        let service = TicketSearchService(store: store, batchSize: 1)
        #expect(try await service.rebuild() == 2)
        #expect(await service.search("обзвон", scope: .agent()).hits.map(\.ticket.id) == [first.id])

        // Nothing happens until the service catches up.
        _ = try await Self.create(store, account, "Рассылка не дошла")
        #expect(await service.search("рассылка", scope: .agent()).hits.isEmpty)
        #expect(try await service.catchUp() == 1)
        #expect(await service.search("рассылка", scope: .agent()).hits.count == 1)

        // A status change and a comment.
        var resolved = first
        resolved.status = .resolved
        let comment = SupportDesk.Comment(
            ticketID: first.id, author: .system, visibility: .public, body: "Транк переподключён", createdAt: Self.start
        )
        _ = try await store.updateTicket(
            resolved, expectedVersion: first.version, history: [], outbox: [], comment: comment)
        try await service.catchUp()
        let hit = await service.search("транк", scope: .customer(account.id)).hits.first
        #expect(hit?.ticket.id == first.id)
        #expect(hit?.ticket.status == .resolved)
        #expect(await service.position == (try await store.latestChangeSequence()))

        // Catching up again with no changes applies nothing; a rebuild gives the same index.
        #expect(try await service.catchUp() == 0)
        #expect(try await service.rebuild() == 3)
        #expect(await service.search("транк", scope: .agent()).hits.map(\.ticket.id) == [first.id])
    }

    @Test("Similar open tickets come from the store's current state")
    func similarTickets() async throws {
        let (store, account) = try await Self.makeStore()
        let open = try await Self.create(store, account, "Робот не звонит по базе, обзвон стоит")
        let service = TicketSearchService(store: store)
        try await service.rebuild()
        let similar = await service.similarOpenTickets(to: "обзвон стоит, робот не звонит", account: account.id)
        #expect(similar.map(\.ticket.id) == [open.id])
    }
}
