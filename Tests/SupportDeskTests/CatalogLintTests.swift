import Foundation
import SupportDesk
import Testing

/// Every rule of the catalog check, each on a small broken catalog: the problem is reported with its code
/// and JSON path, and nothing of the catalog is returned.
@Suite struct CatalogLintTests {
    /// A valid minimal catalog; each case breaks one thing in it.
    static func catalog(
        common: String =
            #"{"id": "summary", "kind": "text", "label": {"ru": "Кратко", "en": "Summary"}, "required": true}"#,
        fields: String =
            #"{"id": "chatId", "kind": "identifier", "label": {"ru": "ID чата", "en": "Chat ID"}, "pattern": "[0-9]+"}"#,
        extraTopic: String = "",
        extraCategory: String = "",
        tail: String =
            #""searchTips": {"ru": ["Опишите ситуацию"], "en": ["Describe it"]}, "synonyms": [["ватсап", "whatsapp"]]"#,
        version: String = "1"
    ) -> String {
        """
        {"schemaVersion": \(version), "commonFields": [\(common)],
         "categories": [{"id": "chats", "title": {"ru": "Чаты", "en": "Chats"}, "description": {"ru": "Чаты", "en": "Chats"},
           "topics": [{"id": "chat-dialog", "title": {"ru": "Диалог", "en": "Dialog"},
                       "description": {"ru": "Бот", "en": "Bot"}, "keywords": {"ru": ["бот"], "en": ["bot"]},
                       "fields": [\(fields)]}\(extraTopic)]}\(extraCategory)],
         \(tail)}
        """
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var json: String
        var path: String
        var code: CatalogIssue.Code
        var testDescription: String { name }
    }

    static let option = #"{"value": "tg", "label": {"ru": "Телеграм", "en": "Telegram"}}"#

