import Foundation
import SupportDesk
import SupportDeskTesting
import Testing

/// The kit itself: it must catch backends that break the contract, not only pass correct ones.
@Suite struct StoreConformanceTests {
    @Test func checkNamesAreUniqueAndEachRuns() async throws {
        #expect(Set(StoreConformance.checkNames).count == StoreConformance.checkNames.count)
        #expect(StoreConformance.checkNames.count >= 20)
    }

    @Test func unknownCheckNameIsAFailure() async throws {
        let kit = StoreConformance(makeStore: { InMemoryStore() })
        let failure = await #expect(throws: ConformanceFailure.self) { try await kit.run("noSuchCheck") }
        #expect(failure?.check == "noSuchCheck")
        #expect(failure?.message.contains("no check named") == true)
    }

    @Test(arguments: [
        (BrokenStore.Defect.acceptsDuplicateCompany, "duplicateCompanyNamesTheExistingAccount"),
        (.caseSensitiveMembers, "memberEmailsMatchIgnoringCase"),
        (.inclusiveDeadline, "dueQueryReturnsOnlyDueWaitingTickets"),
        (.dropsCommentFeedEntries, "changeFeedIsMonotonicAndComplete"),
        (.commentWrittenBeforeVersionCheck, "failedUpdateLeavesNothingHalfWritten"),
        (.ignoresExpectedVersion, "versionConflictReportsBothVersions"),
        (.hidesInternalComments, "commentsKeepVisibilityAndOrder"),
        (.claimsNewestFirst, "claimNextTakesTheOldestAndRecordsIt"),
        (.forgetsDeadLetters, "deliveryRetryAndDeadLetterBookkeeping"),
    ])
    func kitCatchesABrokenBackend(_ defect: BrokenStore.Defect, _ check: String) async throws {
        let kit = StoreConformance(makeStore: { BrokenStore(defect: defect) })
        let failure = await #expect(throws: ConformanceFailure.self) { try await kit.run(check) }
        #expect(failure?.check == check)
        // The same check passes on the correct store, so the failure is the defect's.
        try await StoreConformance(makeStore: { InMemoryStore() }).run(check)
    }

    @Test func failureDescriptionNamesCheckAndSource() {
        let failure = ConformanceFailure(check: "x", message: "expected 1, got 2", file: "Kit.swift", line: 7)
        #expect(failure.description == "conformance check “x” failed: expected 1, got 2 (Kit.swift:7)")
    }
}

/// An ``InMemoryStore`` with one deliberate contract violation, to prove the kit notices it.
final class BrokenStore: SupportDeskStore {
    enum Defect: Sendable, CustomTestStringConvertible {
        case acceptsDuplicateCompany, inclusiveDeadline, dropsCommentFeedEntries, commentWrittenBeforeVersionCheck
        case ignoresExpectedVersion, hidesInternalComments, claimsNewestFirst, forgetsDeadLetters
        case caseSensitiveMembers
        var testDescription: String { "\(self)" }
    }

    let base = InMemoryStore()
    let defect: Defect

    init(defect: Defect) { self.defect = defect }

    func createAccount(_ account: Account) async throws {
        do { try await base.createAccount(account) } catch let error as StorageError
            where defect == .acceptsDuplicateCompany && error.code == .duplicateCompany
        {}
    }
    func account(id: Account.ID) async throws -> Account? { try await base.account(id: id) }
    func account(memberEmail email: EmailAddress) async throws -> Account? {
        let found = try await base.account(memberEmail: email)
        if defect == .caseSensitiveMembers, let found, !found.members.contains(where: { $0.rawValue == email.rawValue })
        {
            return nil
        }
        return found
    }
    func account(company: String) async throws -> Account? { try await base.account(company: company) }

    func createTicket(
        _ draft: TicketDraft, history: [TicketHistoryEntry], outbox: [OutboxNotification.Draft]
    ) async throws -> Ticket {
        try await base.createTicket(draft, history: history, outbox: outbox)
    }

