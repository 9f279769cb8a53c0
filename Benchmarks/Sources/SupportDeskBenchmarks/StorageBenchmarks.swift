import Foundation
import SupportDesk
@_spi(Benchmarks) import SupportDeskSQLite

/// Benchmarks of the SQLite store: durable creates against the raw C API, bulk import, queue claims and
/// the due-deadline query at two sizes. Each run works on fresh files in a temporary directory.
enum StorageBenchmarks {
    /// `SUPPORTDESK_BENCH_SMOKE=1` shortens every run (CI checks the harness, not the numbers).
    static var isSmokeRun: Bool { ProcessInfo.processInfo.environment["SUPPORTDESK_BENCH_SMOKE"] == "1" }

    static let epoch = Date(timeIntervalSince1970: 1_800_000_000)
    static let fields = FieldValues([
        CommonField.accountNumber: .text("123456"),
        CommonField.summary: .text("Бот не отвечает в чате"),
        CommonField.description: .text("После обновления сценария бот перестал отвечать на сообщения в Telegram."),
        "chatId": .text("@romashka_support"),
    ])

    /// Durable create-ticket (own transaction with its history entry and two notifications) through
    /// ``SQLiteStore`` and the same rows written with the raw C API; target: the store at ≥ 0.8× raw.
    static let create = Benchmark(name: "storage.sqlite.create") { report in
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let seconds = isSmokeRun ? 0.1 : 3.0
        let fieldsJSON = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)

        let raw = try RawSQLiteTicketWriter(path: directory.appendingPathComponent("raw.sqlite").path)
        let store = try SQLiteStore(path: directory.appendingPathComponent("store.sqlite").path)
        let account = try await makeAccount(store)
        // Alternate raw and store creates (which goes first alternates too), so both see the same disk and
        // the same load from other jobs: runs one after the other drift apart on a shared machine.
        var rawSamples = LatencySamples(capacity: 10_000)
        var storeSamples = LatencySamples(capacity: 10_000)
        var rawNanoseconds: UInt64 = 0
        var storeNanoseconds: UInt64 = 0
        var rawCPU = 0.0
        var storeCPU = 0.0
        var creates = 0
        let start = nanosecondsNow()
        while Double(nanosecondsNow() - start) / 1e9 < 2 * seconds || creates < 4 {
            let cpuBefore = cpuSeconds()
            let before = nanosecondsNow()
            if creates % 2 == 0 {
                try raw.createTicket(id: "raw-\(creates)", fieldsJSON: fieldsJSON, at: Double(creates))
            } else {
                _ = try await store.createTicket(
                    draft(account, at: epoch.addingTimeInterval(Double(creates))), history: [], outbox: [],
                    account: account)
            }
            let elapsed = nanosecondsNow() - before
            let cpu = cpuSeconds() - cpuBefore
            if creates % 2 == 0 {
                rawSamples.record(elapsed)
                rawNanoseconds += elapsed
                rawCPU += cpu
            } else {
                storeSamples.record(elapsed)
                storeNanoseconds += elapsed
                storeCPU += cpu
            }
            creates += 1
        }
        let perSide = Double(creates / 2)
        let rawRate = perSide / (Double(rawNanoseconds) / 1e9)
        let storeRate = perSide / (Double(storeNanoseconds) / 1e9)

