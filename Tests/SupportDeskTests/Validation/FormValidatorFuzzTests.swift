import SupportDesk
import SupportDeskTesting
import Testing

/// Random input against every shipped form: validation never crashes, and always gives either a valid
/// submission or at least one issue; a valid submission holds only visible fields of the form and
/// validates again to itself.
@Suite struct FormValidatorFuzzTests {
    static let fragments: [String] = [
        "", " ", "  ", "\t", "\n", "\r\n", "\u{200B}", "\u{FEFF}", "\u{00A0}", "\u{0301}", "\u{0000}", "\"", "«", "»",
        "a", "Z", "я", "Ё", "e\u{301}", "👨‍👩‍👧", "0", "7", "8", "+", "-", ".", ",", ":", "/", "@", "_", "12", "2026-11-20",
        "20.11.2026", "2025-02-30", "3f2b8c1e-9a4d-4e7b-8c2f-1d5e6a7b8c9d", "+7 912 345-67-89", "8 (912) 345-67-89",
        "anna@example.com", "https://example.com/x", "http://", "telegram", "whatsapp", "other", "calls", "sms",
        "true", "null", "1e400", "-0", "9999999999999999999999",
    ]

    static func randomText(_ generator: inout SeededRandomNumberGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...4, using: &generator) {
            text += fragments.randomElement(using: &generator) ?? ""
        }
        if Int.random(in: 0..<50, using: &generator) == 0 {
            text += String(repeating: "я", count: Int.random(in: 100...20_000, using: &generator))
        }
        return text
    }

    static func randomValue(_ generator: inout SeededRandomNumberGenerator, depth: Int, options: [String]) -> JSONValue
    {
        switch Int.random(in: 0..<(depth > 3 ? 6 : 9), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2:
            let literals = ["0", "-1", "1", "42", "3.5", "1e2", "1e400", "-0.001", "100000000000", "12.50", "599"]
            return .number(literals.randomElement(using: &generator) ?? "0")
        case 3, 4: return .string(randomText(&generator))
        case 5: return .string(options.randomElement(using: &generator) ?? "x")
        case 6:
            let count = Int.random(in: 0...5, using: &generator)
            return .array((0..<count).map { _ in randomValue(&generator, depth: depth + 1, options: options) })
        case 7:
            let keys = ["fileName", "contentType", "size", "id", "sha256", "x"]
            var object = JSONObject()
            for key in keys where Bool.random(using: &generator) {
                object[key] = randomValue(
                    &generator, depth: depth + 1, options: ["image/png", "a.png", "application/zip"])
            }
            return .object(object)
        default:
            return .array(
                (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                    .string(options.randomElement(using: &generator) ?? "x")
                })
        }
    }

    @Test(arguments: try Catalog.twinHelpCenter().topics.map(\.id))
    func randomInputNeverCrashesAndAlwaysAnswers(_ topic: Topic.ID) throws {
        let catalog = try Catalog.twinHelpCenter()
        let validator = FormValidator(catalog: catalog)
        let form = try #require(catalog.topic(topic)).form
        let fieldIDs = form.fields.map(\.id.rawValue)
        let options = form.fields.flatMap { $0.options.map(\.value) }
        var generator = SeededRandomNumberGenerator(seed: topic.rawValue.utf8.reduce(0x5EED) { $0 &* 31 &+ UInt64($1) })
        let valid = ShippedFormsValidationTests.input(topic.rawValue).objectValue ?? JSONObject()
        var validCount = 0
        for round in 0..<600 {
            var object: JSONObject
            if round.isMultiple(of: 2) {
                // A valid form with up to two fields changed or removed.
                object = valid
                for _ in 0..<Int.random(in: 0...2, using: &generator) {
                    let field = fieldIDs.randomElement(using: &generator) ?? ""
                    object[field] =
                        Bool.random(using: &generator) ? nil : Self.randomValue(&generator, depth: 0, options: options)
                }
            } else {
                object = JSONObject()
                for field in fieldIDs where Int.random(in: 0..<3, using: &generator) > 0 {
                    object[field] = Self.randomValue(&generator, depth: 0, options: options)
                }
            }
            if round % 10 == 0 { object[Self.randomText(&generator)] = 1 }
            let input: JSONValue =
                round % 97 == 0 ? Self.randomValue(&generator, depth: 0, options: options) : .object(object)
            switch validator.validate(topic: topic, input: input) {
            case .success(let submission):
                validCount += 1
                let state = try validator.formState(topic: topic, input: input)
                for id in submission.values.fieldIDs {
                    #expect(state.field(id)?.isVisible == true, "\(topic): hidden \(id) kept")
                }
                let again = validator.validate(topic: topic, input: submission.json.objectValue?["fields"] ?? [:])
                #expect(again == .success(submission), "\(topic): not stable for \(input.serialized())")
            case .failure(let failure):
                #expect(!failure.issues.isEmpty)
                for issue in failure.issues {
                    #expect(!issue.message(in: .ru).contains("{"), "\(issue)")
                    #expect(!issue.message(in: .en).isEmpty)
                }
            }
        }
        #expect(validCount > 0, "the generator never produced a valid form")
    }

    @Test func randomBytesNeverCrash() throws {
        let validator = FormValidator(catalog: try Catalog.twinHelpCenter())
        var generator = SeededRandomNumberGenerator(seed: 42)
        let seed = Array(ShippedFormsValidationTests.input("chat-dialog").serialized().utf8)
        for _ in 0..<3_000 {
            var bytes = seed
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: index)
                default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
            switch validator.validate(topic: "chat-dialog", json: bytes) {
            case .success(let submission): #expect(submission.topicID == "chat-dialog")
            case .failure(let failure): #expect(!failure.issues.isEmpty)
            }
        }
    }
}
