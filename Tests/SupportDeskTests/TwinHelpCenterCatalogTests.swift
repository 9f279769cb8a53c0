import SupportDesk
import Testing

/// The content of the shipped Twin catalog: its field patterns accept the values customers really copy from the
/// platform and reject what they typically paste by mistake.
@Suite struct TwinHelpCenterCatalogTests {
    struct PatternCase: Sendable, CustomTestStringConvertible {
        let topic: String
        let field: String
        let accepted: [String]
        let rejected: [String]
        var testDescription: String { "\(topic).\(field)" }
    }

    static let uuid = "3f2b7c1e-8d1a-4f3b-9c2e-5a7d1e9f6b30"

    static let cases: [PatternCase] = [
        PatternCase(
            topic: "chat-dialog", field: "accountNumber", accepted: ["1024", "4815162342"],
            rejected: ["12", "ЛК 1024", "10 24", "12345678901"]),
        PatternCase(
            topic: "chat-dialog", field: "chatId", accepted: [uuid, uuid.uppercased()],
            rejected: ["3f2b7c1e8d1a4f3b9c2e5a7d1e9f6b30", "chat-1", uuid + "0", "{\(uuid)}"]),
        PatternCase(
            topic: "chat-dialog", field: "dialogId", accepted: [uuid], rejected: ["12345", "https://twin24.ai/\(uuid)"]),
        PatternCase(
            topic: "call-problem", field: "callId", accepted: [uuid], rejected: ["79001234567"]),
        PatternCase(
            topic: "call-problem", field: "callTime", accepted: ["9:05", "14:35"], rejected: ["14.35", "около трёх"]),
        PatternCase(
            topic: "chat-channel", field: "telegramBot", accepted: ["@twin_shop_bot", "twin_shop_bot"],
            rejected: ["@bot", "https://t.me/twin_shop_bot", "123456:AAE-token"]),
        PatternCase(
            topic: "telephony", field: "trunkName", accepted: ["trunk-main", "user@sip.operator.ru", "74951234567"],
            rejected: ["основной транк", "a"]),
        PatternCase(
            topic: "telephony", field: "sipServer",
            accepted: ["sip.operator.ru", "sip.operator.ru:5060", "10.0.0.1:5080"],
            rejected: ["sip://sip.operator.ru", "sip.operator.ru:"]),
        PatternCase(
            topic: "account-billing", field: "payerTaxId", accepted: ["7707083893", "500100732259"],
            rejected: ["77070838", "77070838931", "ИНН 7707083893"]),
        PatternCase(
            topic: "integration-crm", field: "dealId", accepted: ["1", "123456789"], rejected: ["#12", "сделка 5"]),
        PatternCase(
            topic: "integration-api", field: "requestId", accepted: [uuid, "req-0a1b2c3d"],
            rejected: ["short", "id with spaces"]),
    ]

    @Test(arguments: cases)
    func patternsAcceptRealValuesAndRejectTypicalMistakes(_ testCase: PatternCase) throws {
        let catalog = try Catalog.twinHelpCenter()
        let topic = try #require(catalog.topic(Topic.ID(rawValue: testCase.topic)))
        let field = try #require(topic.form.field(FieldDefinition.ID(rawValue: testCase.field)))
        let source = try #require(field.constraints.pattern, "\(testCase) has no pattern")
        let pattern = try FieldPattern(source)
        for value in testCase.accepted { #expect(pattern.matches(value), "\(testCase) should accept “\(value)”") }
        for value in testCase.rejected { #expect(!pattern.matches(value), "\(testCase) should reject “\(value)”") }
    }

    @Test func everyIdentifierFieldHasAPatternAndAHintInBothLanguages() throws {
        let catalog = try Catalog.twinHelpCenter()
        for topic in catalog.topics {
            for field in topic.form.fields {
                if field.kind == .identifier {
                    #expect(field.constraints.pattern != nil, "\(topic.id).\(field.id) has no pattern")
                }
                for language in LanguageCode.required {
                    #expect(
                        field.hint?.values[language]?.isEmpty == false,
                        "\(topic.id).\(field.id) has no \(language) hint")
                }
            }
        }
    }

    @Test func messengerChannelsRequireTheDialogAndOtherChannelsAskForTheirName() throws {
        let catalog = try Catalog.twinHelpCenter()
        let form = try #require(catalog.topic("chat-dialog")).form
        let dialog = try #require(form.field("dialogId"))
        #expect(dialog.requiredWhen == .oneOf("channel", ["telegram", "whatsapp", "vk", "avito"]))
        let other = try #require(form.field("channelOther"))
        #expect(other.visibleWhen == .equals("channel", "other"))
        #expect(other.requiredWhen == .equals("channel", "other"))
    }

    @Test func callRecordingsAreOfferedOnlyForCallReports() throws {
        let catalog = try Catalog.twinHelpCenter()
        let format = try #require(catalog.topic("report-generation")?.form.field("exportFormat"))
        let recordings = try #require(format.options.first { $0.value == "recordings" })
        #expect(recordings.visibleWhen == .oneOf("reportType", ["calls", "campaigns"]))
        #expect(format.options.filter { $0.visibleWhen == nil }.count == format.options.count - 1)
    }
}
