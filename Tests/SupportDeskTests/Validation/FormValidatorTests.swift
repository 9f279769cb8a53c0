import SupportDesk
import SupportDeskTesting
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One input for one field of the fixture form, and what validation must make of it.
struct FieldCase: Sendable, CustomTestStringConvertible {
    var field: String
    var input: JSONValue
    /// The normalized value when valid (`nil`: valid and dropped as empty).
    var expected: FieldValue?
    /// The issue codes at the field's path (and its element paths) when invalid.
    var codes: [ValidationIssue.Code]
    /// Other members to set for the case (to make a conditional field visible, …).
    var context: [String: JSONValue]

    init(
        _ field: String, _ input: JSONValue, _ expected: FieldValue? = nil, _ codes: [ValidationIssue.Code] = [],
        context: [String: JSONValue] = [:]
    ) {
        self.field = field
        self.input = input
        self.expected = expected
        self.codes = codes
        self.context = context
    }

    var testDescription: String { "\(field) = \(input.serialized()) → \(codes.isEmpty ? "valid" : "\(codes)")" }
}

@Suite struct FormValidatorTests {
    let validator: FormValidator

    init() throws { validator = try ValidationFixtures.validator() }

    func check(_ testCase: FieldCase) throws {
        var changes: [String: JSONValue?] = testCase.context
        changes[testCase.field] = testCase.input
        let result = validator.validate(topic: "every-kind", input: ValidationFixtures.input(changes))
        if testCase.codes.isEmpty {
            let submission = try #require(result.success, "unexpected issues: \(result.failure?.description ?? "")")
            #expect(submission[FieldDefinition.ID(testCase.field)] == testCase.expected)
        } else {
            let failure = try #require(result.failure, "expected \(testCase.codes), got a valid submission")
            let path = "fields.\(testCase.field)"
            let codes = failure.issues.filter { $0.path == path || $0.path.hasPrefix(path + "[") }.map(\.code)
            #expect(codes == testCase.codes, "all issues: \(failure)")
            #expect(failure.issues.count == codes.count, "issues elsewhere: \(failure)")
        }
    }

    // MARK: Kinds and constraints

    @Test(arguments: [
        FieldCase("summary", "  Бот   не\tотвечает ", .text("Бот не отвечает")),
        FieldCase("summary", "\u{200B}Бот\u{00A0}молчит\u{FEFF}", .text("Бот молчит")),
        FieldCase("summary", "Бот\nне\r\nотвечает", .text("Бот не отвечает")),
        FieldCase("summary", "Кот", nil, [.tooShort]),
        FieldCase("summary", "Бот не отвечает вообще никогда", nil, [.tooLong]),
        FieldCase("summary", 42, nil, [.wrongType]),
        FieldCase("summary", ["Бот молчит"], nil, [.wrongType]),
        FieldCase("summary", "   \u{200B} ", nil, [.required]),
        FieldCase("summary", nil, nil, [.required]),
        FieldCase("name", "e\u{301}e\u{301}", .text("\u{E9}\u{E9}")),
        FieldCase("name", "\u{415}\u{308}ж", .text("\u{401}ж")),
        FieldCase("name", "👨‍👩‍👧👨‍👩‍👧", .text("👨‍👩‍👧👨‍👩‍👧")),
        FieldCase("name", "👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽", nil, [.tooLong]),
        FieldCase("name", "Я", nil, [.tooShort]),
    ])
    func singleLineText(_ testCase: FieldCase) throws { try check(testCase) }

    @Test(arguments: [
        FieldCase("description", "Строка 1\r\nСтрока 2  \r\n\r\n\r\n", .text("Строка 1\nСтрока 2")),
        FieldCase("description", "  \n\nПервая\n\n  вторая\t\n", .text("Первая\n\n  вторая")),
        FieldCase("description", "a\u{2028}b\u{0007}c\u{200B}", .text("a\nbc")),
        FieldCase("description", "  \n \n", nil),
        FieldCase("description", .string(String(repeating: "я", count: 1001)), nil, [.tooLong]),
        FieldCase(
            "description", .string(String(repeating: "я", count: 1000)), .text(String(repeating: "я", count: 1000))),
    ])
    func multiLineText(_ testCase: FieldCase) throws { try check(testCase) }

