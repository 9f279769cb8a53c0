import SupportDesk
import Testing

/// The shipped Twin catalog's forms through the validator: a valid submission for every topic, each
/// required field missing in turn, and the conditions and dependent options the catalog declares.
@Suite struct ShippedFormsValidationTests {
    static let uuid = "3f2b8c1e-9a4d-4e7b-8c2f-1d5e6a7b8c9d"
    static let common: [String: JSONValue] = [
        "accountNumber": "104857",
        "summary": "Бот не отвечает в Telegram",
        "description": "После обновления сценария бот перестал отвечать.\nШаги: написать «привет», ответа нет.",
    ]

    /// The topic fields of a valid submission, per topic (the common fields are added).
    static let topicFields: [String: [String: JSONValue]] = [
        "chat-dialog": ["chatId": .string(uuid), "channel": "telegram", "dialogId": .string(uuid)],
        "chat-statistics": ["dateFrom": "2026-11-01", "dateTo": "2026-11-20", "statisticsSymptom": "empty"],
        "chat-channel": ["channel": "telegram", "connectionStage": "new", "telegramBot": "@twin_support_bot"],
        "call-campaign": ["campaignId": .string(uuid), "campaignSymptom": "not-starting", "contactsCount": 1500],
        "call-problem": [
            "callId": .string(uuid), "phoneNumber": "8 912 345-67-89", "callDate": "2026-11-20",
            "callIssues": ["silence"],
            "callTime": "14:05",
        ],
        "telephony": ["telephonyIssue": "sip-trunk", "trunkName": "main-trunk", "sipServer": "sip.example.ru:5060"],
        "scenario-save": ["scenarioId": .string(uuid), "browser": "chrome"],
        "scenario-logic": ["scenarioId": .string(uuid), "logicArea": "variables", "variableName": "client_name"],
        "report-generation": [
            "reportType": "calls", "dateFrom": "2026-11-01", "dateTo": "2026-11-20", "exportFormat": "recordings",
            "reportSymptom": "error",
        ],
        "report-data": [
            "reportType": "chats", "dateFrom": "2026-11-01", "dateTo": "2026-11-20", "wrongMetric": "Число диалогов",
            "reportedValue": 10, "expectedValue": "12,5",
        ],
        "mailing-run": [
            "mailingId": .string(uuid), "channel": "sms", "sendDate": "2026-11-20", "mailingSymptom": "stuck",
            "recipientPhone": "+7 912 345 67 89",
        ],
        "mailing-setup": ["channel": "sms", "setupArea": "moderation", "templateName": "Ноябрьская акция"],
        "account-access": [
            "loginEmail": "Anna@Romashka.RU", "accessProblem": "employee-access", "employeeEmail": "boris@romashka.ru",
        ],
        "account-billing": ["billingQuestion": "payment", "paymentDate": "2026-11-19", "amount": "15 000,50"],
        "integration-crm": ["crm": "amocrm", "crmUrl": "https://romashka.amocrm.ru", "crmIssue": "not-created"],
        "integration-api": [
            "apiArea": "webhook", "webhookUrl": "https://api.romashka.ru/hooks/twin", "httpStatus": 502,
        ],
        "suggestion": ["area": "reports", "contactAllowed": true, "contactPhone": "+7 912 345 67 89"],
    ]

    static func input(_ topic: String, _ changes: [String: JSONValue?] = [:]) -> JSONValue {
        var object = JSONObject()
        for (key, value) in common.merging(topicFields[topic] ?? [:], uniquingKeysWith: { $1 }).sorted(by: {
            $0.key < $1.key
        }) {
            object[key] = value
        }
        for (key, value) in changes { object[key] = value }
        return .object(object)
    }

    let catalog: Catalog
    let validator: FormValidator

    init() throws {
        catalog = try Catalog.twinHelpCenter()
        validator = FormValidator(catalog: catalog)
    }

    @Test func everyShippedTopicHasAValidSubmissionHere() {
        #expect(Set(catalog.topics.map(\.id.rawValue)) == Set(Self.topicFields.keys))
    }

