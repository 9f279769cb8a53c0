import Foundation
import SupportDesk
import Testing

@Suite struct HelpCenterTests {
    typealias F = LifecycleFixture
    static let day = HelpCenterPolicy.day

    // MARK: Accounts

    @Test(arguments: StoreKind.allCases)
    func aCompanyHasOneAccountAndTheErrorNamesIt(kind: StoreKind) async throws {
        let f = try F(kind)
        let (group, _) = try await f.makeAccounts()
        let error = await expectHelpCenterError(.companyHasAccount) {
            try await f.center.createAccount(company: "  ромашка ", members: [F.email("new@romashka.ru")])
        }
        #expect(error?.context.accountID == group.id)
        #expect(error?.message.contains("Ромашка") == true)
        #expect(error?.message.contains(group.id.rawValue) == true)
    }

    @Test(arguments: StoreKind.allCases)
    func anEmailBelongsToOneAccount(kind: StoreKind) async throws {
        let f = try F(kind)
        let (_, employees) = try await f.makeAccounts()
        let error = await expectHelpCenterError(.emailInAnotherAccount) {
            try await f.center.createAccount(company: "Василёк", members: [F.email("petr@LUTIK.ru")])
        }
        #expect(error?.context.accountID == employees.id)
        #expect(error?.message.contains("Лютик") == true)
        #expect(try await f.store.account(company: "Василёк") == nil)
    }

    /// Addresses compare case-insensitively, the local part too, on every store.
    @Test(arguments: StoreKind.allCases)
    func anEmailInAnotherCaseIsTheSameEmail(kind: StoreKind) async throws {
        let f = try F(kind)
        let (_, employees) = try await f.makeAccounts()
        #expect(try await f.center.account(for: F.email("OLGA@Lutik.RU")).id == employees.id)
        let error = await expectHelpCenterError(.emailInAnotherAccount) {
            try await f.center.createAccount(company: "Василёк", members: [F.email("Petr@lutik.ru")])
        }
        #expect(error?.context.accountID == employees.id)
    }

    /// `account create --email d@d.ru --email D@D.RU` was a generic storage error naming an account that does
    /// not exist; it is `duplicateEmail` naming the address, and nothing is stored.
    @Test(arguments: StoreKind.allCases)
    func oneAddressListedTwiceInAnyCaseIsDuplicateEmail(kind: StoreKind) async throws {
        let f = try F(kind)
        let error = await expectHelpCenterError(.duplicateEmail) {
            try await f.center.createAccount(company: "Д", members: [F.email("d@d.ru"), F.email("D@D.RU")])
        }
        #expect(error?.context.email == F.email("d@d.ru"))
        #expect(error?.context.accountID == nil)
        #expect(error?.message.contains("d@d.ru") == true)
        #expect(try await f.store.account(company: "Д") == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func sharingArrangements(kind: StoreKind) async throws {
        let f = try F(kind)
        let (group, employees) = try await f.makeAccounts()
        #expect(group.notificationRecipients == [F.email("anna@romashka.ru"), F.email("boris@romashka.ru")])
        #expect(employees.notificationRecipients == [F.email("olga@lutik.ru"), F.email("petr@lutik.ru")])
        let architect = try await f.center.createAccount(
            company: "Колокольчик", members: [F.email("architect@kolokol.ru")], sharing: .botArchitect)
        #expect(architect.notificationRecipients == [F.email("architect@kolokol.ru")])
        await expectHelpCenterError(.invalidAccount) {
            try await f.center.createAccount(
                company: "Одуванчик", members: [F.email("a@oduvan.ru"), F.email("b@oduvan.ru")], sharing: .botArchitect)
        }
        await expectHelpCenterError(.invalidAccount) {
            try await f.center.createAccount(
                company: "Одуванчик", members: [F.email("list@oduvan.ru")], sharing: .mailingGroup(fanOut: []))
        }
        // The group address signs in; the fan-out addresses only receive mail.
        #expect(try await f.center.account(for: F.email("support@romashka.ru")).id == group.id)
        await expectHelpCenterError(.unknownCustomer) { try await f.center.account(for: F.email("anna@romashka.ru")) }
    }

    // MARK: Creating tickets

