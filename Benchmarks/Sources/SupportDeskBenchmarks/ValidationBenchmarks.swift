import Foundation
import SupportDesk

/// Benchmarks of the validation engine on the shipped catalog's chat-problem form (`chat-dialog`).
enum ValidationBenchmarks {
    /// A realistic filled `chat-dialog` form as an app sends it: every field (common ones included), the
    /// chat and dialog IDs checked by a pattern, a Russian multi-line description, two attachments.
    static let filledChatForm: JSONValue = [
        "accountNumber": "104857",
        "summary": "Бот не отвечает в Telegram после обновления сценария",
        "description": """
        После вчерашнего обновления сценария бот перестал отвечать в Telegram.
        Шаги: 1) написать боту «привет»; 2) подождать минуту; 3) ответа нет.
        В виджете на сайте тот же сценарий работает нормально.
        """,
        "attachments": [
            ["fileName": "screen-1.png", "contentType": "image/png", "size": 482_133],
            ["fileName": "dialog.mp4", "contentType": "video/mp4", "size": 7_340_032],
        ],
        "chatId": "3f2b8c1e-9a4d-4e7b-8c2f-1d5e6a7b8c9d",
        "dialogId": "a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d",
        "channel": "telegram",
        "occurredOn": "2026-11-20",
    ]

    /// The same form typed and pasted by a person: surrounding spaces, a double space, Windows line breaks,
    /// a zero-width space and quotes around a pasted ID, the date written the Russian way. Every text takes
    /// the normalizer's slow path.
    static let pastedChatForm: JSONValue = {
        guard case .object(var object) = filledChatForm else { return filledChatForm }
        object["accountNumber"] = " 104857 "
        object["summary"] = "Бот не отвечает  в Telegram после обновления сценария "
        object["description"] = .string(
            (object["description"]?.stringValue ?? "").split(separator: "\n").joined(separator: "\r\n") + "\r\n")
        object["chatId"] = "«3f2b8c1e-9a4d-4e7b-8c2f-1d5e6a7b8c9d»"
        object["dialogId"] = "\u{200B}a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d "
        object["occurredOn"] = "20.11.2026"
        return .object(object)
    }()

    /// The form with three errors: a chat ID that does not match the pattern, a summary that is too short,
    /// a channel that is not an option.
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
        guard case .success(let clean) = validator.validate(topic: topic, input: filledChatForm),
            case .success(let pasted) = validator.validate(topic: topic, input: pastedChatForm), clean == pasted,
            case .failure(let failure) = validator.validate(topic: topic, input: chatFormWithThreeErrors),
            failure.issues.count == 3
        else {
            throw ValidationBenchmarkError(message: "the benchmark forms do not validate as expected")
        }
        let seconds = CatalogBenchmarks.isSmokeRun ? 0.05 : 2.0
        let bytes = Array(filledChatForm.serialized().utf8)
        let runs: [(metric: String, body: () -> Void)] = [
            ("valid_forms_per_s", { blackHole(validator.validate(topic: topic, input: filledChatForm)) }),
            ("pasted_valid_forms_per_s", { blackHole(validator.validate(topic: topic, input: pastedChatForm)) }),
            (
                "forms_with_3_errors_per_s",
                { blackHole(validator.validate(topic: topic, input: chatFormWithThreeErrors)) }
            ),
            ("valid_forms_from_json_bytes_per_s", { blackHole(validator.validate(topic: topic, json: bytes)) }),
        ]
        for run in runs {
            let (wall, cpu) = rates(seconds: seconds, run.body)
            report(Measurement(name: "validation.chat-form", metric: run.metric, value: wall, unit: "ops_per_s"))
            report(
                Measurement(name: "validation.chat-form", metric: "cpu_" + run.metric, value: cpu, unit: "ops_per_s"))
        }
    }

    /// Operations per second by wall clock and by this thread's CPU time (which other jobs on a shared
    /// machine do not inflate), in batches of 1,000, for at least `seconds`.
    private static func rates(seconds: Double, _ body: () -> Void) -> (wall: Double, cpu: Double) {
        let batch = 1_000
        var operations = 0
        let wallStart = nanosecondsNow()
        let cpuStart = threadCPUNanoseconds()
        repeat {
            for _ in 0..<batch { body() }
            operations += batch
        } while Double(nanosecondsNow() - wallStart) / 1e9 < seconds
        let cpu = Double(threadCPUNanoseconds() - cpuStart) / 1e9
        let wall = Double(nanosecondsNow() - wallStart) / 1e9
        return (Double(operations) / wall, Double(operations) / cpu)
    }

    private static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

struct ValidationBenchmarkError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
