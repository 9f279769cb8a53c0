import Foundation
import SupportDesk
import Testing

@Suite struct CatalogTests {
    static let expected: [String: [String]] = [
        "chats": ["chat-dialog", "chat-statistics", "chat-channel"],
        "calls": ["call-campaign", "call-problem", "telephony"],
        "scenarios": ["scenario-save", "scenario-logic"],
        "reports": ["report-generation", "report-data"],
        "mailings": ["mailing-run", "mailing-setup"],
        "account": ["account-access", "account-billing"],
        "integrations": ["integration-crm", "integration-api"],
        "suggestions": ["suggestion"],
    ]

    @Test func shippedCatalogHasExactlyTheAgreedCategoriesAndTopics() throws {
        let catalog = try Catalog.twinHelpCenter()
        #expect(catalog.categories.count == 8)
        #expect(catalog.topics.count == 17)
        for category in catalog.categories {
            #expect(category.topics.map(\.id.rawValue) == Self.expected[category.id.rawValue], "\(category.id)")
            for topic in category.topics { #expect(topic.categoryID == category.id) }
        }
        #expect(Set(catalog.categories.map(\.id.rawValue)) == Set(Self.expected.keys))
    }

    @Test func everyFormStartsWithTheCommonFields() throws {
        let catalog = try Catalog.twinHelpCenter()
        #expect(catalog.commonFields.map(\.id) == CommonField.all)
        let accountNumber = try #require(catalog.commonFields.first)
        #expect(accountNumber.label[.ru].contains("ЛК"))
        #expect(accountNumber.hint?[.ru].contains("правом верхнем углу") == true)
        for topic in catalog.topics {
            #expect(Array(topic.form.fields.prefix(4).map(\.id)) == CommonField.all, "\(topic.id)")
        }
    }

    @Test func chatTopicsAskWhereToFindChatAndDialogIDs() throws {
        let catalog = try Catalog.twinHelpCenter()
        let form = try #require(catalog.topic("chat-dialog")).form
        let chatID = try #require(form.field("chatId"))
        #expect(chatID.hint?[.ru].contains("Настройки") == true)
        let dialogID = try #require(form.field("dialogId"))
        #expect(dialogID.hint?[.ru].contains("Просмотреть диалоги") == true)
        let channel = try #require(form.field("channel"))
        #expect(channel.kind == .select)
        #expect(channel.options.map(\.value).contains("telegram"))
    }

    @Test func shippedCatalogUsesEveryFieldKindAndBothLanguages() throws {
        let catalog = try Catalog.twinHelpCenter()
        let kinds = Set(catalog.topics.flatMap { $0.form.fields.map(\.kind) })
        #expect(kinds == Set(FieldKind.allCases))
        for topic in catalog.topics {
            for language in LanguageCode.required {
                #expect(topic.title.values[language]?.isEmpty == false)
                #expect(topic.keywords[language]?.isEmpty == false, "\(topic.id) has no \(language) keywords")
            }
        }
        #expect(!catalog.searchTips(in: .ru).isEmpty)
        #expect(!catalog.searchTips(in: .en).isEmpty)
        #expect(catalog.synonyms.count >= 10)
    }

    @Test func roundTripsThroughItsJSONFormat() throws {
        let catalog = try Catalog.twinHelpCenter()
        let text = catalog.jsonValue.serialized(pretty: true)
        let reloaded = try Catalog.load(Array(text.utf8))
        #expect(reloaded == catalog)
        #expect(reloaded.jsonValue == catalog.jsonValue)
    }

    @Test func lookupsFindTopicsAndCategories() throws {
        let catalog = try Catalog.twinHelpCenter()
        #expect(catalog.topic("call-campaign")?.categoryID == "calls")
        #expect(catalog.category("mailings")?.topics.count == 2)
        #expect(catalog.topic("nope") == nil)
    }
}
