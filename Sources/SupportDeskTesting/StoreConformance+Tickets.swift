#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Checks of ``TicketStore``'s writes and reads: numbering, atomicity, optimistic concurrency, round trips.
extension StoreConformance {
    func createTicketAllocatesNumberAndStoresEverything(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        let draft = draft(account, at: at(10), prefix: "tw")
        let entry = TicketHistoryEntry(
            ticketID: draft.id, at: at(10), actor: .customer(account.members[0]), change: .created)
        let notice = OutboxNotification.Draft(
            recipient: account.members[0], kind: .ticketCreated, body: "Заявка создана")
        let ticket = try await store.createTicket(draft, history: [entry], outbox: [notice])

        try expectEqual(ticket.number.prefix, "TW", "the number's prefix is stored uppercased")
        try expect(ticket.number.sequence >= 1, "a ticket number's sequence is positive, got \(ticket.number)")
        try expectEqual(ticket.status, .new, "a created ticket's status")
        try expectEqual(ticket.version, 1, "a created ticket's version")
        try expectEqual(ticket.queuedAt, at(10), "a created ticket is queued at its creation time")
        try expectEqual(ticket, draft.ticket(number: ticket.number), "the created ticket is the draft with its number")
        try expectEqual(try await store.ticket(id: ticket.id), ticket, "ticket(id:) after create")
        try expectEqual(try await store.ticket(number: ticket.number), ticket, "ticket(number:) after create")
        try expectEqual(
            try await store.ticket(number: Ticket.Number("tw-\(ticket.number.sequence)")), ticket,
            "ticket(number:) with a parsed lowercase prefix")
        try expect(
            try await store.ticket(number: Ticket.Number(prefix: "XX", sequence: ticket.number.sequence)) == nil,
            "ticket(number:) with another prefix must not find the ticket")
        try expect(
            try await store.ticket(number: Ticket.Number(prefix: "TW", sequence: ticket.number.sequence + 1_000))
                == nil,
            "ticket(number:) of a number never allocated is nil")
        try expect(try await store.ticket(id: "no-such-ticket") == nil, "ticket(id:) of an unknown id is nil")
        try expectEqual(try await store.history(ticket: ticket.id), [entry], "the first history entry")

        let notifications = try await allNotifications(store)
        try expectEqual(notifications.count, 1, "notifications written with the create")
        let stored = notifications[0]
        try expectEqual(stored.id, notice.id, "the notification keeps the draft's id")
        try expectEqual(stored.ticketNumber, ticket.number, "the notification carries the allocated number")
        try expectEqual(stored.ticketID, ticket.id, "the notification's ticket")
        try expectEqual(stored.accountID, account.id, "the notification's account")
        try expectEqual(stored.status, .pending, "a new notification's status")
        try expectEqual(stored.attempts, 0, "a new notification's attempts")
        try expectEqual(stored.createdAt, at(10), "a create's notification is created at the ticket's creation")
        try expectEqual(stored.nextAttemptAt, at(10), "a new notification is due at once")
        try expectEqual(try await store.notification(id: notice.id), stored, "notification(id:)")

        let changes = try await allChanges(store)
        try expectEqual(changes.map(\.kind), [.ticketCreated], "change-feed entries of a create")
        try expectEqual(changes.first?.ticketID, ticket.id, "the ticketCreated entry's ticket")
        try expectEqual(changes.first?.ticketVersion, 1, "the ticketCreated entry's version")

        let second = try await createTicket(store, account, at: at(11))
        try expect(
            second.number.sequence > ticket.number.sequence,
            "numbers increase: \(second.number) was created after \(ticket.number)")
    }

