import Foundation
import SupportDesk
import Testing

@Suite struct AccountTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func normalizesEmailDomainButKeepsLocalPart() throws {
        let email = try EmailAddress("  Anna.Petrova@Example.COM ")
        #expect(email.rawValue == "Anna.Petrova@example.com")
    }

    /// The one rule: the whole address compares case-insensitively; the typed case is kept for display.
    @Test func wholeAddressesCompareIgnoringCase() throws {
        let typed = try EmailAddress("Anna.Petrova@Example.COM")
        let lower = try EmailAddress("anna.petrova@example.com")
        #expect(typed == lower)
        #expect(typed.hashValue == lower.hashValue)
        #expect(Set([typed, lower, try EmailAddress("ANNA.PETROVA@EXAMPLE.COM")]).count == 1)
        #expect(typed.matchKey == "anna.petrova@example.com" && lower.matchKey == typed.matchKey)
        #expect(typed.rawValue == "Anna.Petrova@example.com")
        #expect(typed != (try EmailAddress("anna.petrov@example.com")))
    }

    @Test func anAddressListedTwiceInAnyCaseIsDuplicateEmail() throws {
        let error = try #require(throws: DomainError.self) {
            try Account(
                company: "Д", members: [EmailAddress("d@d.ru"), EmailAddress("e@d.ru"), EmailAddress("D@D.RU")],
                createdAt: now)
        }
        #expect(error.code == .duplicateEmail)
        #expect(error.message.contains("D@d.ru") && error.message.contains("d@d.ru"), "\(error.message)")
        let repeated = Account.repeatedMember([try EmailAddress("d@d.ru"), try EmailAddress("D@D.RU")])
        #expect(repeated?.first.rawValue == "d@d.ru" && repeated?.again.rawValue == "D@d.ru")
        #expect(Account.repeatedMember([try EmailAddress("d@d.ru"), try EmailAddress("e@d.ru")]) == nil)
    }

    @Test(arguments: ["", "anna", "anna@", "@example.com", "a b@example.com", "anna@example", "anna@@example.com"])
    func rejectsInvalidEmails(_ text: String) {
        #expect(throws: DomainError.self) { try EmailAddress(text) }
    }

    @Test func companyKeyIgnoresCaseAndSpacing() throws {
        let account = try Account(company: "  Ромашка   ООО ", members: [EmailAddress("a@b.ru")], createdAt: now)
        // The name is cleaned like a single-line form field: whitespace runs collapse to one space.
        #expect(account.company == "Ромашка ООО")
        #expect(account.companyKey == Account.companyKey(for: "ромашка ооо"))
    }

    @Test func mailingGroupFansOutNotifications() throws {
        let group = try EmailAddress("support-team@romashka.ru")
        let fanOut = try ["anna@romashka.ru", "boris@romashka.ru"].map { try EmailAddress($0) }
        let account = try Account(
            company: "Ромашка", members: [group], sharing: .mailingGroup(fanOut: fanOut), createdAt: now)
        #expect(account.notificationRecipients == fanOut)
    }

    @Test func rejectsAccountsThatBreakTheRules() throws {
        let anna = try EmailAddress("anna@romashka.ru")
        #expect(throws: DomainError.self) { try Account(company: " ", members: [anna], createdAt: now) }
        #expect(throws: DomainError.self) { try Account(company: "Ромашка", members: [], createdAt: now) }
        #expect(throws: DomainError.self) { try Account(company: "Ромашка", members: [anna, anna], createdAt: now) }
        #expect(throws: DomainError.self) {
            try Account(company: "Ромашка", members: [anna], sharing: .mailingGroup(fanOut: []), createdAt: now)
        }
    }

    @Test func roundTripsThroughJSON() throws {
        let account = try Account(
            company: "Ромашка", members: [EmailAddress("team@romashka.ru")],
            sharing: .mailingGroup(fanOut: [EmailAddress("anna@romashka.ru")]), createdAt: now)
        let data = try JSONEncoder().encode(account)
        #expect(try JSONDecoder().decode(Account.self, from: data) == account)
    }
}
