#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Checks of the support queue, the atomic claim and the deadline queries.
extension StoreConformance {
    func queueIsOldestFirstAndPages(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        var tickets: [Ticket] = []
        for second in [50, 10, 30, 10, 20] { tickets.append(try await createTicket(store, account, at: at(second))) }
        let expected = [tickets[1], tickets[3], tickets[4], tickets[2], tickets[0]].map(\.id)
        let byTwo = try await wholeQueue(store, pageSize: 2)
        try expectEqual(byTwo.map(\.id), expected, "the queue oldest first (ties by number), read by pages of 2")
        try expectEqual(try await wholeQueue(store).map(\.id), expected, "the queue read in one page")

        var working = tickets[4]
        working.status = .inProgress
        working.updatedAt = at(60)
        working = try await store.updateTicket(working, expectedVersion: 1, history: [], outbox: [], comment: nil)
        try expect(
            !(try await wholeQueue(store)).contains { $0.id == working.id }, "a ticket in progress left the queue")

        var refreshed = working
        refreshed.status = .new
        refreshed.queuedAt = at(100)
        refreshed.updatedAt = at(100)
        refreshed = try await store.updateTicket(refreshed, expectedVersion: 2, history: [], outbox: [], comment: nil)
        try expectEqual(
            try await wholeQueue(store).map(\.id),
            [tickets[1], tickets[3], tickets[2], tickets[0], refreshed].map(\.id),
            "a ticket back in the queue is ordered by its new queuedAt")

        let first = try await store.queue(after: nil, limit: 2)
        guard let cursor = first.next else {
            throw ConformanceFailure(message: "a first page of 2 out of 5 queued tickets has no next cursor")
        }
        _ = try await store.claimNext(agent: "a", now: at(200))
        var rest: [Ticket] = []
        var next: PageCursor? = cursor
        while let current = next {
            let page = try await store.queue(after: current, limit: 2)
            rest += page.items
            next = page.next
        }
        try expectEqual(
            (first.items + rest).map(\.id), [tickets[1], tickets[3], tickets[2], tickets[0], refreshed].map(\.id),
            "paging continues after the cursor while the head of the queue is claimed")
    }

    func claimNextTakesTheOldestAndRecordsIt(_ store: any SupportDeskStore) async throws {
        try expect(try await store.claimNext(agent: "a", now: at(0)) == nil, "claimNext on an empty queue is nil")
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        let late = try await createTicket(store, account, at: at(30))
        let early = try await createTicket(store, account, at: at(10))
        let middle = try await createTicket(store, account, at: at(20))
        let feedBefore = try await store.latestChangeSequence()

        guard let claimed = try await store.claimNext(agent: "smith", now: at(100)) else {
            throw ConformanceFailure(message: "claimNext returned nil with three tickets queued")
        }
        try expectEqual(claimed.id, early.id, "claimNext takes the oldest queued ticket")
        try expectEqual(claimed.status, .inProgress, "a claimed ticket's status")
        try expectEqual(claimed.assignee, "smith", "a claimed ticket's assignee")
        try expectEqual(claimed.updatedAt, at(100), "a claimed ticket's updatedAt")
        try expectEqual(claimed.version, 2, "a claimed ticket's version")
        var expected = early
        expected.status = .inProgress
        expected.assignee = "smith"
        expected.updatedAt = at(100)
        expected.version = 2
        try expectEqual(claimed, expected, "the claim changes only status, assignee, updatedAt and version")
        try expectEqual(try await store.ticket(id: early.id), claimed, "the stored claimed ticket")
        try expectEqual(
            Array(try await store.history(ticket: early.id).suffix(2)),
            [
                TicketHistoryEntry(
                    ticketID: early.id, at: at(100), actor: .agent("smith"),
                    change: .status(from: .new, to: .inProgress)),
                TicketHistoryEntry(ticketID: early.id, at: at(100), actor: .agent("smith"), change: .assigned("smith")),
            ], "the history entries of a claim")
        let changes = try await store.changes(since: feedBefore, limit: 10)
        try expectEqual(changes.map(\.kind), [.ticketUpdated], "feed entries of a claim")
        try expectEqual(changes.first?.ticketID, early.id, "the claim's feed entry")
        try expectEqual(try await store.claimNext(agent: "b", now: at(101))?.id, middle.id, "the second claim")
        try expectEqual(try await store.claimNext(agent: "c", now: at(102))?.id, late.id, "the third claim")
        try expect(try await store.claimNext(agent: "d", now: at(103)) == nil, "claimNext after the queue emptied")
    }

