import Foundation
import SupportDesk
import Testing

@Suite struct DomainValueTests {
    @Test(arguments: [("TW-1042", "TW", 1042), ("tw-7", "TW", 7), (" SD2-15 ", "SD2", 15)])
    func parsesTicketNumbers(_ text: String, _ prefix: String, _ sequence: Int64) throws {
        let number = try Ticket.Number(text)
        #expect(number.prefix == prefix)
        #expect(number.sequence == sequence)
        #expect(number.description == "\(prefix)-\(sequence)")
    }

    @Test(arguments: ["", "1042", "TW-", "TW-0", "TW-x1", "-5", "T W-1"])
    func rejectsMalformedTicketNumbers(_ text: String) {
        #expect(throws: DomainError.self) { try Ticket.Number(text) }
    }

    @Test func calendarDatesExistOrFail() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2025-02-29") == nil)
        #expect(CalendarDate("2025-13-01") == nil)
        #expect(CalendarDate("2025-1-01") == nil)
        #expect(CalendarDate("2025-04-05")?.description == "2025-04-05")
        #expect(CalendarDate("2025-04-05")! < CalendarDate("2025-04-06")!)
    }

    @Test func ticketRoundTripsThroughJSONWithTypedValues() throws {
        let ticket = Ticket(
            number: Ticket.Number(prefix: "TW", sequence: 1),
            accountID: .random(), topicID: "chat-dialog", categoryID: "chats",
            fields: FieldValues([
                "summary": .text("Бот молчит"), "count": .integer(3), "amount": .decimal(Decimal(string: "12.50")!),
                "day": .date(CalendarDate("2025-01-02")!), "channel": .option("telegram"),
                "areas": .options(["a", "b"]), "ok": .flag(true),
                "attachments": .attachments([Attachment(fileName: "a.png", contentType: "image/png", size: 10)]),
            ]),
            createdAt: Date(timeIntervalSince1970: 1_800_000_000))
        let data = try JSONEncoder().encode(ticket)
        let decoded = try JSONDecoder().decode(Ticket.self, from: data)
        #expect(decoded == ticket)
        #expect(decoded.summary == "Бот молчит")
    }

    @Test func identifiersAreTypedAndEncodeAsStrings() throws {
        let id: Topic.ID = "chat-dialog"
        #expect(String(decoding: try JSONEncoder().encode(id), as: UTF8.self) == "\"chat-dialog\"")
        let random = Ticket.ID.random()
        #expect(random != Ticket.ID.random())
    }

    @Test func randomIdentifiersAreLowercaseVersion4UUIDs() throws {
        var seen = Set<String>()
        var firstDigits = Set<Character>()
        for _ in 0..<1_000 {
            let text = Account.ID.random().rawValue
            let uuid = try #require(UUID(uuidString: text), "\(text) is not a UUID")
            #expect(uuid.uuidString.lowercased() == text)
            let characters = Array(text)
            #expect(characters.count == 36)
            #expect(characters[14] == "4", "version nibble of \(text)")
            #expect("89ab".contains(characters[19]), "variant nibble of \(text)")
            seen.insert(text)
            firstDigits.insert(characters[0])
        }
        #expect(seen.count == 1_000)
        // 1,000 draws cover all 16 leading hex digits unless the bits are not random (chance ≈ 16 · (15/16)^1000).
        #expect(firstDigits.count == 16)
    }

    @Test func timeOrderedIdentifiersAreVersion7UUIDsSortedByTheirMillisecond() throws {
        var previous: (milliseconds: UInt64, text: String)?
        var seen = Set<String>()
        for _ in 0..<2_000 {
            let before = UInt64(Date().timeIntervalSince1970 * 1000)
            let text = Ticket.ID.timeOrdered().rawValue
            let after = UInt64(Date().timeIntervalSince1970 * 1000)
            let uuid = try #require(UUID(uuidString: text), "\(text) is not a UUID")
            #expect(uuid.uuidString.lowercased() == text)
            let characters = Array(text)
            #expect(characters[14] == "7", "version nibble of \(text)")
            #expect("89ab".contains(characters[19]), "variant nibble of \(text)")
            let milliseconds = try #require(UInt64(String(characters[0..<8] + characters[9..<13]), radix: 16))
            #expect(before <= milliseconds && milliseconds <= after, "time of \(text)")
            if let previous, previous.milliseconds < milliseconds {
                #expect(previous.text < text, "\(previous.text) was made before \(text)")
            }
            previous = (milliseconds, text)
            seen.insert(text)
        }
        #expect(seen.count == 2_000)
    }

    @Test func localizedTextFallsBack() {
        let text = LocalizedText([.ru: "Чаты"])
        #expect(text[.en] == "Чаты")
        #expect(LocalizedText(ru: "Чаты", en: "Chats")[.en] == "Chats")
    }
}