    static let cases: [Case] = [
        Case(name: "not JSON", json: "{\"schemaVersion\": 1,", path: "", code: .invalidJSON),
        Case(name: "newer schema", json: catalog(version: "2"), path: "schemaVersion", code: .unsupportedSchemaVersion),
        Case(
            name: "duplicate topic id",
            json: catalog(
                extraTopic:
                    #", {"id": "chat-dialog", "title": {"ru": "x", "en": "x"}, "description": {"ru": "x", "en": "x"}}"#),
            path: "categories[0].topics[1].id", code: .duplicateID),
        Case(
            name: "duplicate field id with a common field",
            json: catalog(fields: #"{"id": "summary", "kind": "text", "label": {"ru": "x", "en": "x"}}"#),
            path: "categories[0].topics[0].fields[0].id", code: .duplicateID),
        Case(
            name: "duplicate category id",
            json: catalog(
                extraCategory:
                    #", {"id": "chats", "title": {"ru": "x", "en": "x"}, "description": {"ru": "x", "en": "x"}, "topics": [{"id": "other", "title": {"ru": "x", "en": "x"}, "description": {"ru": "x", "en": "x"}}]}"#
            ),
            path: "categories[1].id", code: .duplicateID),
        Case(
            name: "topic without category",
            json: catalog(
                tail:
                    #""topics": [{"id": "lost", "title": {"ru": "x", "en": "x"}, "description": {"ru": "x", "en": "x"}}], "searchTips": {"ru": ["a"], "en": ["b"]}"#
            ),
            path: "topics[0]", code: .topicWithoutCategory),
        Case(
            name: "topic naming a missing category",
            json: catalog(
                tail:
                    #""topics": [{"id": "lost", "category": "nowhere", "title": {"ru": "x", "en": "x"}, "description": {"ru": "x", "en": "x"}}], "searchTips": {"ru": ["a"], "en": ["b"]}"#
            ),
            path: "topics[0].category", code: .topicWithoutCategory),
        Case(
            name: "category without topics",
            json: catalog(
                extraCategory:
                    #", {"id": "empty", "title": {"ru": "x", "en": "x"}, "description": {"ru": "x", "en": "x"}, "topics": []}"#
            ),
            path: "categories[1].topics", code: .emptyCategory),
        Case(
            name: "unknown field kind",
            json: catalog(fields: #"{"id": "mood", "kind": "colour", "label": {"ru": "x", "en": "x"}}"#),
            path: "categories[0].topics[0].fields[0].kind", code: .unknownFieldKind),
        Case(
            name: "select without options",
            json: catalog(fields: #"{"id": "channel", "kind": "select", "label": {"ru": "x", "en": "x"}}"#),
            path: "categories[0].topics[0].fields[0].options", code: .selectWithoutOptions),
        Case(
            name: "options on a text field",
            json: catalog(
                fields: #"{"id": "note", "kind": "text", "label": {"ru": "x", "en": "x"}, "options": [\#(option)]}"#),
            path: "categories[0].topics[0].fields[0].options", code: .optionsNotAllowed),
        Case(
            name: "condition naming a missing field",
            json: catalog(
                fields:
                    #"{"id": "dialogId", "kind": "text", "label": {"ru": "x", "en": "x"}, "requiredWhen": {"field": "channel", "equals": "tg"}}"#
            ),
            path: "categories[0].topics[0].fields[0].requiredWhen", code: .unknownConditionField),
        Case(
            name: "condition comparing a select with a value it does not offer",
            json: catalog(
                fields:
                    #"{"id": "channel", "kind": "select", "label": {"ru": "x", "en": "x"}, "options": [\#(option)]}, {"id": "other", "kind": "text", "label": {"ru": "x", "en": "x"}, "visibleWhen": {"field": "channel", "equals": "icq"}}"#
            ),
            path: "categories[0].topics[0].fields[1].visibleWhen", code: .invalidCondition),
        Case(
            name: "malformed condition",
            json: catalog(
                fields:
                    #"{"id": "a", "kind": "text", "label": {"ru": "x", "en": "x"}, "visibleWhen": {"field": "summary", "above": 3}}"#
            ),
            path: "categories[0].topics[0].fields[0].visibleWhen", code: .invalidCondition),
        Case(
            name: "conditions in a cycle",
            json: catalog(
                fields:
                    #"{"id": "a", "kind": "text", "label": {"ru": "x", "en": "x"}, "visibleWhen": {"field": "b", "filled": true}}, {"id": "b", "kind": "text", "label": {"ru": "x", "en": "x"}, "visibleWhen": {"field": "a", "filled": true}}"#
            ),
            path: "categories[0].topics[0].fields[0]", code: .conditionCycle),
        Case(
            name: "invalid pattern",
            json: catalog(
                fields: #"{"id": "chatId", "kind": "identifier", "label": {"ru": "x", "en": "x"}, "pattern": "[0-9"}"#),
            path: "categories[0].topics[0].fields[0].pattern", code: .invalidPattern),
        Case(
            name: "missing locale",
            json: catalog(fields: #"{"id": "chatId", "kind": "identifier", "label": {"ru": "ID чата"}}"#),
            path: "categories[0].topics[0].fields[0].label", code: .missingLocale),
        Case(
            name: "search tips without English",
            json: catalog(tail: #""searchTips": {"ru": ["Опишите ситуацию"]}"#),
            path: "searchTips", code: .missingLocale),
        Case(
            name: "constraint that does not fit the kind",
            json: catalog(
                fields: #"{"id": "count", "kind": "integer", "label": {"ru": "x", "en": "x"}, "maxLength": 3}"#),
            path: "categories[0].topics[0].fields[0].maxLength", code: .constraintNotApplicable),
        Case(
            name: "minimum above maximum",
            json: catalog(
                fields: #"{"id": "count", "kind": "integer", "label": {"ru": "x", "en": "x"}, "min": 10, "max": 1}"#),
            path: "categories[0].topics[0].fields[0].min", code: .contradictoryConstraints),
        Case(
            name: "invalid topic id",
            json: catalog(fields: "").replacingOccurrences(of: #""id": "chat-dialog""#, with: #""id": "Chat Dialog""#),
            path: "categories[0].topics[0].id", code: .invalidID),
        Case(
            name: "wrong type",
            json: catalog(
                fields: #"{"id": "chatId", "kind": "text", "label": {"ru": "x", "en": "x"}, "required": "yes"}"#),
            path: "categories[0].topics[0].fields[0].required", code: .wrongType),
        Case(
            name: "one-word synonym group",
            json: catalog(tail: #""searchTips": {"ru": ["a"], "en": ["b"]}, "synonyms": [["ватсап"]]"#),
            path: "synonyms[0]", code: .invalidValue),
    ]

    @Test func theValidBaseCatalogLoads() throws {
        let catalog = try Catalog.load(Array(Self.catalog().utf8))
        #expect(catalog.topics.count == 1)
        #expect(catalog.topic("chat-dialog")?.form.fields.map(\.id) == ["summary", "chatId"])
    }

    @Test(arguments: cases)
    func reportsTheProblemWithItsPath(_ broken: Case) {
        #expect {
            _ = try Catalog.load(Array(broken.json.utf8), source: "broken.json")
        } throws: { error in
            guard let error = error as? CatalogError else { return false }
            let found = error.issues.contains { $0.path == broken.path && $0.code == broken.code }
            if !found { Issue.record("expected \(broken.code) at \(broken.path), got:\n\(error)") }
            return found && error.source == "broken.json"
        }
    }

    @Test func reportsEveryProblemNotJustTheFirst() throws {
        let json = Self.catalog(
            common: #"{"id": "summary", "kind": "txt", "label": {"ru": "Кратко"}}"#,
            fields:
                #"{"id": "channel", "kind": "select", "label": {"ru": "x", "en": "x"}}, {"id": "b", "kind": "text", "label": {"ru": "x", "en": "x"}, "visibleWhen": {"field": "ghost", "filled": true}}"#,
            tail: #""searchTips": {"ru": ["a"]}"#)
        let error = try #require(throws: CatalogError.self) { try Catalog.load(Array(json.utf8)) }
        let codes = Set(error.issues.map(\.code))
        #expect(
            codes.isSuperset(of: [.unknownFieldKind, .missingLocale, .selectWithoutOptions, .unknownConditionField]))
        #expect(error.issues.count >= 5)
    }
}