    func createTicketRejectsBadInputAndKeepsNothing(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        let member = account.members[0]
        let stored = OutboxNotification.Draft(recipient: member, kind: .ticketCreated, body: "first")
        let first = try await createTicket(store, account, at: at(1), outbox: [stored])
        let before = try await snapshot(store, first.id)
        let notice = OutboxNotification.Draft(recipient: member, kind: .ticketCreated, body: "x")

        let stranger = try Account(company: "Чужая", members: [try email("x@y.ru")], createdAt: at(0))
        var orphan = draft(stranger, at: at(2))
        try await expectError(.notFound, "creating a ticket for an unknown account") {
            try await store.createTicket(orphan, history: [], outbox: [notice])
        }
        orphan = draft(account, at: at(2))
        orphan.id = first.id
        try await expectError(.duplicateID, "creating a ticket with an existing id") {
            try await store.createTicket(orphan, history: [], outbox: [notice])
        }
        let foreign = draft(account, at: at(2))
        try await expectError(.invalidArgument, "creating a ticket with another ticket's history entry") {
            try await store.createTicket(
                foreign,
                history: [TicketHistoryEntry(ticketID: "other", at: at(2), actor: .customer(member), change: .created)],
                outbox: [notice])
        }
        for prefix in ["", "T-W", "../x"] {
            try await expectError(.invalidArgument, "creating a ticket with the prefix “\(prefix)”") {
                var bad = draft(account, at: at(2))
                bad.numberPrefix = prefix
                return try await store.createTicket(bad, history: [], outbox: [notice])
            }
        }
        let reusedNotice = OutboxNotification.Draft(id: "reused", recipient: member, kind: .ticketCreated, body: "x")
        try await expectError(.duplicateID, "creating a ticket with two notifications of one id") {
            try await store.createTicket(draft(account, at: at(2)), history: [], outbox: [reusedNotice, reusedNotice])
        }
        try await expectError(.duplicateID, "creating a ticket with a notification id that exists") {
            try await store.createTicket(draft(account, at: at(2)), history: [], outbox: [stored])
        }
        try expect(try await store.ticket(id: foreign.id) == nil, "a rejected ticket was stored")
        try expectEqual(try await snapshot(store, first.id), before, "the store after rejected creates")
        try expect(try await wholeQueue(store).map(\.id) == [first.id], "a rejected ticket was queued")
        let next = try await createTicket(store, account, at: at(3))
        try expect(
            next.number.sequence > first.number.sequence,
            "after rejected creates the next number (\(next.number)) must still exceed \(first.number)")
    }

    func concurrentCreatesGetUniqueNumbers(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        let perTask = 8
        let tickets = try await withThrowingTaskGroup(of: [Ticket].self) { group in
            for task in 0..<concurrentTasks {
                group.addTask {
                    var created: [Ticket] = []
                    for index in 0..<perTask {
                        // Within one task, creates are sequential, so their numbers must increase.
                        created.append(try await createTicket(store, account, at: at(task * 100 + index)))
                    }
                    return created
                }
            }
            var all: [[Ticket]] = []
            for try await created in group { all.append(created) }
            return all
        }
        for created in tickets {
            let sequences = created.map(\.number.sequence)
            try expect(
                sequences == sequences.sorted() && Set(sequences).count == sequences.count,
                "sequential creates in one task got non-increasing numbers \(sequences)")
        }
        let all = tickets.flatMap { $0 }
        try expectEqual(Set(all.map(\.number.sequence)).count, concurrentTasks * perTask, "distinct numbers")
        for ticket in all {
            try expectEqual(
                try await store.ticket(number: ticket.number)?.id, ticket.id, "ticket(number: \(ticket.number))")
        }
        let created = try await allChanges(store).filter { $0.kind == .ticketCreated }
        try expectEqual(Set(created.map(\.ticketID)), Set(all.map(\.id)), "ticketCreated entries of concurrent creates")
    }

