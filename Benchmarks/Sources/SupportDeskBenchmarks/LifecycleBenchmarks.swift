import Foundation
import SupportDesk
import SupportDeskSQLite

/// Benchmarks of the ticket lifecycle: the auto-close sweep (its cost follows the number of due tickets,
/// not the number stored), atomic claims and comments.
enum LifecycleBenchmarks {
    static var isSmokeRun: Bool { CatalogBenchmarks.isSmokeRun }
    static let start = Date(timeIntervalSince1970: 1_795_000_000)
    static let day: TimeInterval = 86_400

    enum Backend: String, CaseIterable {
        case memory, sqlite

        func makeStore(in directory: URL) throws -> any SupportDeskStore {
            switch self {
            case .memory: InMemoryStore()
            case .sqlite:
                try SQLiteStore(path: directory.appendingPathComponent("bench-\(UUID().uuidString).sqlite").path)
            }
        }
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "support-desk-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func fields() -> FieldValues {
        FieldValues([
            CommonField.accountNumber: .text("123456"), CommonField.summary: .text("Бот не отвечает"),
            CommonField.description: .text("Пишу боту в Telegram, он не отвечает"),
            "chatId": .text("3f2c9a10-1b2c-4d5e-8f90-a1b2c3d4e5f6"), "channel": .option("telegram"),
        ])
    }

    /// A help center over `store` with one account and `waiting` imported tickets waiting for the customer;
    /// the first `due` of them are past their deadline at the returned time.
    static func seed(_ store: any SupportDeskStore, waiting: Int, due: Int) async throws -> (HelpCenter, ManualTime) {
        let time = ManualTime(start)
        let center = try HelpCenter(store: store, catalog: try Catalog.twinHelpCenter(), now: time.now)
        let account = try await center.createAccount(
            company: "Ромашка", members: [try EmailAddress("support@romashka.ru")],
            sharing: .mailingGroup(fanOut: [
                try EmailAddress("anna@romashka.ru"), try EmailAddress("boris@romashka.ru"),
            ]))
        let values = fields()
        var batch: [ImportedTicket] = []
        for index in 0..<waiting {
            // The due ones were asked 3 days ago; the rest 1 day ago, so their deadlines are tomorrow.
            let asked =
                index < due ? start.addingTimeInterval(-3 * day + Double(index)) : start.addingTimeInterval(-day)
            batch.append(
                ImportedTicket(
                    ticket: Ticket(
                        number: Ticket.Number(prefix: "TW", sequence: Int64(index + 1)), accountID: account.id,
                        topicID: "chat-dialog", categoryID: "chats", fields: values, status: .waitingForCustomer,
                        assignee: "ivan", createdAt: asked, queuedAt: asked,
                        replyDeadline: asked.addingTimeInterval(2 * day))))
            if batch.count == 5_000 {
                try await store.importTickets(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try await store.importTickets(batch) }
        return (center, time)
    }

    /// One sweep closing 100 due tickets among 10,000 and 100,000 waiting ones, per backend: if the sweep
    /// cost followed the stored count, the larger store would be ~10× slower.
    static let sweep = Benchmark(name: "lifecycle.sweep") { report in
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sizes = isSmokeRun ? [1_000] : [10_000, 100_000]
        let due = isSmokeRun ? 20 : 100
        for backend in Backend.allCases {
            for size in sizes {
                let store = try backend.makeStore(in: directory)
                let (center, _) = try await seed(store, waiting: size, due: due)
                let before = nanosecondsNow()
                let result = try await center.sweep()
                let milliseconds = Double(nanosecondsNow() - before) / 1e6
                guard result.closed.count == due else {
                    throw HelpCenterError(.conflict, "the sweep closed \(result.closed.count), expected \(due)")
                }
                let name = "lifecycle.sweep.\(backend.rawValue).\(size)_waiting"
                report(Measurement(name: name, metric: "sweep_ms_for_\(due)_due", value: milliseconds, unit: "ms"))
                report(
                    Measurement(
                        name: name, metric: "ms_per_closed_ticket", value: milliseconds / Double(due), unit: "ms"))
                let idle = nanosecondsNow()
                _ = try await center.sweep()
                report(
                    Measurement(
                        name: name, metric: "idle_sweep_ms", value: Double(nanosecondsNow() - idle) / 1e6, unit: "ms"))
            }
        }
    }

    /// Four agents claiming concurrently until a queue of tickets is empty; then comments on claimed tickets.
    static let claims = Benchmark(name: "lifecycle.claims") { report in
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let count = isSmokeRun ? 100 : 2_000
        for backend in Backend.allCases {
            let store = try backend.makeStore(in: directory)
            let time = ManualTime(start)
            let center = try HelpCenter(store: store, catalog: try Catalog.twinHelpCenter(), now: time.now)
            let customer = try EmailAddress("support@romashka.ru")
            try await center.createAccount(company: "Ромашка", members: [customer])
            let validator = FormValidator(catalog: center.catalog)
            let form: JSONValue = [
                "accountNumber": "123456", "summary": "Бот не отвечает", "description": "Пишу боту, он молчит",
                "chatId": "3f2c9a10-1b2c-4d5e-8f90-a1b2c3d4e5f6", "dialogId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "channel": "telegram",
            ]
            let submission = try validator.validate(topic: "chat-dialog", input: form).get()
            var before = nanosecondsNow()
            var numbers: [Ticket.Number] = []
            for _ in 0..<count {
                numbers.append(try await center.createTicket(submission, by: .customer(customer)).number)
            }
            let createSeconds = Double(nanosecondsNow() - before) / 1e9
            before = nanosecondsNow()
            let claimed = try await withThrowingTaskGroup(of: Int.self) { group in
                for agent in 0..<4 {
                    group.addTask {
                        var mine = 0
                        while try await center.claimNext(agent: Agent.ID("agent-\(agent)")) != nil { mine += 1 }
                        return mine
                    }
                }
                return try await group.reduce(0, +)
            }
            let claimSeconds = Double(nanosecondsNow() - before) / 1e9
            guard claimed == count else { throw HelpCenterError(.conflict, "claimed \(claimed) of \(count)") }
            before = nanosecondsNow()
            for number in numbers {
                try await center.comment(on: number, by: .agent("agent-0"), text: "Пришлите скриншот", asks: true)
            }
            let askSeconds = Double(nanosecondsNow() - before) / 1e9
            let name = "lifecycle.claims.\(backend.rawValue)"
            report(
                Measurement(
                    name: name, metric: "creates_per_s", value: Double(count) / createSeconds, unit: "ops_per_s"))
            report(
                Measurement(
                    name: name, metric: "claims_per_s_4_agents", value: Double(count) / claimSeconds, unit: "ops_per_s")
            )
            report(
                Measurement(name: name, metric: "questions_per_s", value: Double(count) / askSeconds, unit: "ops_per_s")
            )
        }
    }
}
