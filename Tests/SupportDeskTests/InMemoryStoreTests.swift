import Foundation
import SupportDesk
import Testing

/// What the conformance kit does not cover: options of the in-memory store itself.
@Suite struct InMemoryStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func account(_ store: InMemoryStore) async throws -> Account {
        let account = try Account(company: "Ромашка", members: [EmailAddress("anna@romashka.ru")], createdAt: now)
        try await store.createAccount(account)
        return account
    }

    @Test func numbersStartAtTheConfiguredSequence() async throws {
        let store = InMemoryStore(firstTicketSequence: 1_042)
        let account = try await account(store)
        let draft = TicketDraft(
            numberPrefix: "tw", accountID: account.id, topicID: "t", categoryID: "c", fields: FieldValues(),
            createdAt: now)
        let first = try await store.createTicket(draft, history: [], outbox: [])
        #expect(first.number.description == "TW-1042")
        var second = draft
        second.id = .random()
        #expect(try await store.createTicket(second, history: [], outbox: []).number.sequence == 1_043)
    }

    @Test func importBelowTheFirstSequenceDoesNotMoveNumbersBack() async throws {
        let store = InMemoryStore(firstTicketSequence: 100)
        let account = try await account(store)
        let old = Ticket(
            number: Ticket.Number(prefix: "TW", sequence: 3), accountID: account.id, topicID: "t", categoryID: "c",
            fields: FieldValues(), status: .closed, createdAt: now)
        try await store.importTickets([ImportedTicket(ticket: old)])
        let draft = TicketDraft(
            numberPrefix: "TW", accountID: account.id, topicID: "t", categoryID: "c", fields: FieldValues(),
            createdAt: now)
        #expect(try await store.createTicket(draft, history: [], outbox: []).number.sequence == 100)
    }
}