    func valuesRoundTrip(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        let screenshot = Attachment(
            fileName: "экран 1.png", contentType: "image/png", size: 12_345, sha256: String(repeating: "ab", count: 32))
        let log = Attachment(fileName: "log.txt", contentType: "text/plain", size: 0)
        guard let day = CalendarDate(year: 2026, month: 2, day: 28), let amount = Decimal(string: "1234.50") else {
            throw ConformanceFailure(message: "the kit's own fixture values failed to build")
        }
        let fields = FieldValues([
            "summary": .text("Бот “молчит” — 😶\nвторая строка"),
            "count": .integer(-9_007_199_254_740_993),
            "amount": .decimal(amount),
            "since": .date(day),
            "channel": .option("telegram"),
            "channels": .options(["vk", "telegram", "vk"]),
            "agreed": .flag(false),
            "files": .attachments([screenshot, log]),
            "empty": .text(""),
        ])
        var draft = draft(account, at: at(5))
        draft.fields = fields
        let ticket = try await store.createTicket(draft, history: [], outbox: [])
        try expectEqual(try await store.ticket(id: ticket.id)?.fields, fields, "field values of every kind")

        var changed = ticket
        changed.status = .closed
        changed.assignee = "agent with spaces and ё"
        changed.closeReason = .noCustomerReply
        changed.updatedAt = at(500)
        changed.replyDeadline = at(400)
        changed.reminderAt = at(300)
        changed.closedAt = at(500)
        changed.queuedAt = nil
        changed.topicID = "other-topic"
        changed.categoryID = "calls"
        let comment = Comment(
            ticketID: ticket.id, author: .system, visibility: .internal, body: "", attachments: [screenshot],
            createdAt: at(500))
        let history = [
            TicketHistoryEntry(ticketID: ticket.id, at: at(500), actor: .system, change: .created),
            TicketHistoryEntry(
                ticketID: ticket.id, at: at(500), actor: .agent("a"), change: .status(from: .new, to: .closed),
                reason: "closed automatically: no customer reply for 2 days"),
            TicketHistoryEntry(ticketID: ticket.id, at: at(500), actor: .agent("a"), change: .assigned("a")),
            TicketHistoryEntry(
                ticketID: ticket.id, at: at(500), actor: .customer(account.members[0]),
                change: .commented(comment.id, .internal)),
            TicketHistoryEntry(ticketID: ticket.id, at: at(500), actor: .system, change: .reminded),
        ]
        let updated = try await store.updateTicket(
            changed, expectedVersion: 1, history: history, outbox: [], comment: comment)
        changed.version = 2
        try expectEqual(updated, changed, "the value returned by updateTicket")
        try expectEqual(try await store.ticket(id: ticket.id), changed, "a ticket with every optional member set")
        try expectEqual(try await store.comments(ticket: ticket.id), [comment], "a comment with an attachment")
        try expectEqual(try await store.history(ticket: ticket.id), history, "history entries of every kind")

        var cleared = updated
        cleared.assignee = nil
        cleared.closeReason = nil
        cleared.replyDeadline = nil
        cleared.reminderAt = nil
        cleared.closedAt = nil
        cleared.status = .inProgress
        cleared.updatedAt = at(600)
        cleared = try await store.updateTicket(cleared, expectedVersion: 2, history: [], outbox: [], comment: nil)
        try expectEqual(try await store.ticket(id: ticket.id), cleared, "a ticket whose optional members were cleared")
    }