    func updateTicket(
        _ ticket: Ticket, expectedVersion: Int, history: [TicketHistoryEntry], outbox: [OutboxNotification.Draft],
        comment: SupportDesk.Comment?
    ) async throws -> Ticket {
        var expected = expectedVersion
        var comment = comment
        if defect == .ignoresExpectedVersion, let stored = try await base.ticket(id: ticket.id) {
            expected = stored.version
        }
        if defect == .commentWrittenBeforeVersionCheck, let early = comment,
            let stored = try await base.ticket(id: ticket.id)
        {
            _ = try await base.updateTicket(
                stored, expectedVersion: stored.version, history: [], outbox: [], comment: early)
            comment = nil
            expected += 1
        }
        return try await base.updateTicket(
            ticket, expectedVersion: expected, history: history, outbox: outbox, comment: comment)
    }

    func ticket(id: Ticket.ID) async throws -> Ticket? { try await base.ticket(id: id) }
    func ticket(number: Ticket.Number) async throws -> Ticket? { try await base.ticket(number: number) }
    func tickets(account: Account.ID, after cursor: PageCursor?, limit: Int) async throws -> Page<Ticket> {
        try await base.tickets(account: account, after: cursor, limit: limit)
    }
    func comments(ticket: Ticket.ID) async throws -> [SupportDesk.Comment] {
        let comments = try await base.comments(ticket: ticket)
        return defect == .hidesInternalComments ? comments.filter { $0.visibility == .public } : comments
    }
    func history(ticket: Ticket.ID) async throws -> [TicketHistoryEntry] { try await base.history(ticket: ticket) }
    func queue(after cursor: PageCursor?, limit: Int) async throws -> Page<Ticket> {
        try await base.queue(after: cursor, limit: limit)
    }
    func claimNext(agent: Agent.ID, now: Date) async throws -> Ticket? {
        guard defect == .claimsNewestFirst else { return try await base.claimNext(agent: agent, now: now) }
        var all: [Ticket] = []
        var cursor: PageCursor?
        repeat {
            let page = try await base.queue(after: cursor, limit: 100)
            all += page.items
            cursor = page.next
        } while cursor != nil
        guard var newest = all.last else { return nil }
        let version = newest.version
        newest.status = .inProgress
        newest.assignee = agent
        newest.updatedAt = now
        return try await base.updateTicket(
            newest, expectedVersion: version,
            history: [
                TicketHistoryEntry(
                    ticketID: newest.id, at: now, actor: .agent(agent), change: .status(from: .new, to: .inProgress)),
                TicketHistoryEntry(ticketID: newest.id, at: now, actor: .agent(agent), change: .assigned(agent)),
            ], outbox: [], comment: nil)
    }
    func ticketsWaitingForCustomer(dueBefore date: Date, limit: Int) async throws -> [Ticket] {
        let moment = defect == .inclusiveDeadline ? date.addingTimeInterval(0.5) : date
        return try await base.ticketsWaitingForCustomer(dueBefore: moment, limit: limit)
    }
    func ticketsNeedingReminder(dueBefore date: Date, limit: Int) async throws -> [Ticket] {
        try await base.ticketsNeedingReminder(dueBefore: date, limit: limit)
    }
    func importTickets(_ tickets: [ImportedTicket]) async throws { try await base.importTickets(tickets) }

    func pendingNotifications(dueAt date: Date, limit: Int) async throws -> [OutboxNotification] {
        try await base.pendingNotifications(dueAt: date, limit: limit)
    }
    func notifications(after cursor: PageCursor?, limit: Int) async throws -> Page<OutboxNotification> {
        try await base.notifications(after: cursor, limit: limit)
    }
    func notification(id: OutboxNotification.ID) async throws -> OutboxNotification? {
        try await base.notification(id: id)
    }
    func markDelivered(_ id: OutboxNotification.ID, at date: Date) async throws -> OutboxNotification {
        try await base.markDelivered(id, at: date)
    }
    func recordFailure(
        _ id: OutboxNotification.ID, error: String, at date: Date, retryAt: Date?
    ) async throws -> OutboxNotification {
        let retry = defect == .forgetsDeadLetters ? (retryAt ?? date) : retryAt
        return try await base.recordFailure(id, error: error, at: date, retryAt: retry)
    }

    func changes(since position: Int64, limit: Int) async throws -> [ChangeFeedEntry] {
        let entries = try await base.changes(since: position, limit: limit)
        return defect == .dropsCommentFeedEntries ? entries.filter { $0.kind != .commentAdded } : entries
    }
    func latestChangeSequence() async throws -> Int64 { try await base.latestChangeSequence() }
}