    @Test(arguments: StoreKind.allCases)
    func aTicketGetsANumberAndEntersTheQueue(kind: StoreKind) async throws {
        let f = try F(kind)
        let (group, _) = try await f.makeAccounts()
        let first = try await f.ticket()
        f.time.advance(by: 60)
        let second = try await f.ticket(by: "olga@lutik.ru")
        #expect(first.number.prefix == "TW" && second.number.prefix == "TW")
        #expect(second.number.sequence == first.number.sequence + 1)
        #expect(try Ticket.Number(first.number.description) == first.number)
        #expect(first.status == .new && first.accountID == group.id && first.queuedAt == F.start)
        #expect(first.fields[CommonField.summary] == .text("Бот не отвечает"))
        let queue = try await f.center.queue(agent: "ivan")
        #expect(queue.items.map(\.number) == [first.number, second.number])
        let history = try await f.store.history(ticket: first.id)
        #expect(history.map(\.change) == [.created])
        #expect(history.first?.actor == .customer(F.email("support@romashka.ru")))
        let confirmations = try await f.outbox().filter { $0.ticketID == first.id }
        #expect(confirmations.map(\.kind) == [.ticketCreated, .ticketCreated])
        #expect(Set(confirmations.map(\.recipient)) == [F.email("anna@romashka.ru"), F.email("boris@romashka.ru")])
        #expect(confirmations.allSatisfy { $0.ticketNumber == first.number })
    }

    @Test(arguments: StoreKind.allCases)
    func whoMayCreateATicket(kind: StoreKind) async throws {
        let f = try F(kind)
        let (group, employees) = try await f.makeAccounts()
        await expectHelpCenterError(.unknownCustomer) {
            try await f.center.createTicket(F.submission(), by: .customer(F.email("stranger@example.com")))
        }
        await expectHelpCenterError(.accessDenied) {
            try await f.center.createTicket(F.submission(), by: .customer(F.email("olga@lutik.ru")), account: group.id)
        }
        await expectHelpCenterError(.notPermitted) {
            try await f.center.createTicket(F.submission(), by: .agent("ivan"))
        }
        await expectHelpCenterError(.notPermitted) { try await f.center.createTicket(F.submission(), by: .system) }
        let byAgent = try await f.center.createTicket(F.submission(), by: .agent("ivan"), account: employees.id)
        #expect(byAgent.accountID == employees.id)
        let unknownTopic = ValidatedSubmission(topicID: "no-such-topic", categoryID: "chats", values: FieldValues())
        await expectHelpCenterError(.unknownTopic) {
            try await f.center.createTicket(unknownTopic, by: .customer(F.email("olga@lutik.ru")))
        }
        #expect(try await f.center.tickets(by: .customer(F.email("olga@lutik.ru"))).items.count == 1)
    }

    // MARK: Comments and questions

    @Test(arguments: StoreKind.allCases)
    func anAgentsQuestionWaitsForTheCustomerAndNotifiesEveryAddress(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let waiting = try await f.waitingTicket()
        #expect(waiting.status == .waitingForCustomer)
        #expect(waiting.assignee == "ivan")
        #expect(waiting.replyDeadline == F.start.addingTimeInterval(2 * Self.day))
        #expect(waiting.reminderAt == nil)
        let questions = try await f.outbox().filter { $0.kind == .waitingForReply }
        #expect(Set(questions.map(\.recipient)) == [F.email("anna@romashka.ru"), F.email("boris@romashka.ru")])
        #expect(questions.allSatisfy { $0.body.contains("идентификатор диалога") && $0.commentID != nil })
        let history = try await f.store.history(ticket: waiting.id).map(\.change)
        #expect(history.contains(.status(from: .new, to: .inProgress)))
        #expect(history.contains(.assigned("ivan")))
        #expect(history.last == .status(from: .inProgress, to: .waitingForCustomer))

        f.time.advance(by: 5 * F.hour)
        let answered = try await f.center.comment(
            on: waiting.number, by: .customer(F.email("support@romashka.ru")), text: "Вот он: 77f1…")
        #expect(answered.ticket.status == .inProgress)
        #expect(answered.ticket.replyDeadline == nil)
        let last = try #require(answered.history.last)
        #expect(last.change == .status(from: .waitingForCustomer, to: .inProgress))
        #expect(last.actor == .customer(F.email("support@romashka.ru")))
        #expect(last.at == F.start.addingTimeInterval(5 * F.hour))
    }