    @Test(arguments: Array(topicFields.keys).sorted())
    func validSubmissionPassesAndIsStable(_ topic: String) throws {
        let submission = try validator.validate(topic: Topic.ID(topic), input: Self.input(topic)).get()
        #expect(submission.topicID.rawValue == topic)
        #expect(submission.categoryID == catalog.topic(Topic.ID(topic))?.categoryID)
        for key in Self.topicFields[topic]?.keys.sorted() ?? [] {
            #expect(submission[FieldDefinition.ID(key)] != nil, "\(key) was dropped")
        }
        let fields = try #require(submission.json.objectValue?["fields"])
        #expect(try validator.validate(topic: Topic.ID(topic), input: fields).get() == submission)
    }

    @Test(arguments: Array(topicFields.keys).sorted())
    func eachRequiredFieldMissingIsReported(_ topic: String) throws {
        let state = try validator.formState(topic: Topic.ID(topic), input: Self.input(topic))
        #expect(state.isComplete)
        for field in state.requiredFields {
            let failure = try #require(
                validator.validate(topic: Topic.ID(topic), input: Self.input(topic, [field.rawValue: nil])).failure)
            #expect(
                failure.issues.contains { $0.code == .required && $0.path == "fields.\(field)" }, "\(topic).\(field)")
        }
    }

    @Test func chatDialogConditions() throws {
        let topic: Topic.ID = "chat-dialog"
        let noDialog = try #require(
            validator.validate(topic: topic, input: Self.input("chat-dialog", ["dialogId": nil])).failure)
        #expect(noDialog.codes == [.required])
        #expect(noDialog.issues[0].path == "fields.dialogId")
        let label = try #require(catalog.topic(topic)?.form.field("dialogId")?.label)
        #expect(noDialog.messages(in: .ru)[0].contains(label.text(in: .ru)))
        #expect(noDialog.messages(in: .en)[0].contains(label.text(in: .en)))
        // The site widget needs no dialog ID; "other" needs the channel's name, shown only then.
        #expect(
            validator.validate(topic: topic, input: Self.input("chat-dialog", ["dialogId": nil, "channel": "widget"]))
                .success != nil)
        let other = try #require(
            validator.validate(topic: topic, input: Self.input("chat-dialog", ["channel": "other"])).failure)
        #expect(other.issues.map(\.path) == ["fields.channelOther"])
        let hidden = try validator.validate(
            topic: topic, input: Self.input("chat-dialog", ["channel": "widget", "channelOther": "ICQ"])
        ).get()
        #expect(hidden["channelOther"] == nil)
        let badID = try #require(
            validator.validate(topic: topic, input: Self.input("chat-dialog", ["chatId": "чат 42"])).failure)
        #expect(badID.codes == [.pattern])
        let chatLabel = try #require(catalog.topic(topic)?.form.field("chatId")?.label)
        #expect(badID.messages(in: .en)[0].contains(chatLabel.text(in: .en)))
    }

    @Test func dependentOptions() throws {
        let recordingsForChats = try #require(
            validator.validate(
                topic: "report-generation", input: Self.input("report-generation", ["reportType": "chats"])
            ).failure)
        #expect(recordingsForChats.codes == [.optionNotAvailable])
        #expect(recordingsForChats.issues[0].path == "fields.exportFormat")
        let state = try validator.formState(topic: "report-generation", input: ["reportType": "chats"])
        #expect(!state.allowedOptions(for: "exportFormat").map(\.value).contains("recordings"))
        let moderationByEmail = try #require(
            validator.validate(topic: "mailing-setup", input: Self.input("mailing-setup", ["channel": "email"])).failure
        )
        #expect(moderationByEmail.codes == [.optionNotAvailable])
    }

    @Test func contactPhoneFollowsTheCheckbox() throws {
        let hidden = try validator.validate(
            topic: "suggestion", input: Self.input("suggestion", ["contactAllowed": false])
        ).get()
        #expect(hidden["contactPhone"] == nil)
        #expect(hidden["contactAllowed"] == .flag(false))
        let shown = try validator.validate(topic: "suggestion", input: Self.input("suggestion")).get()
        #expect(shown["contactPhone"] == .text("+79123456789"))
    }

    @Test func normalizationOnShippedFields() throws {
        let submission = try validator.validate(topic: "account-access", input: Self.input("account-access")).get()
        #expect(submission["loginEmail"] == .text("Anna@romashka.ru"))
        let billing = try validator.validate(topic: "account-billing", input: Self.input("account-billing")).get()
        #expect(billing["amount"]?.canonicalTexts == ["15000.5"])
    }
}
