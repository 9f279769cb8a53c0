#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The help-center service: accounts, tickets, comments, the support queue, the automatic close for no
/// customer reply, refresh and notifications, on top of any ``SupportDeskStore``.
///
/// Every operation names who performs it (an ``Actor``): a customer, resolved through their email to
/// their company's account, an agent, or the system (the sweep). A customer sees and changes only their
/// own account's tickets and never sees internal comments; a violation is a ``HelpCenterError``
/// (`accessDenied`, `notPermitted`), never an empty result. Status changes go through
/// ``TicketStateMachine``; every change is recorded in the ticket's history, and every event the customer
/// must hear of writes notifications to every address of the account in the same store transaction.
///
/// `HelpCenter` holds no state of its own: several instances (in several processes sharing a database)
/// may work on the same store at once. Changes use the ticket's version (optimistic concurrency) and are
/// retried on a conflict after re-reading and re-checking the ticket, so no update is lost.
///
/// Time comes from the injected `now`, so tests and demos move days forward without sleeping (see
/// ``ManualTime``).
public struct HelpCenter: Sendable {
    /// The store everything is kept in.
    public let store: any SupportDeskStore
    /// The catalog of categories and topics.
    public let catalog: Catalog
    /// The rules applied.
    public let policy: HelpCenterPolicy
    /// The time source.
    public let now: @Sendable () -> Date