    @Test(arguments: StoreKind.allCases)
    func aPublicCommentWithoutAQuestionNotifiesButKeepsTheStatus(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let ticket = try await f.ticket()
        _ = try await f.center.claimNext(agent: "ivan")
        let view = try await f.center.comment(on: ticket.number, by: .agent("ivan"), text: "Смотрим логи.")
        #expect(view.ticket.status == .inProgress)
        #expect(try await f.outbox().filter { $0.kind == .agentComment }.count == 2)
        try await f.center.comment(
            on: ticket.number, by: .agent("ivan"), text: "Похоже на webhook", visibility: .internal)
        #expect(try await f.outbox().filter { $0.kind == .agentComment }.count == 2)
    }

    @Test(arguments: StoreKind.allCases)
    func operationsTheActorMayNotPerform(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let ticket = try await f.ticket()
        let customer = Actor.customer(F.email("support@romashka.ru"))
        await expectHelpCenterError(.notPermitted) {
            try await f.center.comment(on: ticket.number, by: customer, text: "x", visibility: .internal)
        }
        await expectHelpCenterError(.notPermitted) {
            try await f.center.comment(on: ticket.number, by: customer, text: "x", asks: true)
        }
        await expectHelpCenterError(.notPermitted) {
            try await f.center.comment(
                on: ticket.number, by: .agent("ivan"), text: "x", visibility: .internal, asks: true)
        }
        await expectHelpCenterError(.notPermitted) {
            try await f.center.comment(on: ticket.number, by: .system, text: "x")
        }
        await expectHelpCenterError(.notPermitted) { try await f.center.close(ticket.number, by: .system) }
        await expectHelpCenterError(.invalidComment) {
            try await f.center.comment(on: ticket.number, by: customer, text: "  \n ")
        }
        await expectHelpCenterError(.invalidAgent) { try await f.center.claimNext(agent: " ") }
        await expectHelpCenterError(.unknownTicket) {
            try await f.center.view(Ticket.Number(prefix: "TW", sequence: 9999), as: .agent("ivan"))
        }
        // Nothing above changed the ticket.
        #expect(try await f.store.ticket(id: ticket.id)?.version == ticket.version)
    }

    @Test(arguments: StoreKind.allCases)
    func illegalTransitionsNameTheTransition(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let ticket = try await f.ticket()
        let ask = await expectHelpCenterError(.illegalTransition) {
            try await f.center.comment(on: ticket.number, by: .agent("ivan"), text: "Вопрос?", asks: true)
        }
        #expect(ask?.context.transition == .ask)
        #expect(ask?.context.status == .new)
        #expect(ask?.message.contains("claim it first") == true)
        await expectHelpCenterError(.illegalTransition) { try await f.center.resolve(ticket.number, by: "ivan") }
        await expectHelpCenterError(.illegalTransition) {
            try await f.center.refresh(ticket.number, by: F.email("support@romashka.ru"), text: "ещё актуально")
        }
        _ = try await f.center.claimNext(agent: "ivan")
        try await f.center.resolve(ticket.number, by: "ivan", text: "Перезапустили бота.")
        await expectHelpCenterError(.illegalTransition) {
            try await f.center.comment(
                on: ticket.number, by: .customer(F.email("support@romashka.ru")), text: "спасибо")
        }
        await expectHelpCenterError(.illegalTransition) { try await f.center.close(ticket.number, by: .agent("ivan")) }
        let resolved = try #require(try await f.store.ticket(id: ticket.id))
        #expect(resolved.status == .resolved && resolved.closedAt == F.start)
        let notified = try await f.outbox().filter { $0.kind == .resolved }
        #expect(notified.count == 2 && notified.allSatisfy { $0.body.contains("Перезапустили бота.") })
    }

    @Test(arguments: StoreKind.allCases)
    func closingByTheCustomerOrAnAgent(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let first = try await f.ticket()
        let second = try await f.ticket()
        let byCustomer = try await f.center.close(
            first.number, by: .customer(F.email("support@romashka.ru")), reason: "само прошло")
        #expect(byCustomer.status == .closed && byCustomer.closeReason == .closedByCustomer)
        let byAgent = try await f.center.close(second.number, by: .agent("ivan"))
        #expect(byAgent.closeReason == .closedByAgent)
        #expect(try await f.center.queue(agent: "ivan").items.isEmpty)
        await expectHelpCenterError(.illegalTransition) {
            try await f.center.refresh(second.number, by: F.email("support@romashka.ru"), text: "снова")
        }
        let history = try await f.store.history(ticket: first.id)
        #expect(history.last?.reason == "closed at the customer's request: само прошло")
    }

    // MARK: Access

