import SupportDesk
import Testing

@Suite struct ValidationMessagesTests {
    /// Inputs that together produce every field-level issue code of the fixture form.
    static let failingInputs: [JSONValue] = [
        ValidationFixtures.input([
            "accountNumber": "1", "summary": "Кот", "description": 5, "count": 0, "amount": "x", "day": "2023-01-01",
            "email": "x@", "phone": "12", "link": "x", "chatId": "nope", "channel": "icq", "features": ["a"],
            "agree": false, "name": "abcdefgh", "extra": 1,
            "attachments": [
                ["fileName": "a.zip", "contentType": "application/zip", "size": 5_000_000], ["fileName": "x"],
            ],
        ]),
        ValidationFixtures.input([
            "summary": nil, "count": 101, "amount": .number("0.1"), "day": "2030-01-01",
            "features": ["a", "a", "b", "c", "d"],
            "channel": "whatsapp", "botType": "buttons", "name": "", "day2": nil,
            "attachments": .array(
                Array(repeating: ["fileName": "a.png", "contentType": "image/png", "size": 900_000], count: 4)),
        ]),
        ValidationFixtures.input(["count": .number("1.5"), "amount": [1], "day": "32.01.2025", "features": ["a", "z"]]),
    ]

    static func allIssues() throws -> [ValidationIssue] {
        let validator = try ValidationFixtures.validator()
        var issues = try failingInputs.flatMap { input in
            try #require(validator.validate(topic: "every-kind", input: input).failure).issues
        }
        issues += try #require(validator.validate(topic: "every-kind", json: Array("{".utf8)).failure).issues
        issues += try #require(validator.validate(topic: "every-kind", json: [0x22, 0xFF, 0x22]).failure).issues
        issues += try #require(validator.validate(topic: "none", input: [:]).failure).issues
        issues += try #require(validator.validate(topic: "every-kind", input: 1).failure).issues
        return issues
    }

    @Test func theFailingInputsCoverEveryCode() throws {
        let codes = Set(try Self.allIssues().map(\.code))
        let expected: Set<ValidationIssue.Code> = [
            .invalidJSON, .invalidUTF8, .notAnObject, .unknownTopic, .unknownField, .wrongType, .required, .tooShort,
            .tooLong, .pattern, .invalidEmail, .invalidPhone, .invalidURL, .notAnInteger, .notANumber, .tooSmall,
            .tooLarge, .invalidDate, .dateTooEarly, .dateTooLate, .notAnOption, .optionNotAvailable,
            .duplicateOption, .tooFewSelections, .tooManySelections, .tooManyFiles, .fileTooLarge,
            .totalSizeTooLarge, .fileTypeNotAllowed, .invalidAttachment,
        ]
        #expect(expected.subtracting(codes).isEmpty, "not produced: \(expected.subtracting(codes))")
    }

    @Test(arguments: [LanguageCode.ru, .en])
    func everyMessageIsCompleteAndNamesTheFieldByLabel(_ language: LanguageCode) throws {
        for issue in try Self.allIssues() {
            let message = issue.message(in: language)
            #expect(!message.isEmpty)
            #expect(!message.contains("{") && !message.contains("}"), "placeholder left in: \(message)")
            #expect(ValidationMessages.default.template(for: issue.code, in: language) != nil)
            if let label = issue.label {
                #expect(message.contains(label.text(in: language)), "\(issue.code): \(message)")
                if let id = issue.fieldID, id.rawValue.contains(where: \.isUppercase) {
                    #expect(!message.contains(id.rawValue), "the id is shown: \(message)")
                }
            }
        }
    }

    @Test func messagesDifferByLanguage() throws {
        let validator = try ValidationFixtures.validator()
        let failure = try #require(
            validator.validate(topic: "every-kind", input: ValidationFixtures.input(["summary": nil])).failure)
        #expect(failure.messages(in: .ru) == ["Заполните поле «Кратко о проблеме»."])
        #expect(failure.messages(in: .en) == ["Please fill in “Summary”."])
    }

    @Test func callerSuppliedStringsAndFallback() throws {
        var messages = ValidationMessages.default
        messages.set("Bitte „{field}“ ausfüllen", for: .required, in: "de")
        messages.set("Поле «{field}» обязательно", for: .required, in: .ru)
        let validator = try ValidationFixtures.validator(messages: messages)
        let input = ValidationFixtures.input(["summary": nil, "count": 0])
        let failure = try #require(validator.validate(topic: "every-kind", input: input).failure)
        // German: the caller's text for `required` (the label falls back to English), English for the rest.
        #expect(failure.messages(in: "de") == ["Bitte „Summary“ ausfüllen", "“Count”: the number must be at least 1."])
        #expect(failure.messages(in: .ru)[0] == "Поле «Кратко о проблеме» обязательно")
        // The same issue rendered with other strings.
        #expect(failure.issues[0].message(in: .en, using: .default) == "Please fill in “Summary”.")
    }

    @Test func missingTextsFallBackToTheCode() throws {
        let messages = ValidationMessages(templates: [:])
        let validator = try ValidationFixtures.validator(messages: messages)
        let failure = try #require(
            validator.validate(topic: "every-kind", input: ValidationFixtures.input(["summary": nil])).failure)
        #expect(failure.messages(in: .ru) == ["Кратко о проблеме: required"])
    }

    @Test func unknownPlaceholdersStayAsWritten() throws {
        var messages = ValidationMessages(templates: [:])
        messages.set("{field} {nothing} {max", for: .required, in: .en)
        let validator = try ValidationFixtures.validator(messages: messages)
        let failure = try #require(
            validator.validate(topic: "every-kind", input: ValidationFixtures.input(["summary": nil])).failure)
        #expect(failure.messages(in: .en) == ["Summary {nothing} {max"])
    }
}
