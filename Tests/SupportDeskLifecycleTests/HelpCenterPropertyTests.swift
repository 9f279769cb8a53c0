import Foundation
import SupportDesk
import SupportDeskTesting
import Testing

/// Random sequences of operations by customers of several accounts and by agents: no customer ever sees
/// another account's ticket or an internal comment, and the state machine is never broken.
@Suite struct HelpCenterPropertyTests {
    typealias F = LifecycleFixture

    static let seeds: [UInt64] = [1, 7, 42, 2026, 31_337, 0xC0FFEE]

    @Test(arguments: StoreKind.allCases, seeds)
    func customersNeverSeeOtherAccountsOrInternalCommentsAndTheMachineHolds(kind: StoreKind, seed: UInt64) async throws
    {
        let f = try F(kind, policy: HelpCenterPolicy(reminderAfter: HelpCenterPolicy.day))
        var random = SeededRandomNumberGenerator(seed: seed)
        let (group, employees) = try await f.makeAccounts()
        let third = try await f.center.createAccount(
            company: "Василёк", members: [F.email("arch@vasilek.ru")], sharing: .botArchitect)
        let customers: [(EmailAddress, Account.ID)] = [
            (F.email("support@romashka.ru"), group.id), (F.email("olga@lutik.ru"), employees.id),
            (F.email("petr@lutik.ru"), employees.id), (F.email("arch@vasilek.ru"), third.id),
        ]
        let agents: [Agent.ID] = ["ivan", "maria", "sergey"]
        var tickets: [Ticket.Number: Account.ID] = [:]
        var internalBodies = Set<String>()

        func randomTicket() -> Ticket.Number? { tickets.keys.sorted().randomElement(using: &random) }

        for step in 0..<160 {
            let (email, accountID) = customers.randomElement(using: &random) ?? customers[0]
            let customer = Actor.customer(email)
            let agent = agents.randomElement(using: &random) ?? "ivan"
            let roll = Int.random(in: 0..<100, using: &random)
            do {
                switch roll {
                case 0..<14:
                    let ticket = try await f.center.createTicket(F.submission(summary: "step \(step)"), by: customer)
                    tickets[ticket.number] = accountID
                case 14..<26:
                    _ = try await f.center.claimNext(agent: agent)
                case 26..<44:
                    guard let number = randomTicket() else { continue }
                    let isInternal = Bool.random(using: &random)
                    let body = isInternal ? "internal \(step) \(seed)" : "public \(step)"
                    if isInternal { internalBodies.insert(body) }
                    try await f.center.comment(
                        on: number, by: .agent(agent), text: body, visibility: isInternal ? .internal : .public,
                        asks: !isInternal && Bool.random(using: &random))
                case 44..<58:
                    guard let number = randomTicket() else { continue }
                    let view = try await f.center.comment(on: number, by: customer, text: "customer \(step)")
                    #expect(tickets[number] == accountID, "a comment on another account's ticket was accepted")
                    try check(view, for: accountID, internal: internalBodies)
                case 58..<72:
                    guard let number = randomTicket() else { continue }
                    let view = try await f.center.view(number, as: customer)
                    #expect(tickets[number] == accountID, "\(email) saw \(number) of another account")
                    try check(view, for: accountID, internal: internalBodies)
                case 72..<76:
                    let page = try await f.center.tickets(by: customer, limit: 500)
                    #expect(page.items.allSatisfy { $0.accountID == accountID })
                    #expect(Set(page.items.map(\.number)) == Set(tickets.filter { $0.value == accountID }.keys))
                case 76..<82:
                    guard let number = randomTicket() else { continue }
                    try await f.center.resolve(number, by: agent, text: Bool.random(using: &random) ? "готово" : nil)
                case 82..<85:
                    guard let number = randomTicket() else { continue }
                    try await f.center.close(number, by: Bool.random(using: &random) ? customer : .agent(agent))
                case 85..<93:
                    f.time.advance(by: Double(Int.random(in: 0...(30 * 3600), using: &random)))
                    try await f.center.sweep()
                default:
                    guard let number = randomTicket() else { continue }
                    let view = try await f.center.refresh(number, by: email, text: "refresh \(step)")
                    #expect(tickets[number] == accountID)
                    try check(view, for: accountID, internal: internalBodies)
                }
            } catch let error as HelpCenterError {
                // Refusals are fine when they are the right ones.
                let allowed: Set<String> = ["accessDenied", "illegalTransition", "refreshWindowExpired"]
                #expect(allowed.contains(error.code.description), "step \(step): unexpected \(error)")
                if error.code == .accessDenied {
                    #expect(error.context.ticketNumber.flatMap { tickets[$0] } != accountID, "\(error)")
                } else if let number = error.context.ticketNumber, error.context.actor == customer {
                    #expect(tickets[number] == accountID, "a refusal other than accessDenied leaked \(number)")
                }
            }
        }

        // The state machine holds for every ticket: every recorded status change is legal, the changes
        // chain, and the stored ticket agrees with its last change.
        for number in tickets.keys {
            let ticket = try #require(try await f.store.ticket(number: number))
            var status: Ticket.Status?
            for entry in try await f.store.history(ticket: ticket.id) {
                switch entry.change {
                case .created: status = .new
                case .status(let from, let to):
                    #expect(
                        from == status,
                        "\(number): a change from \(from) while the ticket was \(String(describing: status))")
                    #expect(TicketStateMachine.isLegalChange(from: from, to: to), "\(number): \(from) → \(to)")
                    status = to
                default: break
                }
            }
            #expect(status == ticket.status, "\(number)")
            #expect((ticket.status == .waitingForCustomer) == (ticket.replyDeadline != nil), "\(number)")
            #expect((ticket.status == .closed) == (ticket.closeReason != nil), "\(number)")
            #expect(ticket.status.isOpen == (ticket.closedAt == nil), "\(number)")
            #expect(ticket.status != .new || ticket.assignee == nil, "\(number)")
            if let reminder = ticket.reminderAt {
                #expect(ticket.status == .waitingForCustomer && reminder < (ticket.replyDeadline ?? .distantPast))
            }
        }
        // Notifications only ever go to the ticket's own account.
        for notification in try await f.outbox() {
            #expect(tickets[notification.ticketNumber] == notification.accountID)
            let account = try #require(try await f.store.account(id: notification.accountID))
            #expect(account.notificationRecipients.contains(notification.recipient))
            #expect(!internalBodies.contains { notification.body.contains($0) })
        }
    }

    private func check(_ view: TicketView, for account: Account.ID, internal hidden: Set<String>) throws {
        #expect(view.ticket.accountID == account)
        #expect(view.comments.allSatisfy { $0.visibility == .public && !hidden.contains($0.body) })
        #expect(view.history.allSatisfy(TicketView.isVisibleToCustomers))
    }
}