    static let uuid = "3f2b8c1e-9a4d-4e7b-8c2f-1d5e6a7b8c9d"

    @Test(arguments: [
        FieldCase("chatId", .string(uuid), .text(uuid)),
        FieldCase("chatId", .string("\"\(uuid)\""), .text(uuid)),
        FieldCase("chatId", .string("«\(uuid)»"), .text(uuid)),
        FieldCase("chatId", .string("“'\(uuid)'”"), .text(uuid)),
        FieldCase("chatId", .string(" \u{200B}\(uuid)\u{00A0}\n"), .text(uuid)),
        FieldCase("chatId", "3f2b8c1e-9a4d-\u{200D}4e7b-8c2f-1d5e6a7b8c9d", .text(uuid)),
        FieldCase("chatId", .string(String(uuid.dropLast())), nil, [.pattern]),
        FieldCase("chatId", .string(uuid.uppercased()), nil, [.pattern]),
        FieldCase("chatId", .string("\"\(uuid)"), nil, [.pattern]),
        FieldCase("chatId", true, nil, [.wrongType]),
        FieldCase("accountNumber", 123456, .text("123456")),
        FieldCase("accountNumber", " 00123 ", .text("00123")),
        FieldCase("accountNumber", "12a456", nil, [.pattern]),
        FieldCase("accountNumber", "123", nil, [.pattern]),
    ])
    func identifiers(_ testCase: FieldCase) throws { try check(testCase) }

    @Test(arguments: [
        FieldCase("count", 5, .integer(5)),
        FieldCase("count", "42", .integer(42)),
        FieldCase("count", " +7 ", .integer(7)),
        FieldCase("count", "1 0", .integer(10)),
        FieldCase("count", .number("7.0"), .integer(7)),
        FieldCase("count", .number("1e2"), .integer(100)),
        FieldCase("count", 0, nil, [.tooSmall]),
        FieldCase("count", 101, nil, [.tooLarge]),
        FieldCase("count", .number("5.5"), nil, [.notAnInteger]),
        FieldCase("count", "5,5", nil, [.notAnInteger]),
        FieldCase("count", "99999999999999999999", nil, [.notAnInteger]),
        FieldCase("count", .number("1e400"), nil, [.notAnInteger]),
        FieldCase("count", true, nil, [.wrongType]),
        FieldCase("count", [1], nil, [.wrongType]),
        FieldCase("count", "", nil),
    ])
    func integers(_ testCase: FieldCase) throws { try check(testCase) }

    @Test(arguments: [
        FieldCase("amount", .number("12.50"), .decimal(Decimal(string: "12.5")!)),
        FieldCase("amount", "12,50", .decimal(Decimal(string: "12.5")!)),
        FieldCase("amount", "1 000,25", .decimal(Decimal(string: "1000.25")!)),
        FieldCase("amount", .number("0.5"), .decimal(Decimal(string: "0.5")!)),
        FieldCase("amount", .number("1e3"), .decimal(1000)),
        FieldCase("amount", .number("1000.26"), nil, [.tooLarge]),
        FieldCase("amount", .number("0.49"), nil, [.tooSmall]),
        FieldCase("amount", "abc", nil, [.notANumber]),
        FieldCase("amount", "1e3", nil, [.notANumber]),
        FieldCase("amount", "1.", nil, [.notANumber]),
        FieldCase("amount", [:], nil, [.wrongType]),
    ])
    func decimals(_ testCase: FieldCase) throws { try check(testCase) }

