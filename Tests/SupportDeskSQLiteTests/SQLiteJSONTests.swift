import Foundation
import SupportDesk
import Testing

@testable import SupportDeskSQLite

@Suite("SQLiteJSON")
struct SQLiteJSONTests {
    static let samples: [FieldValues] = [
        FieldValues(),
        FieldValues([CommonField.summary: .text("Бот не отвечает")]),
        FieldValues([
            "quote": .text("say \"hi\" \\ back/forth"), "controls": .text("a\nb\rc\td\u{8}e\u{c}f\u{1}g\u{1f}"),
            "emoji": .text("🌍👩‍💻 é"), "empty": .text(""), "n": .integer(-9_223_372_036_854_775_808),
            "choice": .option("tg"), "many": .options(["a", "б", "\""]), "none": .options([]), "yes": .flag(true),
            "no": .flag(false), "Zed": .integer(0), "ключ": .text("значение"),
        ]),
    ]

    @Test(
        "the fast writer produces exactly JSONEncoder's text, which decodes back to the same values", arguments: samples
    )
    func matchesJSONEncoder(_ values: FieldValues) throws {
        let fast = try #require(SQLiteJSON.fieldValues(values))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(fast == String(decoding: try encoder.encode(values), as: UTF8.self))
        #expect(try JSONDecoder().decode(FieldValues.self, from: Data(fast.utf8)) == values)
    }

    @Test("values it does not cover are left to JSONEncoder")
    func fallsBackForOtherKinds() throws {
        #expect(SQLiteJSON.fieldValues(FieldValues(["d": .decimal(Decimal(12))])) == nil)
        #expect(SQLiteJSON.fieldValues(FieldValues(["d": .date(try #require(CalendarDate("2027-01-02")))])) == nil)
        #expect(
            SQLiteJSON.fieldValues(
                FieldValues(["f": .attachments([Attachment(fileName: "a.png", contentType: "image/png", size: 1)])]))
                == nil)
    }
}