    func updateIsAtomicWithCommentHistoryAndOutbox(_ store: any SupportDeskStore) async throws {
        let group = try email("team@romashka.ru")
        let fanOut = [try email("anna@romashka.ru"), try email("boris@romashka.ru")]
        let account = try Account(
            company: "Ромашка", members: [group], sharing: .mailingGroup(fanOut: fanOut), createdAt: at(0))
        try await store.createAccount(account)
        let ticket = try await createTicket(store, account, at: at(1))
        let feedBefore = try await store.latestChangeSequence()

        var asked = ticket
        asked.status = .waitingForCustomer
        asked.assignee = "agent-smith"
        asked.updatedAt = at(60)
        asked.replyDeadline = at(60 + 172_800)
        let question = Comment(
            ticketID: ticket.id, author: .agent("agent-smith"), body: "Пришлите, пожалуйста, ID чата", createdAt: at(60)
        )
        let history = [
            TicketHistoryEntry(
                ticketID: ticket.id, at: at(60), actor: .agent("agent-smith"), change: .commented(question.id, .public)),
            TicketHistoryEntry(
                ticketID: ticket.id, at: at(60), actor: .agent("agent-smith"),
                change: .status(from: .new, to: .waitingForCustomer)),
        ]
        let drafts = account.notificationRecipients.map {
            OutboxNotification.Draft(recipient: $0, kind: .waitingForReply, body: question.body, commentID: question.id)
        }
        let stored = try await store.updateTicket(
            asked, expectedVersion: 1, history: history, outbox: drafts, comment: question)

        try expectEqual(stored.version, 2, "the version after one update")
        try expectEqual(stored.status, .waitingForCustomer, "the stored status")
        try expectEqual(try await store.ticket(id: ticket.id), stored, "ticket(id:) after the update")
        try expectEqual(try await store.comments(ticket: ticket.id), [question], "the comment stored with the update")
        try expectEqual(
            Array(try await store.history(ticket: ticket.id).suffix(2)), history, "the history stored with the update")
        let notifications = try await allNotifications(store)
        try expectEqual(
            notifications.map(\.recipient), fanOut, "one notification per address of the mailing group, in order")
        for notification in notifications {
            try expectEqual(notification.kind, .waitingForReply, "the notification's kind")
            try expectEqual(notification.commentID, question.id, "the notification's comment")
            try expectEqual(notification.createdAt, at(60), "an update's notification is created at updatedAt")
            try expectEqual(notification.ticketNumber, ticket.number, "the notification's ticket number")
        }
        let changes = try await store.changes(since: feedBefore, limit: 10)
        try expectEqual(
            changes.map(\.kind), [.ticketUpdated, .commentAdded], "feed entries of an update with a comment")
        try expectEqual(changes.last?.commentID, question.id, "the commentAdded entry names the comment")
        try expect(
            changes.allSatisfy { $0.ticketVersion == 2 && $0.ticketID == ticket.id },
            "the update's feed entries name the ticket at version 2: \(changes)")
    }

    func failedUpdateLeavesNothingHalfWritten(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        let ticket = try await createTicket(store, account, at: at(1))
        let other = try await createTicket(store, account, at: at(2))
        let existingComment = Comment(ticketID: other.id, author: .agent("a"), body: "first", createdAt: at(3))
        var otherChanged = other
        otherChanged.updatedAt = at(3)
        let existingNotice = OutboxNotification.Draft(recipient: account.members[0], kind: .agentComment, body: "first")
        _ = try await store.updateTicket(
            otherChanged, expectedVersion: 1, history: [], outbox: [existingNotice], comment: existingComment)
        let before = try await snapshot(store, ticket.id)

        var change = ticket
        change.status = .inProgress
        change.updatedAt = at(10)
        let comment = Comment(ticketID: ticket.id, author: .agent("a"), body: "hello", createdAt: at(10))
        let entry = TicketHistoryEntry(
            ticketID: ticket.id, at: at(10), actor: .agent("a"), change: .status(from: .new, to: .inProgress))
        let notice = OutboxNotification.Draft(recipient: account.members[0], kind: .agentComment, body: "hello")

        try await expectError(.versionConflict, "an update with a stale version") {
            try await store.updateTicket(
                change, expectedVersion: 7, history: [entry], outbox: [notice], comment: comment)
        }
        var renumbered = change
        renumbered.number = Ticket.Number(prefix: "TW", sequence: 999_999)
        try await expectError(.invalidChange, "an update that changes the number") {
            try await store.updateTicket(
                renumbered, expectedVersion: 1, history: [entry], outbox: [notice], comment: comment)
        }
        var moved = change
        moved.accountID = "another-account"
        try await expectError(.invalidChange, "an update that moves the ticket to another account") {
            try await store.updateTicket(
                moved, expectedVersion: 1, history: [entry], outbox: [notice], comment: comment)
        }
        let misplaced = Comment(ticketID: other.id, author: .agent("a"), body: "wrong ticket", createdAt: at(10))
        try await expectError(.invalidArgument, "an update with a comment of another ticket") {
            try await store.updateTicket(
                change, expectedVersion: 1, history: [entry], outbox: [notice], comment: misplaced)
        }
        let foreignEntry = TicketHistoryEntry(ticketID: other.id, at: at(10), actor: .agent("a"), change: .reminded)
        try await expectError(.invalidArgument, "an update with a history entry of another ticket") {
            try await store.updateTicket(
                change, expectedVersion: 1, history: [entry, foreignEntry], outbox: [notice], comment: comment)
        }
        var reused = existingComment
        reused.ticketID = ticket.id
        try await expectError(.duplicateID, "an update whose comment id already exists") {
            try await store.updateTicket(
                change, expectedVersion: 1, history: [entry], outbox: [notice], comment: reused)
        }
        let clash = OutboxNotification.Draft(
            id: existingNotice.id, recipient: account.members[0], kind: .agentComment, body: "x")
        try await expectError(.duplicateID, "an update whose notification id already exists") {
            try await store.updateTicket(
                change, expectedVersion: 1, history: [entry], outbox: [clash], comment: comment)
        }
        var ghost = change
        ghost.id = "no-such-ticket"
        try await expectError(.notFound, "an update of an unknown ticket") {
            try await store.updateTicket(ghost, expectedVersion: 1, history: [], outbox: [], comment: nil)
        }
        try expectEqual(try await snapshot(store, ticket.id), before, "the store after failed updates")
        try expect(try await store.comments(ticket: other.id) == [existingComment], "another ticket's comments changed")
        let stored = try await store.updateTicket(
            change, expectedVersion: 1, history: [entry], outbox: [notice], comment: comment)
        try expectEqual(stored.version, 2, "after failed updates, the version")
    }

