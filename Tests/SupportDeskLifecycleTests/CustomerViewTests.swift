import Foundation
import SupportDesk
import Testing

/// A customer's view reveals no hidden activity: after an internal comment, everything a customer can get
/// about the ticket is identical, while agents see the stored version move.
@Suite struct CustomerViewTests {
    typealias F = LifecycleFixture

    @Test(arguments: StoreKind.allCases)
    func anInternalCommentLeavesTheCustomerViewIdentical(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let customer = Actor.customer(F.email("support@romashka.ru"))
        let created = try await f.ticket()
        _ = try await f.center.claimNext(agent: "ivan")
        try await f.center.comment(on: created.number, by: .agent("ivan"), text: "Смотрим логи.")
        let before = try await f.center.view(created.number, as: customer)
        let listedBefore = try await f.center.tickets(by: customer).items
        let agentBefore = try await f.center.view(created.number, as: .agent("ivan"))

        f.time.advance(by: F.hour)
        try await f.center.comment(
            on: created.number, by: .agent("ivan"), text: "Клиент сам сломал webhook", visibility: .internal)
        try await f.center.comment(on: created.number, by: .agent("olga"), text: "Согласна", visibility: .internal)

        let after = try await f.center.view(created.number, as: customer)
        #expect(after == before)
        #expect(try await f.center.tickets(by: customer).items == listedBefore)
        let agentAfter = try await f.center.view(created.number, as: .agent("ivan"))
        #expect(agentAfter.ticket.version == agentBefore.ticket.version + 2)
        #expect(agentAfter.ticket.updatedAt == F.start.addingTimeInterval(F.hour))
    }

    @Test(arguments: StoreKind.allCases)
    func theCustomerVersionMovesWithVisibleChanges(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let customer = Actor.customer(F.email("support@romashka.ru"))
        let created = try await f.ticket()
        #expect(created.version == 1)
        let first = try await f.center.view(created.number, as: customer)
        try await f.center.comment(on: created.number, by: .agent("ivan"), text: "внутреннее", visibility: .internal)
        f.time.advance(by: F.minute)
        let answered = try await f.center.comment(on: created.number, by: customer, text: "Ещё деталь")
        #expect(answered.ticket.version == first.ticket.version + 1)
        #expect(answered.ticket.updatedAt == F.start.addingTimeInterval(F.minute))
        let closed = try await f.center.close(created.number, by: customer, reason: "решилось")
        #expect(closed.version == answered.ticket.version + 1)
        let stored = try #require(try await f.store.ticket(id: created.id))
        #expect(stored.version == closed.version + 1)
    }
}