    @Test(arguments: [
        FieldCase("day", "2025-02-28", .date(CalendarDate(year: 2025, month: 2, day: 28)!)),
        FieldCase("day", "28.02.2025", .date(CalendarDate(year: 2025, month: 2, day: 28)!)),
        FieldCase("day", " 2024-02-29 ", .date(CalendarDate(year: 2024, month: 2, day: 29)!)),
        FieldCase("day", "2025-02-29", nil, [.invalidDate]),
        FieldCase("day", "2025-2-3", nil, [.invalidDate]),
        FieldCase("day", "2023-12-31", nil, [.dateTooEarly]),
        FieldCase("day", "2027-01-01", nil, [.dateTooLate]),
        FieldCase("day", 20250228, nil, [.wrongType]),
    ])
    func dates(_ testCase: FieldCase) throws { try check(testCase) }

    @Test(arguments: [
        FieldCase("email", " Anna.Petrova@Example.COM ", .text("Anna.Petrova@example.com")),
        FieldCase("email", "\"anna@example.com\"", .text("anna@example.com")),
        FieldCase("email", "anna@", nil, [.invalidEmail]),
        FieldCase("email", "a b@example.com", nil, [.invalidEmail]),
        FieldCase("email", 5, nil, [.wrongType]),
        FieldCase("phone", "8 (912) 345-67-89", .text("+79123456789")),
        FieldCase("phone", "+7 912 345 67 89", .text("+79123456789")),
        FieldCase("phone", "79123456789", .text("+79123456789")),
        FieldCase("phone", .number("89123456789"), .text("+79123456789")),
        FieldCase("phone", "+49 30 1234567", .text("+49301234567")),
        FieldCase("phone", "0049 30 1234567", .text("+49301234567")),
        FieldCase("phone", "912-34-56", nil, [.invalidPhone]),
        FieldCase("phone", "+7 912 abc", nil, [.invalidPhone]),
        FieldCase("phone", "+7 912 345 67 89 12 34 56", nil, [.invalidPhone]),
        FieldCase("link", " HTTPS://Example.COM/Path?q=A ", .text("https://example.com/Path?q=A")),
        FieldCase("link", "http://localhost:8080/x", .text("http://localhost:8080/x")),
        FieldCase("link", "https://User@Site.RU", .text("https://User@site.ru")),
        FieldCase("link", "example.com", nil, [.invalidURL]),
        FieldCase("link", "ftp://example.com", nil, [.invalidURL]),
        FieldCase("link", "https://exa mple.com", nil, [.invalidURL]),
        FieldCase("link", "https://example.com:port/", nil, [.invalidURL]),
    ])
    func emailPhoneURL(_ testCase: FieldCase) throws { try check(testCase) }

    @Test(arguments: [
        FieldCase("channel", "telegram", .option("telegram"), context: ["dialogId": "42"]),
        FieldCase("channel", " widget ", .option("widget")),
        FieldCase("channel", "icq", nil, [.notAnOption]),
        FieldCase("channel", "Telegram", nil, [.notAnOption]),
        FieldCase("channel", 5, nil, [.notAnOption]),
        FieldCase("channel", true, nil, [.wrongType]),
        FieldCase("features", ["a", "b"], .options(["a", "b"])),
        FieldCase("features", ["c", "a", "d"], .options(["c", "a", "d"])),
        FieldCase("features", ["a"], nil, [.tooFewSelections]),
        FieldCase("features", ["a", "b", "c", "d"], nil, [.tooManySelections]),
        FieldCase("features", ["a", "a", "b"], nil, [.duplicateOption]),
        FieldCase("features", ["a", 1], nil, [.wrongType]),
        FieldCase("features", ["a", "z"], nil, [.notAnOption]),
        FieldCase("features", "a", nil, [.wrongType]),
        FieldCase("features", [], nil),
        FieldCase("agree", true, .flag(true)),
        FieldCase("agree", false, nil, [.required]),
        FieldCase("agree", "true", nil, [.wrongType]),
    ])
    func selectsAndCheckboxes(_ testCase: FieldCase) throws { try check(testCase) }

