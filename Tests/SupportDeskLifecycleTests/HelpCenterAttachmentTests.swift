import Foundation
import SupportDesk
import Testing

/// Attachment ids are unique within a ticket: its form and every comment.
@Suite struct HelpCenterAttachmentTests {
    typealias F = LifecycleFixture

    static func file(_ id: SupportDesk.Attachment.ID, _ name: String) -> SupportDesk.Attachment {
        SupportDesk.Attachment(id: id, fileName: name, contentType: "image/png", size: 10)
    }

    static func submission(attachments: [SupportDesk.Attachment]) -> ValidatedSubmission {
        let base = F.submission()
        var values: [FieldDefinition.ID: FieldValue] = [:]
        for (field, value) in base.values { values[field] = value }
        values[CommonField.attachments] = .attachments(attachments)
        return ValidatedSubmission(topicID: base.topicID, categoryID: base.categoryID, values: FieldValues(values))
    }

    @Test(arguments: StoreKind.allCases)
    func aFormWithOneIDTwiceIsRefused(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let customer = Actor.customer(F.email("support@romashka.ru"))
        let twice = Self.submission(attachments: [Self.file("f-1", "a.png"), Self.file("f-1", "b.png")])
        let error = await expectHelpCenterError(.duplicateAttachment) {
            try await f.center.createTicket(twice, by: customer)
        }
        #expect(error?.message.contains("f-1") == true)
        #expect(try await f.center.tickets(by: customer).items.isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func aCommentCannotReuseAnIDOfTheTicket(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let customer = Actor.customer(F.email("support@romashka.ru"))
        let ticket = try await f.center.createTicket(
            Self.submission(attachments: [Self.file("f-1", "a.png")]), by: customer)
        await expectHelpCenterError(.duplicateAttachment) {
            try await f.center.comment(
                on: ticket.number, by: customer, text: "ещё файл", attachments: [Self.file("f-1", "c.png")])
        }
        try await f.center.comment(
            on: ticket.number, by: customer, text: "ещё файл", attachments: [Self.file("f-2", "c.png")])
        await expectHelpCenterError(.duplicateAttachment) {
            try await f.center.comment(
                on: ticket.number, by: customer, text: "и ещё", attachments: [Self.file("f-2", "d.png")])
        }
        await expectHelpCenterError(.duplicateAttachment) {
            try await f.center.comment(
                on: ticket.number, by: customer, text: "два раза",
                attachments: [Self.file("f-3", "e.png"), Self.file("f-3", "f.png")])
        }
        let comments = try await f.center.view(ticket.number, as: customer).comments
        #expect(comments.flatMap(\.attachments).map(\.id) == ["f-2"])
    }
}
