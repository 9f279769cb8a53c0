import SupportDesk
import Testing

@Suite struct FormStateTests {
    let validator: FormValidator

    init() throws { validator = try ValidationFixtures.validator() }

    @Test func emptyFormShowsUnconditionalFieldsAndTheirRequirements() throws {
        let state = try validator.formState(topic: "every-kind")
        #expect(!state.visibleFields.contains("otherChannel"))
        #expect(state.visibleFields.contains("dialogId"))
        #expect(state.requiredFields == ["accountNumber", "summary", "agree"])
        #expect(state.missingRequiredFields == ["accountNumber", "summary", "agree"])
        #expect(state.issues.isEmpty)
        #expect(!state.isComplete)
        #expect(state.allowedOptions(for: "botType").map(\.value) == ["text"])
        #expect(state.allowedOptions(for: "channel").map(\.value) == ["telegram", "whatsapp", "widget", "other"])
    }

    @Test(arguments: [
        ("telegram", false, true, ["text", "buttons"]),
        ("whatsapp", false, true, ["text"]),
        ("widget", false, false, ["text", "buttons"]),
        ("other", true, false, ["text"]),
    ])
    func channelDrivesTheForm(channel: String, otherVisible: Bool, dialogRequired: Bool, botTypes: [String]) throws {
        let state = try validator.formState(topic: "every-kind", input: ["channel": .string(channel)])
        #expect(state.field("otherChannel")?.isVisible == otherVisible)
        #expect(state.field("otherChannel")?.isRequired == otherVisible)
        #expect(state.field("dialogId")?.isRequired == dialogRequired)
        #expect(state.allowedOptions(for: "botType").map(\.value) == botTypes)
        #expect(state.field("channel")?.value == .option(channel))
    }

    @Test func partialInputReportsProblemsButNotMissingValues() throws {
        let state = try validator.formState(topic: "every-kind", input: ["count": "many", "summary": "Кот"])
        #expect(state.issues.map(\.code) == [.tooShort, .notAnInteger])
        #expect(state.missingRequiredFields == ["accountNumber", "agree"])
    }

    @Test func completeInputIsComplete() throws {
        let state = try validator.formState(topic: "every-kind", input: ValidationFixtures.validInput)
        #expect(state.isComplete)
        #expect(state.missingRequiredFields.isEmpty)
        #expect(state.field("summary")?.value == .text("Бот молчит"))
    }

    @Test func hiddenFieldsHaveNoValue() throws {
        let state = try validator.formState(
            topic: "every-kind", input: ["channel": "widget", "otherChannel": "ICQ"])
        let other = try #require(state.field("otherChannel"))
        #expect(!other.isVisible)
        #expect(other.value == nil)
    }

    @Test func unknownTopicAndNonObjectInputThrow() throws {
        #expect(throws: ValidationFailure.self) { try validator.formState(topic: "nope") }
        #expect(throws: ValidationFailure.self) { try validator.formState(topic: "every-kind", input: [1]) }
        #expect(throws: ValidationFailure.self) {
            try validator.formState(topic: "every-kind", json: Array("{".utf8))
        }
    }

    @Test func jsonStateMatchesValueState() throws {
        let text = #"{"channel": "telegram", "summary": "Бот молчит"}"#
        #expect(
            try validator.formState(topic: "every-kind", json: Array(text.utf8))
                == validator.formState(topic: "every-kind", input: try JSONParser().parse(text)))
    }
}