        let name = "storage.sqlite.create"
        report(Measurement(name: name, metric: "store_creates_per_s", value: storeRate, unit: "ops_per_s"))
        report(Measurement(name: name, metric: "raw_creates_per_s", value: rawRate, unit: "ops_per_s"))
        report(Measurement(name: name, metric: "store_to_raw_ratio", value: storeRate / rawRate, unit: "ratio"))
        // CPU (user + system, fsync calls included) per create: the cost of the Swift layer beside the disk wait.
        report(Measurement(name: name, metric: "store_cpu_us_per_create", value: storeCPU / perSide * 1e6, unit: "us"))
        report(Measurement(name: name, metric: "raw_cpu_us_per_create", value: rawCPU / perSide * 1e6, unit: "us"))
        report(
            Measurement(name: name, metric: "store_p50_ms", value: storeSamples.percentileMilliseconds(50), unit: "ms"))
        report(
            Measurement(name: name, metric: "store_p99_ms", value: storeSamples.percentileMilliseconds(99), unit: "ms"))
        report(Measurement(name: name, metric: "raw_p50_ms", value: rawSamples.percentileMilliseconds(50), unit: "ms"))
        report(Measurement(name: name, metric: "raw_p99_ms", value: rawSamples.percentileMilliseconds(99), unit: "ms"))
    }

    /// Bulk import of 100,000 tickets (each with its creation history entry) in batches of 10,000 (and, for
    /// comparison, of 1,000), one transaction per batch; target ≥ 100,000 tickets/s.
    static let bulkImport = Benchmark(name: "storage.sqlite.import") { report in
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let total = isSmokeRun ? 5_000 : 100_000
        for batchSize in [10_000, 1_000] {
            let store = try SQLiteStore(path: directory.appendingPathComponent("import-\(batchSize).sqlite").path)
            let account = try await makeAccount(store)
            let batches = stride(from: 0, to: total, by: batchSize).map { first in
                (first..<min(total, first + batchSize)).map { index in
                    imported(index: index, account: account, status: .new)
                }
            }
            let start = nanosecondsNow()
            let cpuStart = cpuSeconds()
            for batch in batches { try await store.importTickets(batch) }
            let seconds = Double(nanosecondsNow() - start) / 1e9
            let cpu = cpuSeconds() - cpuStart
            let name = "storage.sqlite.import.batch\(batchSize)"
            report(Measurement(name: name, metric: "tickets_per_s", value: Double(total) / seconds, unit: "ops_per_s"))
            // CPU time of this process (user + system) over the import: what the rate would be on a core of
            // its own, on a machine whose other jobs stretch the wall clock.
            report(Measurement(name: name, metric: "tickets_per_cpu_s", value: Double(total) / cpu, unit: "ops_per_s"))

            // The same rows through the raw C API (pre-encoded JSON, no checks): the ceiling on this machine.
            let raw = try RawSQLiteTicketWriter(
                path: directory.appendingPathComponent("raw-import-\(batchSize).sqlite").path)
            let fieldsJSON = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
            let idBatches = batches.map { $0.map { "raw-" + $0.ticket.id.rawValue } }
            let rawStart = nanosecondsNow()
            let rawCPUStart = cpuSeconds()
            var sequence: Int64 = 1
            for ids in idBatches {
                try raw.importTickets(ids: ids, fieldsJSON: fieldsJSON, firstSequence: sequence)
                sequence += Int64(ids.count)
            }
            let rawSeconds = Double(nanosecondsNow() - rawStart) / 1e9
            let rawCPU = cpuSeconds() - rawCPUStart
            report(
                Measurement(
                    name: name, metric: "raw_tickets_per_s", value: Double(total) / rawSeconds, unit: "ops_per_s"))
            report(
                Measurement(
                    name: name, metric: "raw_tickets_per_cpu_s", value: Double(total) / rawCPU, unit: "ops_per_s"))
        }
    }

    /// Durable claims (`claimNext`) from a queue of 100,000 tickets.
    static let claim = Benchmark(name: "storage.sqlite.claim") { report in
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let total = isSmokeRun ? 2_000 : 100_000
        let store = try SQLiteStore(path: directory.appendingPathComponent("queue.sqlite").path)
        let account = try await makeAccount(store)
        try await importTickets(store, count: total, account: account) { _ in .new }
        var samples = LatencySamples(capacity: 10_000)
        let seconds = isSmokeRun ? 0.1 : 3.0
        let start = nanosecondsNow()
        var claims = 0
        while Double(nanosecondsNow() - start) / 1e9 < seconds || claims < 3 {
            let before = nanosecondsNow()
            guard try await store.claimNext(agent: "bench-agent", now: epoch.addingTimeInterval(1e6)) != nil else {
                break
            }
            samples.record(nanosecondsNow() - before)
            claims += 1
        }
        let rate = Double(claims) / (Double(nanosecondsNow() - start) / 1e9)
        let name = "storage.sqlite.claim"
        report(Measurement(name: name, metric: "claims_per_s", value: rate, unit: "ops_per_s"))
        report(Measurement(name: name, metric: "p50_ms", value: samples.percentileMilliseconds(50), unit: "ms"))
        report(Measurement(name: name, metric: "p99_ms", value: samples.percentileMilliseconds(99), unit: "ms"))
        report(Measurement(name: name, metric: "queue_length", value: Double(total), unit: "count"))
    }

    /// The due query (`ticketsWaitingForCustomer(dueBefore:limit:)`) among `total` tickets, 1% of them
    /// waiting for the customer past their deadline (and 4% waiting, not yet due): the time for the first
    /// 100 due and per due ticket returned must not grow with the total (compare 100,000 with 1,000,000;
    /// the 1,000,000 run is opt-in, `--large`).
    static func due(_ total: Int, isOptIn: Bool = false) -> Benchmark {
        Benchmark(name: "storage.sqlite.due.\(total)", isOptIn: isOptIn) { report in
            let directory = try makeDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let total = isSmokeRun ? total / 50 : total
            let now = epoch.addingTimeInterval(100 * 86_400)
            let store = try SQLiteStore(path: directory.appendingPathComponent("due.sqlite").path)
            let account = try await makeAccount(store)
            try await importTickets(store, count: total, account: account) { index in
                switch index % 100 {
                case 0: .waitingForCustomer  // due (deadline before now)
                case 1...4: .waitingForCustomer  // not yet due
                case 5...49: .closed
                default: .inProgress
                }
            }
            let due = total / 100
            var firstPage = LatencySamples(capacity: 500)
            for _ in 0..<(isSmokeRun ? 5 : 300) {
                let before = nanosecondsNow()
                let page = try await store.ticketsWaitingForCustomer(dueBefore: now, limit: 100)
                firstPage.record(nanosecondsNow() - before)
                guard page.count == min(100, due) else {
                    throw BenchmarkFailure("expected \(min(100, due)) due, got \(page.count)")
                }
            }
            var all = LatencySamples(capacity: 20)
            for _ in 0..<(isSmokeRun ? 2 : 10) {
                let before = nanosecondsNow()
                let tickets = try await store.ticketsWaitingForCustomer(dueBefore: now, limit: due + 1)
                all.record(nanosecondsNow() - before)
                guard tickets.count == due else { throw BenchmarkFailure("expected \(due) due, got \(tickets.count)") }
            }
            let name = "storage.sqlite.due.\(total)"
            report(
                Measurement(
                    name: name, metric: "first_100_p50_ms", value: firstPage.percentileMilliseconds(50), unit: "ms"))
            report(Measurement(name: name, metric: "all_due_p50_ms", value: all.percentileMilliseconds(50), unit: "ms"))
            report(
                Measurement(
                    name: name, metric: "per_due_ticket_us", value: all.percentileMilliseconds(50) * 1000 / Double(due),
                    unit: "us"))
            report(Measurement(name: name, metric: "due_tickets", value: Double(due), unit: "count"))
        }
    }

    // MARK: Fixtures

    struct BenchmarkFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func makeDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "supportdesk-storage-bench-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func makeAccount(_ store: SQLiteStore) async throws -> Account {
        let account = try Account(
            company: "Ромашка", members: [try EmailAddress("anna@romashka.ru"), try EmailAddress("boris@romashka.ru")],
            createdAt: epoch)
        try await store.createAccount(account)
        return account
    }

    static func draft(_ account: Account, at date: Date) -> TicketDraft {
        TicketDraft(
            numberPrefix: "TW", accountID: account.id, topicID: "chat-dialog", categoryID: "chats", fields: fields,
            createdAt: date)
    }

    /// One ticket of the import fixtures; due-query fixtures get deadlines before or after the benchmark's now.
    static func imported(index: Int, account: Account, status: Ticket.Status) -> ImportedTicket {
        let created = epoch.addingTimeInterval(Double(index))
        var ticket = Ticket(
            number: Ticket.Number(prefix: "TW", sequence: Int64(index + 1)), accountID: account.id,
            topicID: "chat-dialog", categoryID: "chats", fields: fields, status: status,
            assignee: status == .new ? nil : "olga", createdAt: created, queuedAt: created)
        if status == .waitingForCustomer {
            let isDue = index % 100 == 0
            ticket.replyDeadline = created.addingTimeInterval(isDue ? 86_400 : 200 * 86_400)
        }
        if status == .closed {
            ticket.closeReason = .closedByAgent
            ticket.closedAt = created
        }
        return ImportedTicket(
            ticket: ticket,
            history: [
                TicketHistoryEntry(
                    ticketID: ticket.id, at: created, actor: .customer(account.members[0]), change: .created)
            ])
    }

    static func importTickets(
        _ store: SQLiteStore, count: Int, account: Account, status: (Int) -> Ticket.Status
    ) async throws {
        for first in stride(from: 0, to: count, by: 10_000) {
            let batch = (first..<min(count, first + 10_000)).map {
                imported(index: $0, account: account, status: status($0))
            }
            try await store.importTickets(batch)
        }
    }

    /// CPU time (user + system) of this process so far, in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

extension SQLiteStore {
    /// A create as the lifecycle does it: the creation history entry and a notification to each member.
    fileprivate func createTicket(
        _ draft: TicketDraft, history: [TicketHistoryEntry], outbox: [OutboxNotification.Draft], account: Account
    ) async throws -> Ticket {
        try await createTicket(
            draft,
            history: history + [
                TicketHistoryEntry(
                    ticketID: draft.id, at: draft.createdAt, actor: .customer(account.members[0]), change: .created)
            ],
            outbox: outbox
                + account.members.map {
                    OutboxNotification.Draft(recipient: $0, kind: .ticketCreated, body: "Заявка создана")
                })
    }
}