    /// Creates a help center.
    /// - Parameters:
    ///   - store: The store.
    ///   - catalog: The catalog tickets are created from.
    ///   - policy: The rules (defaults: 2-day reply period, no reminder, 30-day refresh window, prefix `TW`).
    ///   - now: The time source (the system clock by default).
    /// - Throws: ``HelpCenterError`` `invalidPolicy` when a policy setting is out of range.
    public init(
        store: any SupportDeskStore, catalog: Catalog, policy: HelpCenterPolicy = HelpCenterPolicy(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws(HelpCenterError) {
        try policy.validate()
        self.store = store
        self.catalog = catalog
        self.policy = policy
        self.now = now
    }

    /// A worker that delivers this help center's outbox to a sink with the policy's retry rules and clock.
    /// - Parameter sink: Where notifications go.
    /// - Returns: The worker; call ``NotificationDeliveryWorker/deliverDue()`` or ``NotificationDeliveryWorker/run(every:on:)``.
    public func deliveryWorker(to sink: any NotificationSink) -> NotificationDeliveryWorker {
        NotificationDeliveryWorker(outbox: store, sink: sink, policy: policy.delivery, now: now)
    }

    // MARK: - Accounts

    /// Creates a company's account.
    ///
    /// The three sharing arrangements of the guide: ``Account/Sharing/allEmployees`` (every listed address
    /// signs in), ``Account/Sharing/botArchitect`` (one address, the bot architect's), and
    /// ``Account/Sharing/mailingGroup(fanOut:)`` (one group address signs in; notifications go to every
    /// fan-out address).
    /// - Parameters:
    ///   - company: The company's name (unique, compared ignoring case and extra spaces).
    ///   - members: The addresses that sign in (for a mailing group: only the group address).
    ///   - sharing: How the account is shared.
    /// - Returns: The stored account.
    /// - Throws: ``HelpCenterError`` `companyHasAccount` naming the existing account, `emailInAnotherAccount`
    ///   naming the account the address belongs to, `duplicateEmail` (one address listed twice, in whatever
    ///   case; the message and `context.email` name it), `invalidAccount` (empty name, no address, a bot-architect
    ///   account with more than one address, a mailing group without fan-out), `storage`.
    @discardableResult
    public func createAccount(
        company: String, members: [EmailAddress], sharing: Account.Sharing = .allEmployees
    ) async throws(HelpCenterError) -> Account {
        if case .botArchitect = sharing, members.count != 1 {
            throw HelpCenterError(
                .invalidAccount,
                "a bot-architect account has exactly one address, the architect's; got \(members.count)")
        }
        let account: Account
        do {
            account = try Account(company: company, members: members, sharing: sharing, createdAt: now())
        } catch  where error.code == .duplicateEmail {
            throw HelpCenterError(
                .duplicateEmail, error.message, context: .init(email: Account.repeatedMember(members)?.again))
        } catch {
            throw HelpCenterError(.invalidAccount, error.message)
        }
        if let existing = try await stored({ try await store.account(company: account.company) }) {
            throw Self.companyHasAccount(account.company, existing: existing)
        }
        for member in account.members {
            if let existing = try await stored({ try await store.account(memberEmail: member) }) {
                throw Self.emailTaken(member, existing: existing)
            }
        }
        do {
            try await store.createAccount(account)
        } catch let error as StorageError {
            // Another writer won the race between the checks above and the insert.
            if error.code == .duplicateCompany || error.code == .duplicateMember,
                let id = error.context.accountID,
                let existing = try await stored({ try await store.account(id: id) })
            {
                if error.code == .duplicateCompany { throw Self.companyHasAccount(account.company, existing: existing) }
                if let email = error.context.email { throw Self.emailTaken(email, existing: existing) }
            }
            throw Self.storageFailure(error)
        } catch {
            throw HelpCenterError(.storage, "the store failed: \(error)")
        }
        return account
    }

    /// Finds the account an email signs in to.
    /// - Parameter email: A member email.
    /// - Returns: The account.
    /// - Throws: ``HelpCenterError`` `unknownCustomer` when the email is not a member of any account, `storage`.
    public func account(for email: EmailAddress) async throws(HelpCenterError) -> Account {
        guard let account = try await stored({ try await store.account(memberEmail: email) }) else {
            throw HelpCenterError(
                .unknownCustomer, "\(email) is not a member of any account; the company's account must list it first",
                context: .init(actor: .customer(email), email: email))
        }
        return account
    }

    // MARK: - Shared helpers

    /// Who performs an operation, with the customer's account looked up.
    enum Performer: Sendable {
        case customer(EmailAddress, Account)
        case agent(Agent.ID)
        case system

        var actor: Actor {
            switch self {
            case .customer(let email, _): .customer(email)
            case .agent(let agent): .agent(agent)
            case .system: .system
            }
        }
    }

    func performer(for actor: Actor) async throws(HelpCenterError) -> Performer {
        switch actor {
        case .customer(let email): return .customer(email, try await account(for: email))
        case .agent(let agent):
            let name = agent.rawValue
            guard !name.trimmingWhitespace().isEmpty, name == name.trimmingWhitespace(), name.count <= 100,
                !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
            else {
                throw HelpCenterError(
                    .invalidAgent, "“\(name)” is not an agent name (1–100 characters, no surrounding spaces)")
            }
            return .agent(agent)
        case .system: return .system
        }
    }

    /// Reads a ticket by number and checks the performer may see it.
    func load(_ number: Ticket.Number, for performer: Performer) async throws(HelpCenterError) -> Ticket {
        guard let ticket = try await stored({ try await store.ticket(number: number) }) else {
            throw HelpCenterError(
                .unknownTicket, "there is no ticket \(number)",
                context: .init(actor: performer.actor, ticketNumber: number))
        }
        try checkAccess(to: ticket, by: performer)
        return ticket
    }

    func checkAccess(to ticket: Ticket, by performer: Performer) throws(HelpCenterError) {
        if case .customer(let email, let account) = performer, ticket.accountID != account.id {
            throw HelpCenterError(
                .accessDenied,
                "\(email) acts for “\(account.company)” and may not see or change ticket \(ticket.number) "
                    + "of another account",
                context: .init(actor: performer.actor, accountID: account.id, ticketNumber: ticket.number))
        }
    }

    /// The notifications of an event: one per address of the ticket's account.
    func notifications(
        _ kind: OutboxNotification.Kind, ticket: Ticket, account: Account, comment: Comment? = nil
    ) -> [OutboxNotification.Draft] {
        let body = NotificationMessages.body(
            kind, ticket: ticket, language: policy.language, comment: comment?.body, policy: policy)
        return notifications(kind, account: account, body: body, commentID: comment?.id)
    }

    /// The notifications of an event with a given text: one per distinct address of the account.
    func notifications(
        _ kind: OutboxNotification.Kind, account: Account, body: String, commentID: Comment.ID? = nil
    ) -> [OutboxNotification.Draft] {
        var seen = Set<EmailAddress>()
        return account.notificationRecipients.filter { seen.insert($0).inserted }.map {
            OutboxNotification.Draft(recipient: $0, kind: kind, body: body, commentID: commentID)
        }
    }

    func account(of ticket: Ticket) async throws(HelpCenterError) -> Account {
        guard let account = try await stored({ try await store.account(id: ticket.accountID) }) else {
            throw HelpCenterError(
                .unknownAccount, "ticket \(ticket.number) names account \(ticket.accountID), which does not exist",
                context: .init(accountID: ticket.accountID, ticketNumber: ticket.number))
        }
        return account
    }

    /// One change of a ticket, to store in one transaction.
    struct Change {
        var ticket: Ticket
        var history: [TicketHistoryEntry] = []
        var outbox: [OutboxNotification.Draft] = []
        var comment: Comment? = nil
    }

    /// Reads the ticket, lets `decide` compute the change, stores it with the version read; on a version
    /// conflict, reads again and decides again (so the rules are checked against what is stored).
    func change(
        _ number: Ticket.Number, by performer: Performer,
        _ decide: (Ticket, Date) async throws(HelpCenterError) -> Change
    ) async throws(HelpCenterError) -> Ticket {
        for _ in 0...policy.conflictRetries {
            let ticket = try await load(number, for: performer)
            let change = try await decide(ticket, now())
            do {
                return try await store.updateTicket(
                    change.ticket, expectedVersion: ticket.version, history: change.history, outbox: change.outbox,
                    comment: change.comment)
            } catch let error as StorageError where error.code == .versionConflict {
                continue
            } catch {
                throw Self.storageFailure(error)
            }
        }
        throw HelpCenterError(
            .conflict,
            "ticket \(number) kept changing while \(performer.actor) tried to change it (\(policy.conflictRetries + 1) attempts)",
            context: .init(actor: performer.actor, ticketNumber: number))
    }

    func transition(
        _ transition: TicketTransition, _ ticket: Ticket, by performer: Performer
    ) throws(HelpCenterError)
        -> Ticket.Status
    {
        do {
            return try TicketStateMachine.check(transition, for: ticket)
        } catch {
            throw HelpCenterError(
                .illegalTransition, error.message,
                context: .init(
                    actor: performer.actor, accountID: ticket.accountID, ticketNumber: ticket.number,
                    transition: transition, status: ticket.status))
        }
    }

    func stored<T: Sendable>(_ body: () async throws -> T) async throws(HelpCenterError) -> T {
        do { return try await body() } catch { throw Self.storageFailure(error) }
    }

    static func storageFailure(_ error: any Error) -> HelpCenterError {
        if let error = error as? HelpCenterError { return error }
        if let error = error as? StorageError {
            return HelpCenterError(.storage, "the store failed: \(error.message)", context: .init(storageError: error))
        }
        return HelpCenterError(.storage, "the store failed: \(error)")
    }

    static func companyHasAccount(_ company: String, existing: Account) -> HelpCenterError {
        HelpCenterError(
            .companyHasAccount,
            "the company “\(company)” already has an account: “\(existing.company)” (\(existing.id)), used by "
                + existing.members.map(\.rawValue).joined(separator: ", ")
                + "; a company has one account, shared by its people",
            context: .init(accountID: existing.id))
    }

    static func emailTaken(_ email: EmailAddress, existing: Account) -> HelpCenterError {
        HelpCenterError(
            .emailInAnotherAccount,
            "\(email) already belongs to the account of “\(existing.company)” (\(existing.id)); an address "
                + "belongs to at most one account",
            context: .init(accountID: existing.id, email: email))
    }
}
