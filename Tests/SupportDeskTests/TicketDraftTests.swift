import Foundation
import SupportDesk
import Testing

@Suite struct TicketDraftTests {
    @Test func becomesANewQueuedTicketAtVersionOne() {
        let created = Date(timeIntervalSince1970: 1_800_000_000)
        let draft = TicketDraft(
            numberPrefix: "TW", accountID: "acc", topicID: "chat-dialog", categoryID: "chats",
            fields: FieldValues([CommonField.summary: .text("Бот молчит")]), createdAt: created)
        let ticket = draft.ticket(number: Ticket.Number(prefix: "TW", sequence: 1042))
        #expect(ticket.id == draft.id)
        #expect(ticket.number.description == "TW-1042")
        #expect(ticket.status == .new)
        #expect(ticket.version == 1)
        #expect(ticket.queuedAt == created)
        #expect(ticket.updatedAt == created)
        #expect(ticket.summary == "Бот молчит")
        #expect(ticket.assignee == nil && ticket.replyDeadline == nil && ticket.reminderAt == nil)
        // The default id is time-ordered (UUID version 7), so new tickets append to the stores' id indexes.
        #expect(Array(draft.id.rawValue).count == 36 && Array(draft.id.rawValue)[14] == "7")
    }
}