    static func file(_ name: String, _ type: String, _ size: Int) -> JSONValue {
        ["fileName": .string(name), "contentType": .string(type), "size": .number(String(size))]
    }

    @Test(arguments: [
        FieldCase(
            "attachments", [file("screen.png", "image/png", 1000)],
            .attachments([Attachment(id: "attachments-1", fileName: "screen.png", contentType: "image/png", size: 1000)]
            )),
        FieldCase(
            "attachments", [file("C:\\Users\\anna\\log.txt", " Text/Plain; charset=utf-8", 10)],
            .attachments([Attachment(id: "attachments-1", fileName: "log.txt", contentType: "text/plain", size: 10)])),
        FieldCase("attachments", [file("big.png", "image/png", 2 << 20)], nil, [.fileTooLarge]),
        FieldCase("attachments", [file("a.zip", "application/zip", 10)], nil, [.fileTypeNotAllowed]),
        FieldCase("attachments", .array((1...4).map { file("\($0).png", "image/png", 10) }), nil, [.tooManyFiles]),
        FieldCase(
            "attachments", .array((1...3).map { file("\($0).png", "image/png", 900_000) }), nil, [.totalSizeTooLarge]),
        FieldCase("attachments", [["fileName": "a.png", "contentType": "image/png"]], nil, [.invalidAttachment]),
        FieldCase(
            "attachments", [["fileName": "a.png", "contentType": "image/png", "size": 1, "path": "/etc"]], nil,
            [.invalidAttachment]),
        FieldCase("attachments", [file("a.png", "image/png", -1)], nil, [.invalidAttachment]),
        FieldCase("attachments", [file("a.png", "png", 1)], nil, [.invalidAttachment]),
        FieldCase("attachments", [file("../", "image/png", 1)], nil, [.invalidAttachment]),
        FieldCase("attachments", ["a.png"], nil, [.invalidAttachment]),
        FieldCase("attachments", "a.png", nil, [.wrongType]),
        FieldCase(
            "attachments", [file("a.png", "image/png", 1), file("b.zip", "application/zip", 1)], nil,
            [.fileTypeNotAllowed]),
    ])
    func attachments(_ testCase: FieldCase) throws { try check(testCase) }

