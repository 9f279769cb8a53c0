#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Checks of the change feed, the outbox and bulk import.
extension StoreConformance {
    func changeFeedIsMonotonicAndComplete(_ store: any SupportDeskStore) async throws {
        try expectEqual(try await store.latestChangeSequence(), 0, "the latest sequence of an empty feed")
        try expect(try await store.changes(since: 0, limit: 10).isEmpty, "an empty store's feed")
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        let one = try await createTicket(store, account, at: at(1))
        let two = try await createTicket(store, account, at: at(2))
        var changed = one
        changed.updatedAt = at(3)
        let comment = Comment(ticketID: one.id, author: .agent("a"), body: "ok", createdAt: at(3))
        _ = try await store.updateTicket(changed, expectedVersion: 1, history: [], outbox: [], comment: comment)
        _ = try await store.claimNext(agent: "a", now: at(4))
        let imported = Ticket(
            number: Ticket.Number(prefix: "TW", sequence: 9_000), accountID: account.id, topicID: "t", categoryID: "c",
            fields: FieldValues(), status: .resolved, createdAt: at(5), closedAt: at(5))
        try await store.importTickets([ImportedTicket(ticket: imported)])

        let entries = try await allChanges(store)
        try expectEqual(
            entries.map(\.kind),
            [.ticketCreated, .ticketCreated, .ticketUpdated, .commentAdded, .ticketUpdated, .ticketCreated],
            "the feed's kinds in order")
        try expectEqual(
            entries.map(\.ticketID), [one.id, two.id, one.id, one.id, one.id, imported.id],
            "the feed's tickets in order")
        try expectEqual(entries.map(\.ticketVersion), [1, 1, 2, 2, 3, 1], "the ticket versions in the feed")
        try expect(entries.first.map { $0.sequence > 0 } ?? false, "feed sequences start above 0")
        for (earlier, later) in zip(entries, entries.dropFirst()) {
            try expect(
                later.sequence > earlier.sequence, "feed sequences increase: \(earlier.sequence) then \(later.sequence)"
            )
        }
        try expectEqual(try await store.latestChangeSequence(), entries.last?.sequence ?? -1, "latestChangeSequence")
        try expectEqual(
            try await store.changes(since: entries[2].sequence, limit: 2), Array(entries[3...4]),
            "changes(since:limit:) reads after the position, up to the limit")
        try expect(
            try await store.changes(since: entries[5].sequence, limit: 10).isEmpty, "changes after the latest position")
        try expectEqual(entries[3].commentID, comment.id, "the commentAdded entry's comment")
        try expectEqual(entries[4].recordedAt, at(4), "the claim's entry is recorded at the claim's time")
    }

    func concurrentWritesKeepTheChangeFeedComplete(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        let perTask = 4
        let finished = Flag()
        let seen = try await withThrowingTaskGroup(of: [ChangeFeedEntry].self) { group in
            group.addTask {
                // A follower reading from its last position, like a search index, while writers commit.
                var seen: [ChangeFeedEntry] = []
                var idle = 0
                while idle < 2 {
                    let batch = try await store.changes(since: seen.last?.sequence ?? 0, limit: 7)
                    for entry in batch {
                        try expect(
                            entry.sequence > (seen.last?.sequence ?? 0),
                            "a follower received sequence \(entry.sequence) after \(seen.last?.sequence ?? 0)")
                        seen.append(entry)
                    }
                    if batch.isEmpty {
                        if await finished.isSet { idle += 1 }
                        await Task.yield()
                    }
                }
                return seen
            }
            try await withThrowingTaskGroup(of: Void.self) { writers in
                for task in 0..<concurrentTasks {
                    writers.addTask {
                        for index in 0..<perTask {
                            let ticket = try await createTicket(store, account, at: at(task * 10 + index))
                            var next = ticket
                            next.updatedAt = at(1_000)
                            let comment = Comment(
                                ticketID: ticket.id, author: .agent("a"), body: "c", createdAt: at(1_000))
                            _ = try await store.updateTicket(
                                next, expectedVersion: 1, history: [], outbox: [], comment: comment)
                        }
                    }
                }
                try await writers.waitForAll()
            }
            await finished.set()
            var result: [ChangeFeedEntry] = []
            for try await seen in group { result = seen }
            return result
        }
        let all = try await allChanges(store)
        try expectEqual(all.count, concurrentTasks * perTask * 3, "feed entries of concurrent creates and updates")
        try expectEqual(
            seen.map(\.sequence), all.map(\.sequence),
            "a follower that read while writers committed saw every entry (no entry appeared below its position)")
    }