    @Test(arguments: StoreKind.allCases)
    func aCustomerSeesOnlyTheirAccountAndNoInternalComments(kind: StoreKind) async throws {
        let f = try F(kind)
        let (group, _) = try await f.makeAccounts()
        let ticket = try await f.ticket()
        _ = try await f.center.claimNext(agent: "ivan")
        try await f.center.comment(
            on: ticket.number, by: .agent("ivan"), text: "клиент странный", visibility: .internal)
        try await f.center.comment(on: ticket.number, by: .agent("ivan"), text: "Уточните канал", asks: true)
        let stranger = Actor.customer(F.email("olga@lutik.ru"))
        let denied = await expectHelpCenterError(.accessDenied) { try await f.center.view(ticket.number, as: stranger) }
        #expect(denied?.message.contains(ticket.number.description) == true)
        await expectHelpCenterError(.accessDenied) {
            try await f.center.comment(on: ticket.number, by: stranger, text: "x")
        }
        await expectHelpCenterError(.accessDenied) { try await f.center.close(ticket.number, by: stranger) }
        await expectHelpCenterError(.accessDenied) {
            try await f.center.refresh(ticket.number, by: F.email("olga@lutik.ru"), text: "x")
        }
        await expectHelpCenterError(.accessDenied) { try await f.center.tickets(by: stranger, account: group.id) }
        #expect(try await f.center.tickets(by: stranger).items.isEmpty)

        let own = try await f.center.view(ticket.number, as: .customer(F.email("support@romashka.ru")))
        #expect(own.comments.map(\.body) == ["Уточните канал"])
        #expect(!own.history.contains { if case .commented(_, .internal) = $0.change { true } else { false } })
        let agent = try await f.center.view(ticket.number, as: .agent("maria"))
        #expect(agent.comments.map(\.body) == ["клиент странный", "Уточните канал"])
        #expect(agent.history.count == own.history.count + 1)
    }

    // MARK: The 2-day rule

    @Test(arguments: StoreKind.allCases)
    func theTwoDayRuleAtItsEdges(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let waiting = try await f.waitingTicket()
        f.time.set(F.start.addingTimeInterval(47 * F.hour + 59 * F.minute))
        #expect(try await f.center.sweep().closed.isEmpty)
        f.time.set(F.start.addingTimeInterval(48 * F.hour))
        #expect(try await f.center.sweep().closed.isEmpty)
        #expect(try await f.store.ticket(id: waiting.id)?.status == .waitingForCustomer)

        f.time.set(F.start.addingTimeInterval(48 * F.hour + F.minute))
        let report = try await f.center.sweep()
        #expect(report.closed.map(\.number) == [waiting.number])
        let closed = try #require(try await f.store.ticket(id: waiting.id))
        #expect(closed.status == .closed && closed.closeReason == .noCustomerReply)
        #expect(closed.replyDeadline == nil && closed.closedAt == f.time.date)
        let entry = try #require(try await f.store.history(ticket: waiting.id).last)
        #expect(entry.actor == .system && entry.change == .status(from: .waitingForCustomer, to: .closed))
        #expect(entry.reason.hasPrefix("closed automatically: no customer reply"))
        let notified = try await f.outbox().filter { $0.kind == .closedNoReply }
        #expect(Set(notified.map(\.recipient)) == [F.email("anna@romashka.ru"), F.email("boris@romashka.ru")])

        // Idempotent: a second sweep finds nothing and writes nothing.
        let outboxCount = try await f.outbox().count
        #expect(try await f.center.sweep() == SweepReport())
        #expect(try await f.outbox().count == outboxCount)
        #expect(try await f.store.ticket(id: waiting.id)?.version == closed.version)
    }

    @Test(arguments: StoreKind.allCases)
    func aReplyResetsTheDeadline(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let waiting = try await f.waitingTicket()
        f.time.set(F.start.addingTimeInterval(47 * F.hour))
        try await f.center.comment(on: waiting.number, by: .customer(F.email("support@romashka.ru")), text: "Ответ")
        f.time.set(F.start.addingTimeInterval(47 * F.hour + 30 * F.minute))
        let asked = try await f.center.comment(on: waiting.number, by: .agent("ivan"), text: "Ещё вопрос", asks: true)
        #expect(asked.ticket.replyDeadline == f.time.date.addingTimeInterval(2 * Self.day))
        f.time.set(F.start.addingTimeInterval(48 * F.hour + F.minute))
        #expect(try await f.center.sweep().closed.isEmpty)
        f.time.set(F.start.addingTimeInterval(47 * F.hour + 30 * F.minute + 48 * F.hour + F.minute))
        #expect(try await f.center.sweep().closed.map(\.id) == [waiting.id])
    }