    /// Length limits count characters as `String.count` does, whatever shortcut the counting takes.
    @Test func lengthLimitsAgreeWithStringCount() throws {
        var generator = SeededRandomNumberGenerator(seed: 99)
        let pieces = FormValidatorFuzzTests.fragments + ["ab", "Жж", "\u{1F1F7}\u{1F1FA}", "\u{1F44D}\u{1F3FD}", "й"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            let state = try validator.formState(topic: "every-kind", input: ["name": .string(text)])
            guard case .text(let normalized)? = state.field("name")?.value else { continue }
            let codes = state.issues.filter { $0.path == "fields.name" }.map(\.code)
            var expected: [ValidationIssue.Code] = []
            if normalized.count > 5 { expected.append(.tooLong) }
            if normalized.count < 2 { expected.append(.tooShort) }
            #expect(codes == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// A field's `image/*` does not widen the attachment policy: SVG (and anything the policy refuses) is
    /// refused by the form exactly as the store would refuse it; sizes are held to the smaller limit.
    @Test func theAttachmentPolicyBoundsEveryField() throws {
        for (type, accepted) in [("image/svg+xml", false), ("image/png", true), ("image/x-icon", false)] {
            let input = ValidationFixtures.input(["attachments": [Self.file("a.img", type, 10)]])
            let codes = try validator.formState(topic: "every-kind", input: input).issues.map(\.code)
            #expect(codes.contains(.fileTypeNotAllowed) == !accepted, "\(type): \(codes)")
            #expect(AttachmentPolicy.default.allows(type) == accepted)
        }
        let strict = try ValidationFixtures.validator(
            limits: ValidationLimits(attachments: AttachmentPolicy(maxFileSize: 100, maxTicketTotal: 150)))
        let input = ValidationFixtures.input([
            "attachments": [Self.file("a.png", "image/png", 100), Self.file("b.png", "image/png", 60)]
        ])
        #expect(try strict.formState(topic: "every-kind", input: input).issues.map(\.code) == [.totalSizeTooLarge])
        let big = ValidationFixtures.input(["attachments": [Self.file("a.png", "image/png", 101)]])
        #expect(try strict.formState(topic: "every-kind", input: big).issues.map(\.code) == [.fileTooLarge])
    }

    @Test func duplicateAttachmentIDsAreRefused() throws {
        let input = ValidationFixtures.input([
            "attachments": [
                ["id": "f-1", "fileName": "a.png", "contentType": "image/png", "size": 5],
                ["id": "f-1", "fileName": "b.png", "contentType": "image/png", "size": 6],
            ]
        ])
        let issues = try validator.formState(topic: "every-kind", input: input).issues
        #expect(issues.map(\.code) == [.duplicateAttachment])
        #expect(issues.first?.path == "fields.attachments[1]")
    }

    /// The form names files with the attachment stores' sanitizer: bytes counted, no leading dot.
    @Test func attachmentNamesUseTheStoresSanitizer() throws {
        for name in ["..hidden.png", "a.b" + String(repeating: "\u{301}", count: 500), "evil\u{202E}gnp.png"] {
            let input = ValidationFixtures.input(["attachments": [Self.file(name, "image/png", 10)]])
            let submission = try validator.validate(topic: "every-kind", input: input).get()
            guard case .attachments(let files)? = submission["attachments"], let file = files.first else {
                Issue.record("no attachment for \(name)")
                continue
            }
            #expect(file.fileName == AttachmentName.sanitize(name))
            #expect(file.fileName.utf8.count <= AttachmentName.maxLength && !file.fileName.hasPrefix("."))
        }
    }

    @Test func attachmentKeepsGivenIDAndHash() throws {
        let hash = String(repeating: "AB", count: 32)
        let input = ValidationFixtures.input([
            "attachments": [
                ["id": "f-1", "fileName": "a.png", "contentType": "image/png", "size": 5, "sha256": .string(hash)]
            ]
        ])
        let submission = try validator.validate(topic: "every-kind", input: input).get()
        #expect(
            submission["attachments"]
                == .attachments([
                    Attachment(
                        id: "f-1", fileName: "a.png", contentType: "image/png", size: 5, sha256: hash.lowercased())
                ]))
    }

    // MARK: Conditions

    @Test(arguments: [
        FieldCase("otherChannel", nil, nil, [.required], context: ["channel": "other"]),
        FieldCase("otherChannel", " ICQ ", .text("ICQ"), context: ["channel": "other"]),
        FieldCase("otherChannel", 42, nil, context: ["channel": "widget"]),
        FieldCase("otherChannel", "ICQ", nil, context: ["channel": "widget"]),
        FieldCase("dialogId", nil, nil, [.required], context: ["channel": "telegram"]),
        FieldCase("dialogId", nil, nil, [.required], context: ["channel": "whatsapp"]),
        FieldCase("dialogId", "d-1", .text("d-1"), context: ["channel": "whatsapp"]),
        FieldCase("dialogId", nil, nil, context: ["channel": "widget"]),
        FieldCase("botType", "buttons", .option("buttons"), context: ["channel": "widget"]),
        FieldCase("botType", "buttons", nil, [.optionNotAvailable], context: ["channel": "whatsapp", "dialogId": "1"]),
        FieldCase("botType", "buttons", nil, [.optionNotAvailable], context: ["channel": nil]),
        FieldCase("botType", "text", .option("text"), context: ["channel": nil]),
    ])
    func conditions(_ testCase: FieldCase) throws { try check(testCase) }

    @Test func hiddenFieldsAreDroppedAndConditionsReadOnlyVisibleValues() throws {
        // channel "icq" is not an option, so for conditions the channel is empty: otherChannel stays hidden.
        let input = ValidationFixtures.input(["channel": "icq", "otherChannel": "x"])
        let failure = try #require(validator.validate(topic: "every-kind", input: input).failure)
        #expect(failure.codes == [.notAnOption])
        let submission = try validator.validate(
            topic: "every-kind", input: ValidationFixtures.input(["otherChannel": "ICQ"])
        ).get()
        #expect(submission["otherChannel"] == nil)
        #expect(!submission.values.fieldIDs.contains("otherChannel"))
    }

    // MARK: The whole input

    @Test func everyIssueIsReportedInFormOrder() throws {
        let input = ValidationFixtures.input([
            "accountNumber": "12", "summary": nil, "count": "many", "zzz": 1, "agree": false,
        ])
        let failure = try #require(validator.validate(topic: "every-kind", input: input).failure)
        #expect(failure.codes == [.pattern, .required, .notAnInteger, .required, .unknownField])
        #expect(
            failure.issues.map(\.path) == [
                "fields.accountNumber", "fields.summary", "fields.count", "fields.agree", "fields.zzz",
            ])
        #expect(failure.issues.map(\.fieldID) == ["accountNumber", "summary", "count", "agree", nil])
    }