    func outboxIsWrittenWithTheEvent(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru", "boris@romashka.ru"])
        let drafts = account.members.map {
            OutboxNotification.Draft(recipient: $0, kind: .ticketCreated, body: "Создана")
        }
        let ticket = try await createTicket(store, account, at: at(10), outbox: drafts)
        var resolved = ticket
        resolved.status = .resolved
        resolved.closedAt = at(20)
        resolved.updatedAt = at(20)
        let comment = Comment(ticketID: ticket.id, author: .agent("a"), body: "Исправили", createdAt: at(20))
        let later = account.members.map {
            OutboxNotification.Draft(recipient: $0, kind: .resolved, body: "Исправили", commentID: comment.id)
        }
        _ = try await store.updateTicket(resolved, expectedVersion: 1, history: [], outbox: later, comment: comment)
        _ = try await createTicket(store, account, at: at(30))

        let all = try await allNotifications(store)
        try expectEqual(all.map(\.id), (drafts + later).map(\.id), "notifications in the order they were written")
        for (earlier, next) in zip(all, all.dropFirst()) {
            try expect(next.sequence > earlier.sequence, "outbox sequences increase")
        }
        let page = try await store.notifications(after: nil, limit: 3)
        try expectEqual(page.items.map(\.id), Array(all.prefix(3)).map(\.id), "the first page of notifications")
        guard let next = page.next else {
            throw ConformanceFailure(message: "a page of 3 of 4 notifications has no next")
        }
        let last = try await store.notifications(after: next, limit: 3)
        try expectEqual(last.items.map(\.id), [all[3].id], "the second page of notifications")
        try expect(last.next == nil, "the last page of notifications has no next cursor")

        try expect(
            try await store.pendingNotifications(dueAt: at(9), limit: 10).isEmpty, "nothing is due before the event")
        try expectEqual(
            try await store.pendingNotifications(dueAt: at(10), limit: 10).map(\.id), drafts.map(\.id),
            "notifications are due at the event's time (inclusive)")
        try expectEqual(
            try await store.pendingNotifications(dueAt: at(100), limit: 10).map(\.id), (drafts + later).map(\.id),
            "pending notifications, earliest first")
        try expectEqual(
            try await store.pendingNotifications(dueAt: at(100), limit: 3).count, 3, "pendingNotifications' limit")
    }

    func deliveryRetryAndDeadLetterBookkeeping(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["a@romashka.ru", "b@romashka.ru", "c@romashka.ru"])
        let drafts = account.members.map { OutboxNotification.Draft(recipient: $0, kind: .ticketCreated, body: "x") }
        _ = try await createTicket(store, account, at: at(10), outbox: drafts)
        let (first, second, third) = (drafts[0].id, drafts[1].id, drafts[2].id)

        let delivered = try await store.markDelivered(first, at: at(20))
        try expectEqual(delivered.status, .delivered, "status after markDelivered")
        try expectEqual(delivered.deliveredAt, at(20), "deliveredAt after markDelivered")
        try expectEqual(try await store.notification(id: first), delivered, "the stored delivered notification")
        let again = try await store.markDelivered(first, at: at(30))
        try expectEqual(again.deliveredAt, at(20), "marking a delivered notification again changes nothing")

        let retried = try await store.recordFailure(second, error: "smtp 451", at: at(20), retryAt: at(80))
        try expectEqual(retried.status, .pending, "status after a failure with a retry")
        try expectEqual(retried.attempts, 1, "attempts after one failure")
        try expectEqual(retried.lastError, "smtp 451", "lastError after a failure")
        try expectEqual(retried.nextAttemptAt, at(80), "nextAttemptAt after a failure")
        try expectEqual(try await store.notification(id: second), retried, "the stored retried notification")
        try expectEqual(
            try await store.pendingNotifications(dueAt: at(50), limit: 10).map(\.id), [third],
            "before its retry time a failed notification is not due; a delivered one never is")
        try expectEqual(
            try await store.pendingNotifications(dueAt: at(80), limit: 10).map(\.id), [third, second],
            "pending notifications ordered by next attempt")

