import Foundation
import SupportDesk

/// Benchmarks of the validation engine on the shipped catalog's chat-problem form (`chat-dialog`).
enum ValidationBenchmarks {
    /// A realistic filled `chat-dialog` form: every field (common ones included), a pattern field (chat ID),
    /// text that needs normalization, two attachments.
    static let filledChatForm: JSONValue = [
        "accountNumber": " 104857 ",
        "summary": "Бот не отвечает  в Telegram после обновления сценария",
        "description": """
            После вчерашнего обновления сценария бот перестал отвечать в Telegram.\r
            Шаги: 1) написать боту «привет»; 2) подождать минуту; 3) ответа нет.
            В виджете на сайте тот же сценарий работает нормально.
            """,
        "attachments": [
            ["fileName": "screen-1.png", "contentType": "image/png", "size": 482_133],
            ["fileName": "dialog.mp4", "contentType": "video/mp4", "size": 7_340_032],
        ],
        "chatId": "3f2b8c1e-9a4d-4e7b-8c2f-1d5e6a7b8c9d",
        "dialogId": "\u{200B}a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d",
        "channel": "telegram",
        "occurredOn": "2026-11-20",
    ]

    /// The same form with three errors: a chat ID that does not match the pattern, a summary that is too
    /// short, a channel that is not an option.
    static let chatFormWithThreeErrors: JSONValue = {
        guard case .object(var object) = filledChatForm else { return filledChatForm }
        object["chatId"] = "чат 42"
        object["summary"] = "Бот"
        object["channel"] = "icq"
        return .object(object)
    }()

    static let chatForm = Benchmark(name: "validation.chat-form") { report in
        let validator = FormValidator(catalog: try Catalog.twinHelpCenter())
        let topic: Topic.ID = "chat-dialog"
        guard case .success = validator.validate(topic: topic, input: filledChatForm),
            case .failure(let failure) = validator.validate(topic: topic, input: chatFormWithThreeErrors),
            failure.issues.count == 3
        else {
            throw ValidationBenchmarkError(message: "the benchmark forms do not validate as expected")
        }
        let seconds = CatalogBenchmarks.isSmokeRun ? 0.05 : 2.0
        let batch = 1_000
        let valid = measureThroughput(minimumSeconds: seconds, operationsPerIteration: batch) {
            for _ in 0..<batch { blackHole(validator.validate(topic: topic, input: filledChatForm)) }
        }
        report(Measurement(name: "validation.chat-form", metric: "valid_forms_per_s", value: valid, unit: "ops_per_s"))
        let invalid = measureThroughput(minimumSeconds: seconds, operationsPerIteration: batch) {
            for _ in 0..<batch { blackHole(validator.validate(topic: topic, input: chatFormWithThreeErrors)) }
        }
        report(
            Measurement(
                name: "validation.chat-form", metric: "forms_with_3_errors_per_s", value: invalid, unit: "ops_per_s"))
        let bytes = Array(filledChatForm.serialized().utf8)
        let fromBytes = measureThroughput(minimumSeconds: seconds, operationsPerIteration: batch) {
            for _ in 0..<batch { blackHole(validator.validate(topic: topic, json: bytes)) }
        }
        report(
            Measurement(
                name: "validation.chat-form", metric: "valid_forms_from_json_bytes_per_s", value: fromBytes,
                unit: "ops_per_s"))
    }
}

struct ValidationBenchmarkError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
