import Foundation
import Testing

@testable import SupportDeskSearch

@Suite("TicketSearchIndex")
struct TicketSearchIndexTests {
    static let alpha = Account.ID("alpha")
    static let beta = Account.ID("beta")
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    static func ticket(
        _ sequence: Int64, account: Account.ID, topic: Topic.ID = "call-campaign", status: Ticket.Status = .new,
        summary: String, details: String = "", chatID: String? = nil
    ) -> Ticket {
        var fields: [FieldDefinition.ID: FieldValue] = [
            CommonField.summary: .text(summary), CommonField.description: .text(details),
        ]
        if let chatID { fields["chatId"] = .text(chatID) }
        return Ticket(
            id: Ticket.ID("t\(sequence)"), number: Ticket.Number(prefix: "TW", sequence: sequence), accountID: account,
            topicID: topic, categoryID: "calls", fields: FieldValues(fields), status: status, createdAt: start)
    }

    static func comment(
        _ ticket: Ticket, _ body: String, _ visibility: SupportDesk.Comment.Visibility
    ) -> SupportDesk.Comment {
        SupportDesk.Comment(ticketID: ticket.id, author: .system, visibility: visibility, body: body, createdAt: start)
    }

    static func ids(_ hits: [TicketSearchHit]) -> [String] { hits.map(\.ticket.id.rawValue) }

    static func sample() -> TicketSearchIndex {
        var index = TicketSearchIndex(configuration: SearchConfiguration(synonyms: [["вотсап", "whatsapp"]]))
        let campaign = ticket(1, account: alpha, summary: "Обзвон не запускается", details: "Робот не звонит по базе")
        index.index(campaign, comments: [comment(campaign, "Проверили транк, ждём оператора", .internal)])
        let bot = ticket(
            2, account: alpha, topic: "chat-dialog", status: .resolved, summary: "Бот в WhatsApp молчит",
            chatID: "3f2b7c1e-8d1a")
        index.index(bot, comments: [comment(bot, "Перезапустили сценарий бота", .public)])
        index.index(ticket(3, account: beta, summary: "Обзвон остановился", details: "Робот перестал звонить"))
        index.index(ticket(4, account: alpha, status: .waitingForCustomer, summary: "Отчёт не выгружается"))
        return index
    }

    @Test("A customer finds only their account's tickets")
    func customerScope() {
        let index = Self.sample()
        #expect(Self.ids(index.search("обзвон", scope: .customer(Self.alpha)).hits) == ["t1"])
        #expect(Self.ids(index.search("обзвон", scope: .customer(Self.beta)).hits) == ["t3"])
        #expect(Self.ids(index.search("обзвон", scope: .agent()).hits).sorted() == ["t1", "t3"])
    }

    @Test("Internal comments are searched by agents only")
    func internalComments() {
        let index = Self.sample()
        #expect(Self.ids(index.search("транк", scope: .customer(Self.alpha)).hits) == [])
        #expect(Self.ids(index.search("транк", scope: .agent()).hits) == ["t1"])
        // Public comments and form fields are the customer's own text.
        #expect(Self.ids(index.search("перезапустили", scope: .customer(Self.alpha)).hits) == ["t2"])
        #expect(Self.ids(index.search("3f2b7c1e", scope: .customer(Self.alpha)).hits) == ["t2"])
    }

    @Test("Agents filter by status and topic")
    func agentFilters() {
        let index = Self.sample()
        let open: Set<Ticket.Status> = [.new, .inProgress, .waitingForCustomer]
        #expect(Self.ids(index.search("вотсап", scope: .agent(statuses: open)).hits) == [])
        #expect(Self.ids(index.search("вотсап", scope: .agent(statuses: [.resolved])).hits) == ["t2"])
        #expect(
            Self.ids(index.search("робот", scope: .agent(topics: ["call-campaign"])).hits).sorted() == ["t1", "t3"])
        #expect(Self.ids(index.search("робот", scope: .agent(topics: ["chat-dialog"])).hits) == [])
    }

    @Test("A re-indexed ticket replaces the old version: new text, new status")
    func update() {
        var index = Self.sample()
        let changed = Self.ticket(1, account: Self.alpha, status: .closed, summary: "Рассылка не дошла")
        index.index(changed)
        #expect(index.count == 4)
        #expect(Self.ids(index.search("обзвон", scope: .customer(Self.alpha)).hits) == [])
        let hit = index.search("рассылка", scope: .agent()).hits.first
        #expect(hit?.ticket.status == .closed)
        let removed = index.remove("t1")
        #expect(removed)
        #expect(!index.contains("t1"))
    }

    @Test("Similar open tickets: the account's open tickets about the same problem, not unrelated ones")
    func similarTickets() {
        let index = Self.sample()
        let draft = "Здравствуйте, у нас опять обзвон не запускается, робот не звонит клиентам"
        let similar = index.similarOpenTickets(to: draft, account: Self.alpha)
        #expect(Self.ids(similar) == ["t1"])
        #expect(similar.first.map { $0.similarity > 0.3 && $0.similarity <= 1 } == true)
        // Another account's identical ticket is never offered; a resolved ticket is not open.
        #expect(
            Self.ids(index.similarOpenTickets(to: "Обзвон остановился", account: Self.alpha)).contains("t3") == false)
        #expect(Self.ids(index.similarOpenTickets(to: "Бот в WhatsApp молчит", account: Self.alpha)) == [])
        // An unrelated draft finds nothing.
        #expect(Self.ids(index.similarOpenTickets(to: "Хочу сменить тариф и получить акты", account: Self.alpha)) == [])
        #expect(Self.ids(index.similarOpenTickets(to: draft, account: Self.alpha, topic: "chat-dialog")) == [])
    }

    @Test("A customer's search scores only the account's tickets, with the same results as filtering all")
    func customerScopeMatchesFilteredSearch() {
        var index = TicketSearchIndex()
        let phrases = [
            "обзвон не запускается", "робот не звонит", "отчёт не выгружается", "бот молчит", "обзвон стоит",
        ]
        let accounts = (0..<5).map { Account.ID("account-\($0)") }
        for number in 0..<200 {
            index.index(
                Self.ticket(
                    Int64(number + 1), account: accounts[number % 5],
                    summary: phrases[number % phrases.count] + " \(number % 7)"))
        }
        for query in ["обзвон", "робот не звонит", "бот", "отчёт 3"] {
            let all = index.search(query, scope: .agent(), limit: 200).hits
            for account in accounts {
                let own = index.search(query, scope: .customer(account), limit: 5).hits
                let expected = all.filter { $0.ticket.accountID == account }.prefix(5)
                #expect(own.map(\.ticket.id) == expected.map(\.ticket.id), "\(query) \(account)")
            }
        }
    }
}