    func concurrentClaimsTakeEachTicketOnce(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        let count = concurrentTasks * 6
        var created: [Ticket.ID] = []
        for index in 0..<count { created.append(try await createTicket(store, account, at: at(index)).id) }
        let claims = try await withThrowingTaskGroup(of: [(Agent.ID, Ticket)].self) { group in
            for agentIndex in 0..<concurrentTasks {
                group.addTask {
                    let agent = Agent.ID("agent-\(agentIndex)")
                    var mine: [(Agent.ID, Ticket)] = []
                    while let ticket = try await store.claimNext(agent: agent, now: at(1_000)) {
                        mine.append((agent, ticket))
                        try expect(mine.count <= count, "one agent claimed more tickets than exist")
                    }
                    return mine
                }
            }
            var all: [(Agent.ID, Ticket)] = []
            for try await mine in group { all += mine }
            return all
        }
        try expectEqual(claims.count, count, "claims made by concurrent agents")
        try expectEqual(Set(claims.map(\.1.id)), Set(created), "every ticket is claimed exactly once")
        for (agent, ticket) in claims {
            let stored = try await store.ticket(id: ticket.id)
            try expectEqual(stored?.assignee, agent, "the assignee of a concurrently claimed ticket")
            try expectEqual(stored?.version, 2, "the version of a concurrently claimed ticket")
            let assignments = try await store.history(ticket: ticket.id).filter {
                if case .assigned = $0.change { true } else { false }
            }
            try expectEqual(assignments.count, 1, "assignment entries of a concurrently claimed ticket")
        }
        try expect(try await store.queue(after: nil, limit: 10).items.isEmpty, "the queue after all claims")
    }

    func dueQueryReturnsOnlyDueWaitingTickets(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        let a = try await makeWaiting(
            store, try await createTicket(store, account, at: at(1)), deadline: at(1_000), at: at(2))
        let b = try await makeWaiting(
            store, try await createTicket(store, account, at: at(1)), deadline: at(500), at: at(2))
        let c = try await makeWaiting(
            store, try await createTicket(store, account, at: at(1)), deadline: at(2_000), at: at(2))
        var answered = try await makeWaiting(
            store, try await createTicket(store, account, at: at(1)), deadline: at(100), at: at(2))
        answered.status = .inProgress
        answered.updatedAt = at(3)
        answered = try await store.updateTicket(
            answered, expectedVersion: answered.version, history: [], outbox: [], comment: nil)
        _ = try await createTicket(store, account, at: at(1))

        try expectEqual(
            try await store.ticketsWaitingForCustomer(dueBefore: at(1_000), limit: 10).map(\.id), [b.id],
            "due before 1000 s: a deadline equal to the moment is not due yet; a ticket no longer waiting is not due")
        try expectEqual(
            try await store.ticketsWaitingForCustomer(dueBefore: at(1_001), limit: 10).map(\.id), [b.id, a.id],
            "due tickets, earliest deadline first")
        try expectEqual(
            try await store.ticketsWaitingForCustomer(dueBefore: at(5_000), limit: 1).map(\.id), [b.id],
            "the due query respects its limit")
        try expect(
            try await store.ticketsWaitingForCustomer(dueBefore: at(100), limit: 10).isEmpty,
            "nothing is due before the earliest deadline")
        var closed = b
        closed.status = .closed
        closed.closeReason = .noCustomerReply
        closed.closedAt = at(600)
        closed.updatedAt = at(600)
        _ = try await store.updateTicket(closed, expectedVersion: b.version, history: [], outbox: [], comment: nil)
        var extended = a
        extended.replyDeadline = at(3_000)
        extended.updatedAt = at(600)
        _ = try await store.updateTicket(extended, expectedVersion: a.version, history: [], outbox: [], comment: nil)
        try expectEqual(
            try await store.ticketsWaitingForCustomer(dueBefore: at(5_000), limit: 10).map(\.id), [c.id, a.id],
            "after closing one and moving another's deadline (a customer reply), the due order follows the new deadlines"
        )
    }

    func reminderQueryReturnsOnlyDueReminders(_ store: any SupportDeskStore) async throws {
        let account = try await makeAccount(store, "Ромашка", ["anna@romashka.ru"])
        let a = try await makeWaiting(
            store, try await createTicket(store, account, at: at(1)), deadline: at(2_000), reminder: at(1_000),
            at: at(2))
        let b = try await makeWaiting(
            store, try await createTicket(store, account, at: at(1)), deadline: at(2_000), reminder: at(500), at: at(2))
        _ = try await makeWaiting(store, try await createTicket(store, account, at: at(1)), deadline: at(10), at: at(2))
        try expectEqual(
            try await store.ticketsNeedingReminder(dueBefore: at(1_000), limit: 10).map(\.id), [b.id],
            "reminders due strictly before the moment; tickets without a reminder are not listed")
        try expectEqual(
            try await store.ticketsNeedingReminder(dueBefore: at(1_500), limit: 10).map(\.id), [b.id, a.id],
            "due reminders, earliest first")
        var reminded = b
        reminded.reminderAt = nil
        reminded.updatedAt = at(600)
        _ = try await store.updateTicket(
            reminded, expectedVersion: b.version,
            history: [TicketHistoryEntry(ticketID: b.id, at: at(600), actor: .system, change: .reminded)],
            outbox: [OutboxNotification.Draft(recipient: account.members[0], kind: .reminder, body: "Напоминаем")],
            comment: nil)
        try expectEqual(
            try await store.ticketsNeedingReminder(dueBefore: at(1_500), limit: 10).map(\.id), [a.id],
            "a sent reminder (reminderAt cleared) is no longer due")
    }
}
