import Foundation
import SupportDesk
import Testing

/// Comments and reasons are cleaned like form text fields and limited in length at every entry point of
/// the help center: no escape sequence, bidi override or NUL reaches a store, a terminal or an email.
@Suite struct TicketTextTests {
    typealias F = LifecycleFixture

    static let escapes = "\u{1B}[2J\u{1B}]0;PWNED\u{07}Привет"
    static let bidi = "file\u{202E}gpj.exe\u{2066}x\u{2069}"
    static let nul = "a\u{0}b\u{0}\nвторая строка\t!"

    /// Whether the text holds any control character but line feed and tab, or a bidi control.
    static func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in
            let value = scalar.value
            return (value < 0x20 && value != 0x0A && value != 0x09) || (value >= 0x7F && value < 0xA0)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                || (0x200E...0x200F).contains(value)
        }
    }

    @Test func commentsAreCleanedLikeMultilineFields() {
        #expect(TicketText.cleanComment(Self.escapes) == "[2J]0;PWNEDПривет")
        #expect(TicketText.cleanComment(Self.bidi) == "filegpj.exex")
        #expect(TicketText.cleanComment(Self.nul) == "ab\nвторая строка\t!")
        // A reason is one line: control characters and line breaks become single spaces, as in a text field.
        #expect(TicketText.cleanReason(Self.nul) == "a b вторая строка !")
        #expect(TicketText.cleanComment("  \u{1B}\u{0}\u{202E}  ").isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func hostileCommentTextIsStoredClean(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let ticket = try await f.ticket()
        _ = try await f.center.claimNext(agent: "ivan")
        let customer = Actor.customer(F.email("support@romashka.ru"))
        for text in [Self.escapes, Self.bidi, Self.nul] {
            try await f.center.comment(on: ticket.number, by: customer, text: text)
            try await f.center.comment(on: ticket.number, by: .agent("ivan"), text: text, visibility: .internal)
        }
        let comments = try await f.center.view(ticket.number, as: .agent("ivan")).comments
        #expect(comments.count == 6)
        #expect(comments.allSatisfy { Self.isClean($0.body) }, "\(comments.map(\.body))")
        #expect(comments.first?.body == "[2J]0;PWNEDПривет")
        let outbox = try await f.outbox()
        #expect(outbox.allSatisfy { Self.isClean($0.body) })
    }

    @Test(arguments: StoreKind.allCases)
    func closeReasonsAndResolutionsAreCleaned(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let first = try await f.ticket()
        _ = try await f.center.claimNext(agent: "ivan")
        try await f.center.resolve(first.number, by: "ivan", text: Self.escapes)
        let second = try await f.ticket()
        try await f.center.close(second.number, by: .agent("ivan"), reason: Self.escapes + Self.bidi)
        for number in [first.number, second.number] {
            let view = try await f.center.view(number, as: .agent("ivan"))
            #expect(view.comments.allSatisfy { Self.isClean($0.body) })
            #expect(view.history.allSatisfy { Self.isClean($0.reason) }, "\(view.history.map(\.reason))")
        }
        let closed = try await f.center.view(second.number, as: .agent("ivan"))
        #expect(closed.history.last?.reason.hasSuffix(": [2J ]0;PWNED Приветfilegpj.exex") == true)
    }

    @Test(arguments: StoreKind.allCases)
    func blankAfterCleaningIsInvalidComment(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let ticket = try await f.ticket()
        let customer = Actor.customer(F.email("support@romashka.ru"))
        await expectHelpCenterError(.invalidComment) {
            try await f.center.comment(on: ticket.number, by: customer, text: "\u{0}\u{1B}\u{202E}\u{200B} ")
        }
        #expect(try await f.center.view(ticket.number, as: customer).comments.isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func overLongTextIsRefusedNotTruncated(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        let ticket = try await f.ticket()
        let customer = Actor.customer(F.email("support@romashka.ru"))
        let atLimit = String(repeating: "ж", count: TicketText.maxCommentBytes / 2)
        try await f.center.comment(on: ticket.number, by: customer, text: atLimit)
        let error = await expectHelpCenterError(.textTooLong) {
            try await f.center.comment(on: ticket.number, by: customer, text: atLimit + "!")
        }
        #expect(error?.message.contains(String(TicketText.maxCommentBytes)) == true)
        // Control characters do not count: they are removed before the limit is checked.
        try await f.center.comment(on: ticket.number, by: customer, text: atLimit + "\u{1B}\u{0}")
        await expectHelpCenterError(.textTooLong) {
            try await f.center.close(
                ticket.number, by: customer, reason: String(repeating: "a", count: TicketText.maxReasonBytes + 1))
        }
        _ = try await f.center.claimNext(agent: "ivan")
        await expectHelpCenterError(.textTooLong) {
            try await f.center.resolve(ticket.number, by: "ivan", text: atLimit + "ab")
        }
        let view = try await f.center.view(ticket.number, as: customer)
        #expect(view.comments.count == 2)
        #expect(view.ticket.status == .inProgress)
        try await f.center.close(
            ticket.number, by: customer, reason: String(repeating: "a", count: TicketText.maxReasonBytes))
    }

    @Test(arguments: StoreKind.allCases)
    func companyNamesAreCleaned(kind: StoreKind) async throws {
        let f = try F(kind)
        let account = try await f.center.createAccount(
            company: "\u{1B}]0;PWNED\u{07}Ромашка\u{202E}", members: [F.email("a@romashka.ru")])
        #expect(account.company == "]0;PWNED Ромашка")
    }
}