    func versionConflictReportsBothVersions(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        let ticket = try await createTicket(store, account, at: at(1))
        var first = ticket
        first.status = .inProgress
        first.updatedAt = at(2)
        var second = ticket
        second.status = .resolved
        second.updatedAt = at(3)
        let won = try await store.updateTicket(first, expectedVersion: 1, history: [], outbox: [], comment: nil)
        let error = try await expectError(.versionConflict, "a second update from the same read") {
            try await store.updateTicket(second, expectedVersion: 1, history: [], outbox: [], comment: nil)
        }
        try expectEqual(error.context.expectedVersion, 1, "the conflict's expected version")
        try expectEqual(error.context.actualVersion, 2, "the conflict's actual version")
        try expectEqual(error.context.ticketID, ticket.id, "the conflict's ticket")
        try expectEqual(try await store.ticket(id: ticket.id), won, "the stored ticket after a lost race")
        var ignored = won
        ignored.version = 42
        ignored.updatedAt = at(4)
        let stored = try await store.updateTicket(ignored, expectedVersion: 2, history: [], outbox: [], comment: nil)
        try expectEqual(stored.version, 3, "the store owns the version; the value passed in is ignored")
    }

    func concurrentUpdatesLoseNothing(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        let ticket = try await createTicket(store, account, at: at(1))
        let writers = concurrentTasks
        let perWriter = 4
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for index in 0..<perWriter {
                        let comment = Comment(
                            ticketID: ticket.id, author: .agent(Agent.ID("agent-\(writer)")),
                            body: "\(writer)-\(index)",
                            createdAt: at(10))
                        var attempts = 0
                        while true {
                            attempts += 1
                            guard attempts < 10_000, let current = try await store.ticket(id: ticket.id) else {
                                throw ConformanceFailure(message: "an update retried 10,000 times without succeeding")
                            }
                            var next = current
                            next.updatedAt = at(10)
                            do {
                                _ = try await store.updateTicket(
                                    next, expectedVersion: current.version, history: [], outbox: [], comment: comment)
                                break
                            } catch let error as StorageError where error.code == .versionConflict {
                                continue
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let comments = try await store.comments(ticket: ticket.id)
        try expectEqual(comments.count, writers * perWriter, "comments after concurrent read-modify-write updates")
        try expectEqual(Set(comments.map(\.body)).count, writers * perWriter, "distinct comments")
        try expectEqual(
            try await store.ticket(id: ticket.id)?.version, 1 + writers * perWriter, "the version after all updates")
        for writer in 0..<writers {
            let mine = comments.filter { $0.author == .agent(Agent.ID("agent-\(writer)")) }.map(\.body)
            try expectEqual(mine, (0..<perWriter).map { "\(writer)-\($0)" }, "one writer's comments, in its order")
        }
    }

    func commentsKeepVisibilityAndOrder(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        var ticket = try await createTicket(store, account, at: at(1))
        let customer = Actor.customer(account.members[0])
        let comments = [
            Comment(ticketID: ticket.id, author: customer, body: "Добрый день", createdAt: at(5)),
            Comment(
                ticketID: ticket.id, author: .agent("a"), visibility: .internal, body: "Похоже на баг", createdAt: at(5)
            ),
            Comment(
                ticketID: ticket.id, author: .agent("a"), visibility: .public, body: "Уточните ID", createdAt: at(4)),
            Comment(
                ticketID: ticket.id, author: .agent("b"), visibility: .internal, body: "Не показывать клиенту",
                createdAt: at(6)),
        ]
        for comment in comments {
            var next = ticket
            next.updatedAt = comment.createdAt
            ticket = try await store.updateTicket(
                next, expectedVersion: ticket.version, history: [], outbox: [], comment: comment)
        }
        let stored = try await store.comments(ticket: ticket.id)
        try expectEqual(stored, comments, "comments in the order they were stored, visibility kept")
        try expectEqual(
            stored.filter { $0.visibility == .internal }.map(\.body), ["Похоже на баг", "Не показывать клиенту"],
            "internal comments stay internal")
        try expect(try await store.comments(ticket: "no-such-ticket").isEmpty, "comments of an unknown ticket")
    }

    func accountTicketsPageNewestFirst(_ store: any SupportDeskStore) async throws {
        let romashka = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        let lilia = try await makeAccount(store, "Лилия", ["ivan@lilia.ru"])
        var mine: [Ticket] = []
        for index in 0..<7 {
            mine.append(try await createTicket(store, romashka, at: at(index)))
            if index < 3 { _ = try await createTicket(store, lilia, at: at(index)) }
        }
        var pages: [[Ticket]] = []
        var cursor: PageCursor?
        repeat {
            let page = try await store.tickets(account: romashka.id, after: cursor, limit: 3)
            pages.append(page.items)
            cursor = page.next
            try expect(pages.count <= 3, "paging 7 tickets by 3 did not end after 3 pages")
        } while cursor != nil
        try expectEqual(pages.map(\.count), [3, 3, 1], "page sizes of 7 tickets by 3")
        try expectEqual(
            pages.flatMap { $0 }.map(\.id), mine.reversed().map(\.id), "an account's tickets, newest first, no repeats")
        let exact = try await store.tickets(account: lilia.id, after: nil, limit: 3)
        try expectEqual(exact.items.count, 3, "a page holding exactly the rest")
        if let next = exact.next {
            let rest = try await store.tickets(account: lilia.id, after: next, limit: 3)
            try expect(rest.items.isEmpty && rest.next == nil, "the page after the last ticket must be empty and final")
        }
        let first = try await store.tickets(account: romashka.id, after: nil, limit: 2)
        let newer = try await createTicket(store, romashka, at: at(100))
        var seen = first.items.map(\.id)
        cursor = first.next
        while let current = cursor {
            let page = try await store.tickets(account: romashka.id, after: current, limit: 2)
            seen += page.items.map(\.id)
            cursor = page.next
        }
        try expect(
            !seen.contains(newer.id), "a ticket created while paging newest-first must not appear on later pages")
        try expectEqual(seen, mine.reversed().map(\.id), "paging continues correctly while tickets are created")
        let empty = try await store.tickets(account: "no-such-account", after: nil, limit: 5)
        try expect(empty.items.isEmpty && empty.next == nil, "tickets of an unknown account")
    }
}
