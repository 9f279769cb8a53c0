import Foundation
import SupportDeskSearch
import Testing

/// The code of `Documentation/GettingStarted.md`, step 3, kept compiling and correct: suggest a topic,
/// validate a form, create a ticket, ask the customer, and let the two-day rule close it.
@Suite("Getting started example")
struct GettingStartedExampleTests {
    @Test func theGuidesStoryRuns() async throws {
        let catalog = try Catalog.twinHelpCenter()

        // A customer types a phrase; search suggests the topic.
        let suggester = TopicSuggester(catalog: catalog)
        let best = try #require(suggester.suggest("бот не отвечает в вотсапе").topics.first)
        #expect(best.topic.id == "chat-dialog")

        // The form is validated: every problem at once, or a submission a ticket can be made from.
        let validator = FormValidator(catalog: catalog)
        let input: JSONValue = [
            "accountNumber": "123456",
            "summary": "Бот не отвечает в WhatsApp",
            "description": "С утра бот молчит в WhatsApp. Шаги: написать боту «привет» — ответа нет.",
            "chatId": "3f2c9a10-1b2c-4d5e-8f90-a1b2c3d4e5f6",
            "channel": "whatsapp",
            "dialogId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        ]
        let submission: ValidatedSubmission
        switch validator.validate(topic: best.topic.id, input: input) {
        case .success(let valid): submission = valid
        case .failure(let failure):
            Issue.record("the form should be valid: \(failure.messages(in: .en))")
            return
        }

        // The help center: a store, the catalog, the rules, and a clock tests can move.
        let clock = ManualTime(Date(timeIntervalSince1970: 1_800_000_000))
        let helpCenter = try HelpCenter(store: InMemoryStore(), catalog: catalog, now: clock.now)
        let customer = try EmailAddress("anna@romashka.ru")
        try await helpCenter.createAccount(company: "Ромашка", members: [customer])
        let ticket = try await helpCenter.createTicket(submission, by: Actor.customer(customer))
        #expect(ticket.number.description == "TW-1")

        // An agent claims it and asks a question: the ticket waits for the customer.
        let agent = Actor.agent("ivan")
        _ = try await helpCenter.claimNext(agent: "ivan")
        try await helpCenter.comment(on: ticket.number, by: agent, text: "Пришлите скриншот настроек", asks: true)

        // No answer for more than two days: the sweep closes it.
        clock.advance(by: 48 * 3600 + 60)
        let report = try await helpCenter.sweep()
        #expect(report.closed.map(\.number) == [ticket.number])
        #expect(report.closed.first?.closeReason == .noCustomerReply)
    }
}
