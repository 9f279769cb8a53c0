import Foundation
import SupportDesk

/// Benchmarks of `InMemoryStore`: creates, bulk import, claiming a large queue, the due query.
enum InMemoryStoreBenchmarks {
    static var isSmokeRun: Bool { ProcessInfo.processInfo.environment["SUPPORTDESK_BENCH_SMOKE"] == "1" }
    static let epoch = Date(timeIntervalSince1970: 1_800_000_000)

    /// Creates (each with one history entry and one outbox row), imports, claims and due queries.
    static func store(_ tickets: Int, isOptIn: Bool = false) -> Benchmark {
        let label = tickets >= 1_000_000 ? "\(tickets / 1_000_000)m" : "\(tickets / 1_000)k"
        return Benchmark(name: "storage.memory.\(label)", isOptIn: isOptIn) { report in
            let count = isSmokeRun ? min(tickets, 2_000) : tickets
            let name = "storage.memory.\(label)"
            let account = try Account(
                company: "Ромашка", members: [EmailAddress("anna@romashka.ru")], createdAt: epoch)

            // Creates, one transaction each.
            let creating = InMemoryStore()
            try await creating.createAccount(account)
            let creates = min(count, 50_000)
            var start = nanosecondsNow()
            for index in 0..<creates {
                let draft = TicketDraft(
                    numberPrefix: "TW", accountID: account.id, topicID: "chat-dialog", categoryID: "chats",
                    fields: FieldValues([CommonField.summary: .text("Бот не отвечает \(index)")]),
                    createdAt: epoch.addingTimeInterval(Double(index)))
                _ = try await creating.createTicket(
                    draft,
                    history: [
                        TicketHistoryEntry(
                            ticketID: draft.id, at: draft.createdAt, actor: .customer(account.members[0]),
                            change: .created)
                    ],
                    outbox: [
                        OutboxNotification.Draft(recipient: account.members[0], kind: .ticketCreated, body: "Создана")
                    ])
            }
            var seconds = Double(nanosecondsNow() - start) / 1e9
            report(Measurement(name: name, metric: "create_per_s", value: Double(creates) / seconds, unit: "ops_per_s"))

            // Bulk import: `count` tickets in batches of 1,000; 1% wait for the customer with a past deadline.
            let store = InMemoryStore()
            try await store.createAccount(account)
            let due = max(1, count / 100)
            // The tickets are built first, so only the import is timed.
            let tickets = (0..<count).map { index in
                let isDue = index % (count / due) == 0
                let created = epoch.addingTimeInterval(Double(index))
                return ImportedTicket(
                    ticket: Ticket(
                        number: Ticket.Number(prefix: "TW", sequence: Int64(index + 1)), accountID: account.id,
                        topicID: "chat-dialog", categoryID: "chats",
                        fields: FieldValues([CommonField.summary: .text("Бот не отвечает")]),
                        status: isDue ? .waitingForCustomer : .new, createdAt: created, queuedAt: isDue ? nil : created,
                        replyDeadline: isDue ? created.addingTimeInterval(172_800) : nil))
            }
            start = nanosecondsNow()
            for batchStart in stride(from: 0, to: count, by: 1_000) {
                try await store.importTickets(Array(tickets[batchStart..<min(count, batchStart + 1_000)]))
            }
            seconds = Double(nanosecondsNow() - start) / 1e9
            report(Measurement(name: name, metric: "import_per_s", value: Double(count) / seconds, unit: "ops_per_s"))

            // The due query: every due ticket, in pages of 500 (what a sweep reads).
            let now = epoch.addingTimeInterval(Double(count) + 200_000)
            var queries = 0
            var found = 0
            start = nanosecondsNow()
            repeat {
                found = try await store.ticketsWaitingForCustomer(dueBefore: now, limit: 500).count
                queries += 1
            } while Double(nanosecondsNow() - start) / 1e9 < (isSmokeRun ? 0.05 : 1)
            seconds = Double(nanosecondsNow() - start) / 1e9
            report(
                Measurement(name: name, metric: "due_query_ms", value: seconds * 1_000 / Double(queries), unit: "ms"))
            report(Measurement(name: name, metric: "due_returned", value: Double(found), unit: "count"))

            // Claiming the whole queue, oldest first.
            let queued = count - due
            start = nanosecondsNow()
            var claimed = 0
            while try await store.claimNext(agent: "agent", now: now) != nil { claimed += 1 }
            seconds = Double(nanosecondsNow() - start) / 1e9
            guard claimed == queued else {
                throw StorageBenchmarkFailure(message: "claimed \(claimed) of \(queued) queued tickets")
            }
            report(Measurement(name: name, metric: "claim_per_s", value: Double(claimed) / seconds, unit: "ops_per_s"))
            report(Measurement(name: name, metric: "tickets", value: Double(count), unit: "count"))
        }
    }
}

/// A storage benchmark whose workload did not do what it should (its numbers would mean nothing).
struct StorageBenchmarkFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