    @Test(arguments: StoreKind.allCases)
    func aCustomPeriodIsHonoured(kind: StoreKind) async throws {
        let f = try F(kind, policy: HelpCenterPolicy(replyPeriod: 3 * F.hour))
        _ = try await f.makeAccounts()
        let waiting = try await f.waitingTicket()
        #expect(waiting.replyDeadline == F.start.addingTimeInterval(3 * F.hour))
        f.time.advance(by: 3 * F.hour + 1)
        #expect(try await f.center.sweep().closed.count == 1)
    }

    @Test(arguments: StoreKind.allCases)
    func anOptionalReminderIsSentOnce(kind: StoreKind) async throws {
        let f = try F(kind, policy: HelpCenterPolicy(reminderAfter: Self.day))
        _ = try await f.makeAccounts()
        let waiting = try await f.waitingTicket()
        #expect(waiting.reminderAt == F.start.addingTimeInterval(Self.day))
        f.time.set(F.start.addingTimeInterval(23 * F.hour + 59 * F.minute))
        #expect(try await f.center.sweep().reminded.isEmpty)
        f.time.set(F.start.addingTimeInterval(24 * F.hour + F.minute))
        #expect(try await f.center.sweep().reminded.map(\.id) == [waiting.id])
        f.time.set(F.start.addingTimeInterval(30 * F.hour))
        #expect(try await f.center.sweep() == SweepReport())
        let reminders = try await f.outbox().filter { $0.kind == .reminder }
        #expect(Set(reminders.map(\.recipient)) == [F.email("anna@romashka.ru"), F.email("boris@romashka.ru")])
        #expect(try await f.store.history(ticket: waiting.id).last?.change == .reminded)
        f.time.set(F.start.addingTimeInterval(48 * F.hour + F.minute))
        #expect(try await f.center.sweep().closed.count == 1)
    }

    @Test(arguments: StoreKind.allCases)
    func noReminderByDefault(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let waiting = try await f.waitingTicket()
        #expect(waiting.reminderAt == nil)
        f.time.set(F.start.addingTimeInterval(47 * F.hour))
        #expect(try await f.center.sweep() == SweepReport())
        #expect(try await f.outbox().allSatisfy { $0.kind != .reminder })
    }

    @Test func aReminderMustFallInsideTheReplyPeriod() throws {
        #expect(throws: HelpCenterError.self) { try HelpCenterPolicy(reminderAfter: 2 * Self.day).validate() }
        #expect(throws: HelpCenterError.self) { try HelpCenterPolicy(replyPeriod: 0).validate() }
        #expect(throws: HelpCenterError.self) { try HelpCenterPolicy(ticketNumberPrefix: "T-W").validate() }
        try HelpCenterPolicy(reminderAfter: Self.day).validate()
    }

    // MARK: Refresh

    @Test(arguments: StoreKind.allCases)
    func refreshInsideTheWindowReturnsToTheEndOfTheQueue(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let waiting = try await f.waitingTicket()
        f.time.set(F.start.addingTimeInterval(49 * F.hour))
        try await f.center.sweep()
        f.time.advance(by: Self.day)
        let other = try await f.ticket(by: "olga@lutik.ru")
        f.time.set(F.start.addingTimeInterval(49 * F.hour + 30 * Self.day))  // exactly at the end of the window
        let customer = F.email("support@romashka.ru")
        let before = try await f.center.view(waiting.number, as: .customer(customer))
        #expect(before.refreshableUntil == f.time.date)
        let refreshed = try await f.center.refresh(
            waiting.number, by: customer, text: "Проблема осталась, вот ID диалога")
        #expect(refreshed.ticket.status == .new)
        #expect(
            refreshed.ticket.assignee == nil && refreshed.ticket.closeReason == nil && refreshed.ticket.closedAt == nil)
        #expect(refreshed.ticket.queuedAt == f.time.date)
        #expect(refreshed.comments.last?.body == "Проблема осталась, вот ID диалога")
        #expect(refreshed.history.last?.change == .status(from: .closed, to: .new))
        #expect(try await f.center.queue(agent: "ivan").items.map(\.id) == [other.id, waiting.id])
        #expect(try await f.outbox().filter { $0.kind == .refreshed }.count == 2)
        let claimed = try await f.center.claimNext(agent: "maria")
        #expect(claimed?.id == other.id)
    }

    @Test(arguments: StoreKind.allCases)
    func refreshAfterTheWindowAsksForANewTicket(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let waiting = try await f.waitingTicket()
        f.time.set(F.start.addingTimeInterval(49 * F.hour))
        try await f.center.sweep()
        f.time.advance(by: 30 * Self.day + F.minute)
        let error = await expectHelpCenterError(.refreshWindowExpired) {
            try await f.center.refresh(waiting.number, by: F.email("support@romashka.ru"), text: "актуально")
        }
        #expect(error?.message.contains("create a new ticket") == true)
        #expect(try await f.store.ticket(id: waiting.id)?.status == .closed)
    }
}