    @Test func failureAsJSON() throws {
        let failure = try #require(
            validator.validate(topic: "every-kind", input: ValidationFixtures.input(["summary": nil])).failure)
        #expect(
            failure.jsonValue(in: .en).serialized()
                == #"{"valid":false,"issues":[{"field":"fields.summary","code":"required","message":"Please fill in “Summary”."}]}"#
        )
    }

    @Test func unknownTopicIsAnIssue() throws {
        let failure = try #require(validator.validate(topic: "nope", input: [:]).failure)
        #expect(failure.codes == [.unknownTopic])
        #expect(failure.issues[0].path == "topic")
    }

    @Test(arguments: [JSONValue.null, true, 1, "x", [1, 2]])
    func inputMustBeAnObject(_ input: JSONValue) throws {
        let failure = try #require(validator.validate(topic: "every-kind", input: input).failure)
        #expect(failure.codes == [.notAnObject])
        #expect(failure.issues[0].path == "")
    }

    @Test func unknownFieldKeysAreShownSafely() throws {
        let key = "bad\u{0}key" + String(repeating: "k", count: 200)
        let failure = try #require(
            validator.validate(topic: "every-kind", input: ValidationFixtures.input([key: 1])).failure)
        let issue = try #require(failure.issues.first)
        #expect(issue.code == .unknownField)
        #expect(!issue.path.contains("\u{0}"))
        #expect(issue.path.count <= "fields.".count + 65)
    }

    @Test func issuesBeyondTheLimitAreSummarized() throws {
        var changes: [String: JSONValue?] = [:]
        for index in 0..<500 { changes["unknown\(index)"] = .number(String(index)) }
        let failure = try #require(
            validator.validate(topic: "every-kind", input: ValidationFixtures.input(changes)).failure)
        #expect(failure.issues.count == ValidationLimits.default.maxIssues + 1)
        #expect(failure.issues.last?.code == .tooManyIssues)
    }

    @Test func validatesTheSameWayTwice() throws {
        let input = ValidationFixtures.input([
            "summary": "Кот", "features": ["a", "z"], "attachments": [Self.file("a.png", "image/png", 1)],
        ])
        #expect(
            validator.validate(topic: "every-kind", input: input)
                == validator.validate(topic: "every-kind", input: input))
    }

    @Test func normalizedSubmissionValidatesToItself() throws {
        let input = ValidationFixtures.input([
            "summary": "  Бот   молчит ", "amount": "12,50", "day": "01.02.2025", "phone": "8 912 345 67 89",
            "features": ["b", "a"], "attachments": [Self.file("a.png", "IMAGE/PNG", 3)], "link": "HTTP://A.RU",
        ])
        let submission = try validator.validate(topic: "every-kind", input: input).get()
        let fields = try #require(submission.json.objectValue?["fields"])
        let again = try validator.validate(topic: "every-kind", input: fields).get()
        #expect(again == submission)
    }

    // MARK: Bytes and limits

    @Test(arguments: [
        ("{\"summary\": ", ValidationIssue.Code.invalidJSON),
        ("{\"summary\": \"a\",}", .invalidJSON),
        ("", .invalidJSON),
        ("{\"a\": 1, \"a\": 2}", .invalidJSON),
        (String(repeating: "[", count: 100) + String(repeating: "]", count: 100), .inputTooLarge),
    ])
    func malformedJSONIsAnIssue(_ text: String, _ code: ValidationIssue.Code) throws {
        let failure = try #require(validator.validate(topic: "every-kind", json: Array(text.utf8)).failure)
        #expect(failure.codes == [code])
        #expect(failure.issues[0].message(in: .ru).contains(code == .inputTooLarge ? "слишком" : "строка"))
    }

    @Test(
        arguments: [[0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], [0x22, 0xC3], [0x22, 0xED, 0xA0, 0x80, 0x22]]
            as [[UInt8]])
    func invalidUTF8IsAnIssue(_ bytes: [UInt8]) throws {
        let failure = try #require(validator.validate(topic: "every-kind", json: bytes).failure)
        #expect(failure.codes == [.invalidUTF8] || failure.codes == [.invalidJSON])
        #expect(failure.codes.count == 1)
    }

    @Test func invalidUTF8InAValueIsReportedAsSuch() throws {
        let bytes = Array("{\"summary\": \"Бот".utf8) + [0xFF] + Array("\"}".utf8)
        let failure = try #require(validator.validate(topic: "every-kind", json: bytes).failure)
        #expect(failure.codes == [.invalidUTF8])
    }

    @Test func hugeStringsAreRejectedCheaply() throws {
        let tooLongForTheParser = "{\"summary\": \"" + String(repeating: "я", count: 200_000) + "\"}"
        let failure = try #require(
            validator.validate(topic: "every-kind", json: Array(tooLongForTheParser.utf8)).failure)
        #expect(failure.codes == [.inputTooLarge])
        let input = ValidationFixtures.input(["summary": .string(String(repeating: "a ", count: 100_000))])
        let tooLong = try #require(validator.validate(topic: "every-kind", input: input).failure)
        #expect(tooLong.codes == [.tooLong])
        #expect(tooLong.issues[0].arguments["max"] == "20")
    }

    @Test func hugeArraysAreRejectedWithoutReadingThem() throws {
        let many = JSONValue.array(Array(repeating: "a", count: 10_000))
        let failure = try #require(
            validator.validate(topic: "every-kind", input: ValidationFixtures.input(["features": many])).failure)
        #expect(failure.codes == [.tooManySelections])
        let files = JSONValue.array(Array(repeating: Self.file("a.png", "image/png", 1), count: 1_000))
        let fileFailure = try #require(
            validator.validate(topic: "every-kind", input: ValidationFixtures.input(["attachments": files])).failure)
        #expect(fileFailure.codes == [.tooManyFiles])
    }

    @Test func validBytesGiveTheSameSubmissionAsTheValue() throws {
        let bytes = Array(ValidationFixtures.validInput.serialized().utf8)
        #expect(
            validator.validate(topic: "every-kind", json: bytes)
                == validator.validate(topic: "every-kind", input: ValidationFixtures.validInput))
    }
}
