import Foundation
import SupportDesk
import Testing

@Suite struct OutboxNotificationTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func newNotificationIsPendingAndDueAtCreation() throws {
        let notification = OutboxNotification(
            id: "n-1", sequence: 1, accountID: "a", ticketID: "t",
            ticketNumber: Ticket.Number(prefix: "TW", sequence: 7),
            recipient: try EmailAddress("anna@romashka.ru"), kind: .agentComment, body: "Ответ", createdAt: now)
        #expect(notification.status == .pending)
        #expect(notification.attempts == 0)
        #expect(notification.nextAttemptAt == now)
        #expect(notification.deliveredAt == nil)
    }

    @Test func roundTripsThroughJSON() throws {
        let notification = OutboxNotification(
            id: "n-1", sequence: 4, accountID: "a", ticketID: "t",
            ticketNumber: Ticket.Number(prefix: "TW", sequence: 7),
            recipient: try EmailAddress("anna@romashka.ru"), kind: OutboxNotification.Kind(rawValue: "custom_kind"),
            body: "Ответ", commentID: "c", createdAt: now, status: .deadLetter, attempts: 5,
            nextAttemptAt: now.addingTimeInterval(60), lastError: "smtp 550")
        let data = try JSONEncoder().encode(notification)
        #expect(try JSONDecoder().decode(OutboxNotification.self, from: data) == notification)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"dead_letter\""))
        #expect(text.contains("\"custom_kind\""))
    }

    @Test func kindsHaveStableNames() {
        let kinds: [OutboxNotification.Kind] = [
            .ticketCreated, .agentComment, .waitingForReply, .reminder, .closedNoReply, .resolved, .refreshed,
        ]
        #expect(Set(kinds.map(\.rawValue)).count == kinds.count)
        #expect(OutboxNotification.Kind.closedNoReply.rawValue == "closed_no_reply")
    }
}