extension HelpCenterTests {
    /// The sweep reads only the due tickets (through the deadline index) and writes each once, however many
    /// tickets wait: 300 waiting with staggered deadlines, 7 due.
    @Test(arguments: StoreKind.allCases)
    func theSweepTouchesOnlyTheDueTickets(kind: StoreKind) async throws {
        let base = try F(kind)
        let store = CountingStore(base.store)
        let center = try HelpCenter(
            store: store, catalog: base.center.catalog, policy: base.center.policy, now: base.time.now)
        _ = try await base.makeAccounts()
        // Import 300 tickets waiting for the customer, deadlines one minute apart.
        let account = try #require(try await store.account(memberEmail: F.email("olga@lutik.ru")))
        let tickets = (0..<300).map { index in
            let asked = F.start.addingTimeInterval(Double(index) * F.minute)
            return ImportedTicket(
                ticket: Ticket(
                    number: Ticket.Number(prefix: "TW", sequence: Int64(5000 + index)), accountID: account.id,
                    topicID: "chat-dialog", categoryID: "chats", fields: F.submission().values,
                    status: .waitingForCustomer,
                    assignee: "ivan", createdAt: asked, queuedAt: asked,
                    replyDeadline: asked.addingTimeInterval(2 * Self.day)))
        }
        try await store.importTickets(tickets)
        // The deadlines of the first 7 have passed.
        base.time.set(F.start.addingTimeInterval(2 * Self.day + 6 * F.minute + 30))
        store.reset()
        let report = try await center.sweep(batchSize: 4)
        #expect(report.closed.map(\.number.sequence) == Array(5000..<5007))
        #expect(store.count("ticketRead") == 7)
        #expect(store.count("updateTicket") == 7)
        store.reset()
        // Nothing is due any more: the second sweep reads no ticket at all.
        let second = try await center.sweep(batchSize: 4)
        #expect(second == SweepReport())
        #expect(store.count("ticketRead") == 0 && store.count("updateTicket") == 0)
    }
}

extension HelpCenterTests {
    @Test(arguments: StoreKind.allCases)
    func askingAgainWhileWaitingSetsANewDeadline(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let waiting = try await f.waitingTicket()
        f.time.advance(by: 30 * F.hour)
        let again = try await f.center.comment(
            on: waiting.number, by: .agent("maria"), text: "И ещё: какой браузер?", asks: true)
        #expect(again.ticket.status == .waitingForCustomer)
        #expect(again.ticket.replyDeadline == f.time.date.addingTimeInterval(2 * Self.day))
        #expect(again.history.last?.change == .status(from: .waitingForCustomer, to: .waitingForCustomer))
        f.time.set(F.start.addingTimeInterval(48 * F.hour + F.minute))
        #expect(try await f.center.sweep().closed.isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func aLateReplyBeforeTheSweepStillCounts(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let waiting = try await f.waitingTicket()
        f.time.set(F.start.addingTimeInterval(49 * F.hour))
        let answered = try await f.center.comment(
            on: waiting.number, by: .customer(F.email("support@romashka.ru")), text: "Простите за задержку")
        #expect(answered.ticket.status == .inProgress && answered.ticket.replyDeadline == nil)
        #expect(try await f.center.sweep().closed.isEmpty)
        // Once the sweep has closed a ticket, a comment is refused and points to the refresh.
        let other = try await f.waitingTicket()
        f.time.advance(by: 49 * F.hour)
        try await f.center.sweep()
        let refused = await expectHelpCenterError(.illegalTransition) {
            try await f.center.comment(on: other.number, by: .customer(F.email("support@romashka.ru")), text: "Ответ")
        }
        #expect(refused?.message.contains("refresh") == true)
    }
}