        let dead = try await store.recordFailure(second, error: "mailbox gone", at: at(80), retryAt: nil)
        try expectEqual(dead.status, .deadLetter, "status after giving up")
        try expectEqual(dead.attempts, 2, "attempts after two failures")
        try expectEqual(dead.lastError, "mailbox gone", "lastError after giving up")
        try expectEqual(
            try await store.pendingNotifications(dueAt: at(10_000), limit: 10).map(\.id), [third],
            "a dead letter is no longer pending")
        try await expectError(.invalidArgument, "recording a failure of a delivered notification") {
            try await store.recordFailure(first, error: "x", at: at(90), retryAt: at(100))
        }
        try await expectError(.invalidArgument, "recording a failure of a dead letter") {
            try await store.recordFailure(second, error: "x", at: at(90), retryAt: at(100))
        }
        try await expectError(.notFound, "marking an unknown notification delivered") {
            try await store.markDelivered("no-such-notification", at: at(90))
        }
        try await expectError(.notFound, "recording a failure of an unknown notification") {
            try await store.recordFailure("no-such-notification", error: "x", at: at(90), retryAt: nil)
        }
        try expect(
            try await store.notification(id: "no-such-notification") == nil, "notification(id:) of an unknown id")
        let statuses = try await allNotifications(store).map(\.status)
        try expectEqual(statuses, [.delivered, .deadLetter, .pending], "the outbox's statuses at the end")
    }

    func importKeepsTicketsAndAdvancesNumbers(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        try await store.importTickets([])
        func make(_ sequence: Int64, _ status: Ticket.Status, deadline: Date? = nil) -> Ticket {
            Ticket(
                number: Ticket.Number(prefix: "OLD", sequence: sequence), accountID: account.id, topicID: "t",
                categoryID: "c", fields: FieldValues([CommonField.summary: .text("№\(sequence)")]), status: status,
                createdAt: at(Int(sequence)), updatedAt: at(5_000), queuedAt: status == .new ? at(Int(sequence)) : nil,
                replyDeadline: deadline, version: 3)
        }
        let queued = make(1_000, .new)
        let waiting = make(5, .waitingForCustomer, deadline: at(100))
        let closed = make(2_000, .closed)
        let comment = Comment(
            ticketID: waiting.id, author: .agent("a"), visibility: .internal, body: "old", createdAt: at(6))
        let entry = TicketHistoryEntry(ticketID: waiting.id, at: at(5), actor: .system, change: .created)
        let batch = [
            ImportedTicket(ticket: queued), ImportedTicket(ticket: waiting, comments: [comment], history: [entry]),
            ImportedTicket(ticket: closed),
        ]
        try await store.importTickets(batch)
        for imported in batch {
            try expectEqual(try await store.ticket(id: imported.ticket.id), imported.ticket, "an imported ticket")
            try expectEqual(
                try await store.ticket(number: imported.ticket.number), imported.ticket, "an imported ticket by number")
            try expectEqual(
                try await store.comments(ticket: imported.ticket.id), imported.comments, "imported comments")
            try expectEqual(try await store.history(ticket: imported.ticket.id), imported.history, "imported history")
        }
        try expectEqual(try await wholeQueue(store).map(\.id), [queued.id], "an imported new ticket is queued")
        try expectEqual(
            try await store.ticketsWaitingForCustomer(dueBefore: at(101), limit: 10).map(\.id), [waiting.id],
            "an imported waiting ticket is found by the due query")
        try expect(try await allNotifications(store).isEmpty, "an import writes no notifications")
        let created = try await allChanges(store)
        try expectEqual(
            created.map(\.kind), [.ticketCreated, .ticketCreated, .ticketCreated], "feed entries of an import")
        try expectEqual(Set(created.map(\.ticketID)), Set(batch.map(\.ticket.id)), "the imported tickets in the feed")
        let next = try await createTicket(store, account, at: at(6_000))
        try expect(
            next.number.sequence > 2_000,
            "a number allocated after an import exceeds every imported one: \(next.number)")
    }

    func failedImportKeepsNothing(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        let existing = try await createTicket(store, account, at: at(1))
        let before = try await snapshot(store, existing.id)
        func make(_ sequence: Int64, account: Account.ID? = nil) -> Ticket {
            Ticket(
                number: Ticket.Number(prefix: "TW", sequence: sequence), accountID: account ?? existing.accountID,
                topicID: "t", categoryID: "c", fields: FieldValues(), createdAt: at(2), queuedAt: at(2))
        }
        let good = make(500)
        try await expectError(.duplicateTicketNumber, "importing a ticket whose number exists") {
            try await store.importTickets([
                ImportedTicket(ticket: good), ImportedTicket(ticket: make(existing.number.sequence)),
            ])
        }
        try await expectError(.duplicateTicketNumber, "importing two tickets with one number") {
            try await store.importTickets([ImportedTicket(ticket: good), ImportedTicket(ticket: make(500))])
        }
        try await expectError(.notFound, "importing a ticket of an unknown account") {
            try await store.importTickets([
                ImportedTicket(ticket: good), ImportedTicket(ticket: make(501, account: "nobody")),
            ])
        }
        var twin = make(502)
        twin.id = good.id
        try await expectError(.duplicateID, "importing two tickets with one id") {
            try await store.importTickets([ImportedTicket(ticket: good), ImportedTicket(ticket: twin)])
        }
        let stray = Comment(ticketID: existing.id, author: .system, body: "x", createdAt: at(2))
        try await expectError(.invalidArgument, "importing a ticket with another ticket's comment") {
            try await store.importTickets([ImportedTicket(ticket: good, comments: [stray])])
        }
        var unversioned = make(503)
        unversioned.version = 0
        try await expectError(.invalidArgument, "importing a ticket with version 0") {
            try await store.importTickets([ImportedTicket(ticket: good), ImportedTicket(ticket: unversioned)])
        }
        try expect(try await store.ticket(id: good.id) == nil, "a ticket of a failed import batch was stored")
        try expect(
            try await store.ticket(number: good.number) == nil, "a number of a failed import batch was stored")
        try expectEqual(try await snapshot(store, existing.id), before, "the store after failed imports")
        try expectEqual(try await wholeQueue(store).map(\.id), [existing.id], "the queue after failed imports")
    }

    func limitsAndCursorsAreValidated(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        for second in 0..<3 {
            _ = try await createTicket(
                store, account, at: at(second),
                outbox: [OutboxNotification.Draft(recipient: account.members[0], kind: .ticketCreated, body: "x")])
        }
        for limit in [0, -1] {
            try await expectError(.invalidArgument, "tickets(account:) with limit \(limit)") {
                try await store.tickets(account: account.id, after: nil, limit: limit)
            }
            try await expectError(.invalidArgument, "queue with limit \(limit)") {
                try await store.queue(after: nil, limit: limit)
            }
            try await expectError(.invalidArgument, "ticketsWaitingForCustomer with limit \(limit)") {
                try await store.ticketsWaitingForCustomer(dueBefore: at(0), limit: limit)
            }
            try await expectError(.invalidArgument, "ticketsNeedingReminder with limit \(limit)") {
                try await store.ticketsNeedingReminder(dueBefore: at(0), limit: limit)
            }
            try await expectError(.invalidArgument, "pendingNotifications with limit \(limit)") {
                try await store.pendingNotifications(dueAt: at(0), limit: limit)
            }
            try await expectError(.invalidArgument, "notifications with limit \(limit)") {
                try await store.notifications(after: nil, limit: limit)
            }
            try await expectError(.invalidArgument, "changes with limit \(limit)") {
                try await store.changes(since: 0, limit: limit)
            }
        }
        let garbage = PageCursor(rawValue: "not a cursor")
        try await expectError(.invalidCursor, "tickets(account:) with a made-up cursor") {
            try await store.tickets(account: account.id, after: garbage, limit: 1)
        }
        try await expectError(.invalidCursor, "queue with a made-up cursor") {
            try await store.queue(after: garbage, limit: 1)
        }
        try await expectError(.invalidCursor, "notifications with a made-up cursor") {
            try await store.notifications(after: garbage, limit: 1)
        }
        guard let queueCursor = try await store.queue(after: nil, limit: 1).next,
            let ticketsCursor = try await store.tickets(account: account.id, after: nil, limit: 1).next,
            let outboxCursor = try await store.notifications(after: nil, limit: 1).next
        else { throw ConformanceFailure(message: "a first page of 1 out of 3 items has no next cursor") }
        try await expectError(.invalidCursor, "notifications with a queue cursor") {
            try await store.notifications(after: queueCursor, limit: 1)
        }
        try await expectError(.invalidCursor, "queue with an account-tickets cursor") {
            try await store.queue(after: ticketsCursor, limit: 1)
        }
        try await expectError(.invalidCursor, "tickets(account:) with an outbox cursor") {
            try await store.tickets(account: account.id, after: outboxCursor, limit: 1)
        }
    }
}

/// A one-way flag shared between the tasks of a check.
actor Flag {
    private(set) var isSet = false
    func set() { isSet = true }
}
