#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension HelpCenter {
    /// Creates a ticket from a validated form and puts it in the support queue.
    ///
    /// The ticket gets the next number (`TW-1042`), status ``Ticket/Status/new`` and joins the end of the
    /// queue. Its history starts with ``TicketHistoryEntry/Change/created``; with
    /// ``HelpCenterPolicy/confirmsCreation`` every address of the account is notified of the number.
    /// - Parameters:
    ///   - submission: The form values that passed ``FormValidator`` (the only way to create a ticket).
    ///   - actor: A customer (the ticket belongs to their account) or an agent creating it for a customer.
    ///   - account: The account, required when an agent creates the ticket; a customer may omit it or name
    ///     their own account.
    /// - Returns: The stored ticket with its number (for a customer, as customers see it:
    ///   ``Ticket/seenByCustomers(history:)``).
    /// - Throws: ``HelpCenterError`` `unknownCustomer`, `accessDenied` (a customer naming another account),
    ///   `notPermitted` (the system, or an agent without an account), `unknownAccount`, `unknownTopic`
    ///   (the submission's topic is not in this help center's catalog), `duplicateAttachment` (two files of
    ///   the form with one id), `storage`.
    public func createTicket(
        _ submission: ValidatedSubmission, by actor: Actor, account accountID: Account.ID? = nil
    ) async throws(HelpCenterError) -> Ticket {
        let performer = try await performer(for: actor)
        let account: Account
        switch performer {
        case .customer(let email, let own):
            if let accountID, accountID != own.id {
                throw HelpCenterError(
                    .accessDenied, "\(email) acts for “\(own.company)” and may not create tickets for another account",
                    context: .init(actor: actor, accountID: own.id))
            }
            account = own
        case .agent:
            guard let accountID else {
                throw HelpCenterError(
                    .notPermitted, "an agent creating a ticket must name the customer's account",
                    context: .init(actor: actor))
            }
            guard let found = try await stored({ try await store.account(id: accountID) }) else {
                throw HelpCenterError(
                    .unknownAccount, "there is no account \(accountID)", context: .init(accountID: accountID))
            }
            account = found
        case .system:
            throw HelpCenterError(.notPermitted, "the system does not create tickets", context: .init(actor: actor))
        }
        guard let topic = catalog.topic(submission.topicID), topic.categoryID == submission.categoryID else {
            throw HelpCenterError(
                .unknownTopic,
                "the submission is for topic “\(submission.topicID)” in category “\(submission.categoryID)”, "
                    + "which this help center's catalog does not have",
                context: .init(actor: actor, accountID: account.id))
        }
        try Self.checkUniqueAttachments(
            Self.attachments(of: submission.values), context: .init(actor: actor, accountID: account.id))
        let date = now()
        let draft = TicketDraft(
            numberPrefix: policy.ticketNumberPrefix, accountID: account.id, topicID: topic.id,
            categoryID: topic.categoryID, fields: submission.values, createdAt: date)
        let history = [
            TicketHistoryEntry(
                ticketID: draft.id, at: date, actor: actor, change: .created, reason: "created and queued")
        ]
        // The store allocates the number inside the creating transaction, so the confirmation's text does not
        // repeat it: every outbox row carries the number (``OutboxNotification/ticketNumber``) for the sink.
        let outbox =
            policy.confirmsCreation
            ? notifications(
                .ticketCreated, account: account,
                body: NotificationMessages.createdBody(summary: draft.fields, language: policy.language))
            : []
        let created = try await stored { try await store.createTicket(draft, history: history, outbox: outbox) }
        return try await seenBy(performer, created)
    }

    /// Adds a comment to a ticket and applies what it means for the lifecycle.
    ///
    /// - A customer's comment on a ticket waiting for them is their answer: the ticket goes back to
    ///   ``Ticket/Status/inProgress`` and the reply deadline is cleared (even if it already passed, as long as
    ///   the sweep has not closed the ticket yet).
    /// - An agent's public comment notifies every address of the account; with `asks`, it is a question:
    ///   the ticket waits for the customer with a reply deadline of now + ``HelpCenterPolicy/replyPeriod``
    ///   (asking again sets a new deadline).
    /// - Internal comments are for agents only and notify nobody.
    /// - Parameters:
    ///   - number: The ticket.
    ///   - actor: A customer of the ticket's account or an agent.
    ///   - text: The comment's text (not blank).
    ///   - visibility: Public (default) or internal (agents only).
    ///   - asks: Whether an agent's public comment asks the customer something.
    ///   - attachments: Attached files' metadata.
    /// - Returns: The ticket as the actor may see it after the comment.
    /// The text is cleaned and limited by ``TicketText`` (control characters, escape sequences and bidi
    /// overrides removed; at most ``TicketText/maxCommentBytes``).
    /// - Throws: ``HelpCenterError`` `invalidComment` (blank text), `textTooLong`, `unknownCustomer`, `unknownTicket`,
    ///   `accessDenied`, `notPermitted` (a customer's internal comment or question, an internal question, the
    ///   system), `illegalTransition` (a question on a ticket nobody claimed, any comment on a resolved or
    ///   closed ticket), `duplicateAttachment` (an attachment id the ticket already has, or given twice),
    ///   `conflict`, `storage`.
    @discardableResult
    public func comment(
        on number: Ticket.Number, by actor: Actor, text: String, visibility: Comment.Visibility = .public,
        asks: Bool = false, attachments: [Attachment] = []
    ) async throws(HelpCenterError) -> TicketView {
        let body = try TicketText.comment(text, context: .init(actor: actor, ticketNumber: number))
        let performer = try await performer(for: actor)
        switch performer {
        case .customer:
            if visibility == .internal {
                throw HelpCenterError(
                    .notPermitted, "customers cannot write internal comments",
                    context: .init(actor: actor, ticketNumber: number))
            }
            if asks {
                throw HelpCenterError(
                    .notPermitted, "only an agent can ask the customer a question",
                    context: .init(actor: actor, ticketNumber: number))
            }
        case .agent:
            if asks, visibility == .internal {
                throw HelpCenterError(
                    .notPermitted, "a question to the customer must be a public comment, not an internal one",
                    context: .init(actor: actor, ticketNumber: number))
            }
        case .system:
            throw HelpCenterError(.notPermitted, "the system does not write comments", context: .init(actor: actor))
        }
        let updated = try await change(number, by: performer) { (ticket, date) throws(HelpCenterError) in
            guard ticket.status.isOpen else {
                let hint =
                    ticket.closeReason == .noCustomerReply
                    ? "; the customer can refresh it within the refresh window" : "; create a new ticket instead"
                throw HelpCenterError(
                    .illegalTransition,
                    "\(ticket.number) is \(ticket.status.rawValue): it takes no more comments\(hint)",
                    context: .init(
                        actor: actor, accountID: ticket.accountID, ticketNumber: ticket.number, status: ticket.status))
            }
            if !attachments.isEmpty {
                let earlier = try await stored { try await store.comments(ticket: ticket.id) }
                try Self.checkUniqueAttachments(
                    Self.attachments(of: ticket.fields) + earlier.flatMap(\.attachments) + attachments,
                    context: .init(actor: actor, accountID: ticket.accountID, ticketNumber: ticket.number))
            }
            let comment = Comment(
                ticketID: ticket.id, author: actor, visibility: visibility, body: body, attachments: attachments,
                createdAt: date)
            var next = ticket
            next.updatedAt = date
            var history = [
                TicketHistoryEntry(
                    ticketID: ticket.id, at: date, actor: actor, change: .commented(comment.id, visibility))
            ]
            var outbox: [OutboxNotification.Draft] = []
            switch performer {
            case .customer:
                if ticket.status == .waitingForCustomer {
                    next.status = try transition(.customerReply, ticket, by: performer)
                    next.replyDeadline = nil
                    next.reminderAt = nil
                    history.append(
                        TicketHistoryEntry(
                            ticketID: ticket.id, at: date, actor: actor,
                            change: .status(from: ticket.status, to: next.status),
                            reason: "the customer answered; the reply deadline is cleared"))
                }
            case .agent:
                if asks {
                    next.status = try transition(.ask, ticket, by: performer)
                    let deadline = date.addingTimeInterval(policy.replyPeriod)
                    next.replyDeadline = deadline
                    next.reminderAt = policy.reminderAfter.map { date.addingTimeInterval($0) }
                    history.append(
                        TicketHistoryEntry(
                            ticketID: ticket.id, at: date, actor: actor,
                            change: .status(from: ticket.status, to: next.status),
                            reason: "asked the customer; reply due by \(NotificationMessages.timestamp(deadline))"))
                }
                if visibility == .public {
                    outbox = notifications(
                        asks ? .waitingForReply : .agentComment, ticket: next, account: try await account(of: ticket),
                        comment: comment)
                }
            case .system:
                break
            }
            return Change(ticket: next, history: history, outbox: outbox, comment: comment)
        }
        return try await view(of: updated, for: performer)
    }

    /// Takes the oldest ticket of the queue for an agent, atomically: two agents (or processes) claiming at
    /// once never get the same ticket. The ticket becomes ``Ticket/Status/inProgress`` with the agent as
    /// assignee; the history records the claim.
    /// - Parameter agent: The agent.
    /// - Returns: The claimed ticket, or `nil` when the queue is empty.
    /// - Throws: ``HelpCenterError`` `invalidAgent`, `storage`.
    public func claimNext(agent: Agent.ID) async throws(HelpCenterError) -> Ticket? {
        _ = try await performer(for: .agent(agent))
        let date = now()
        return try await stored { try await store.claimNext(agent: agent, now: date) }
    }

    /// Marks a ticket resolved, optionally with a public comment saying how; every address of the account
    /// is notified.
    /// - Parameters:
    ///   - number: The ticket (in progress or waiting for the customer).
    ///   - agent: The agent.
    ///   - text: The resolution as a public comment, or `nil`; cleaned and limited like a comment
    ///     (``TicketText``).
    /// - Returns: The stored ticket.
    /// - Throws: ``HelpCenterError`` `invalidAgent`, `textTooLong`, `unknownTicket`, `illegalTransition`,
    ///   `conflict`, `storage`.
    @discardableResult
    public func resolve(
        _ number: Ticket.Number, by agent: Agent.ID, text: String? = nil
    ) async throws(HelpCenterError)
        -> Ticket
    {
        let performer = try await performer(for: .agent(agent))
        let actor = performer.actor
        // A blank resolution is no comment at all; a visible one is cleaned and checked like any comment.
        var resolution = ""
        if let text, !TicketText.cleanComment(text).isEmpty {
            resolution = try TicketText.comment(
                text, what: "a resolution", context: .init(actor: actor, ticketNumber: number))
        }
        return try await change(number, by: performer) { (ticket, date) throws(HelpCenterError) in
            var next = ticket
            next.status = try transition(.resolve, ticket, by: performer)
            next.updatedAt = date
            next.closedAt = date
            next.replyDeadline = nil
            next.reminderAt = nil
            var comment: Comment?
            var history: [TicketHistoryEntry] = []
            if !resolution.isEmpty {
                let written = Comment(ticketID: ticket.id, author: actor, body: resolution, createdAt: date)
                comment = written
                history.append(
                    TicketHistoryEntry(
                        ticketID: ticket.id, at: date, actor: actor, change: .commented(written.id, .public)))
            }
            history.append(
                TicketHistoryEntry(
                    ticketID: ticket.id, at: date, actor: actor, change: .status(from: ticket.status, to: .resolved),
                    reason: "resolved by agent \(agent)"))
            let outbox = notifications(
                .resolved, ticket: next, account: try await account(of: ticket), comment: comment)
            return Change(ticket: next, history: history, outbox: outbox, comment: comment)
        }
    }

    /// Closes an open ticket at an agent's decision or the customer's request (reasons
    /// ``Ticket/CloseReason/closedByAgent`` and ``Ticket/CloseReason/closedByCustomer``). Such a ticket
    /// cannot be refreshed.
    /// - Parameters:
    ///   - number: The ticket.
    ///   - actor: An agent, or a customer of the ticket's account.
    ///   - reason: Why, in words, for the history; cleaned to one line and limited to
    ///     ``TicketText/maxReasonBytes`` (``TicketText``).
    /// - Returns: The stored ticket (for a customer, as customers see it: ``Ticket/seenByCustomers(history:)``).
    /// - Throws: ``HelpCenterError`` `textTooLong`, `unknownCustomer`, `unknownTicket`, `accessDenied`,
    ///   `notPermitted` (the system), `illegalTransition`, `conflict`, `storage`.
    @discardableResult
    public func close(
        _ number: Ticket.Number, by actor: Actor, reason: String = ""
    ) async throws(HelpCenterError)
        -> Ticket
    {
        let why = try TicketText.reason(reason, context: .init(actor: actor, ticketNumber: number))
        let performer = try await performer(for: actor)
        let closeReason: Ticket.CloseReason
        switch performer {
        case .customer: closeReason = .closedByCustomer
        case .agent: closeReason = .closedByAgent
        case .system:
            throw HelpCenterError(
                .notPermitted, "the system closes tickets only through the sweep", context: .init(actor: actor))
        }
        let closed = try await change(number, by: performer) { (ticket, date) throws(HelpCenterError) in
            var next = ticket
            next.status = try transition(.close, ticket, by: performer)
            next.closeReason = closeReason
            next.updatedAt = date
            next.closedAt = date
            next.replyDeadline = nil
            next.reminderAt = nil
            let history = [
                TicketHistoryEntry(
                    ticketID: ticket.id, at: date, actor: actor, change: .status(from: ticket.status, to: .closed),
                    reason:
                        "\(closeReason == .closedByAgent ? "closed by the agent" : "closed at the customer's request")"
                        + (why.isEmpty ? "" : ": \(why)"))
            ]
            return Change(ticket: next, history: history)
        }
        return try await seenBy(performer, closed)
    }

    /// Refreshes (“актуализирует”) a ticket closed for no customer reply: the customer's comment is added and
    /// the ticket returns to the queue as ``Ticket/Status/new``, unassigned.
    ///
    /// **Queue position:** a refreshed ticket is queued at the moment of the refresh, so it joins the end of
    /// the queue, behind tickets that were waiting while the customer was silent.
    /// - Parameters:
    ///   - number: The ticket.
    ///   - customer: A member email of the ticket's account.
    ///   - text: The customer's comment (not blank): what is still wrong; cleaned and limited like a comment
    ///     (``TicketText``).
    /// - Returns: The ticket as the customer sees it after the refresh.
    /// - Throws: ``HelpCenterError`` `invalidComment`, `textTooLong`, `unknownCustomer`, `unknownTicket`,
    ///   `accessDenied`, `illegalTransition` (not closed for no customer reply), `refreshWindowExpired` (closed longer ago
    ///   than ``HelpCenterPolicy/refreshWindow``: create a new ticket), `conflict`, `storage`.
    @discardableResult
    public func refresh(
        _ number: Ticket.Number, by customer: EmailAddress, text: String
    ) async throws(HelpCenterError)
        -> TicketView
    {
        let actor = Actor.customer(customer)
        let body = try TicketText.comment(
            text, what: "a refresh (the customer's comment)", context: .init(actor: actor, ticketNumber: number))
        let performer = try await performer(for: actor)
        let updated = try await change(number, by: performer) { (ticket, date) throws(HelpCenterError) in
            let target = try transition(.refresh, ticket, by: performer)
            let closedAt = ticket.closedAt ?? ticket.updatedAt
            let windowEnd = closedAt.addingTimeInterval(policy.refreshWindow)
            guard date <= windowEnd else {
                throw HelpCenterError(
                    .refreshWindowExpired,
                    "\(ticket.number) was closed on \(NotificationMessages.timestamp(closedAt)); it could be refreshed "
                        + "until \(NotificationMessages.timestamp(windowEnd)). Please create a new ticket.",
                    context: .init(
                        actor: actor, accountID: ticket.accountID, ticketNumber: ticket.number, transition: .refresh,
                        status: ticket.status))
            }
            let comment = Comment(ticketID: ticket.id, author: actor, body: body, createdAt: date)
            var next = ticket
            next.status = target
            next.closeReason = nil
            next.closedAt = nil
            next.assignee = nil
            next.replyDeadline = nil
            next.reminderAt = nil
            next.queuedAt = date
            next.updatedAt = date
            let history = [
                TicketHistoryEntry(
                    ticketID: ticket.id, at: date, actor: actor, change: .commented(comment.id, .public)),
                TicketHistoryEntry(
                    ticketID: ticket.id, at: date, actor: actor, change: .status(from: .closed, to: target),
                    reason: "refreshed by the customer; back in the queue"),
            ]
            let outbox = notifications(
                .refreshed, ticket: next, account: try await account(of: ticket), comment: comment)
            return Change(ticket: next, history: history, outbox: outbox, comment: comment)
        }
        return try await view(of: updated, for: performer)
    }

    // MARK: - Reading

    /// A ticket as the actor may see it: customers get only their own account's tickets, without internal
    /// comments or the history entries about them.
    /// - Parameters:
    ///   - number: The ticket.
    ///   - actor: A customer or an agent.
    /// - Returns: The filtered view.
    /// - Throws: ``HelpCenterError`` `unknownCustomer`, `invalidAgent`, `unknownTicket`, `accessDenied`, `storage`.
    public func view(_ number: Ticket.Number, as actor: Actor) async throws(HelpCenterError) -> TicketView {
        let performer = try await performer(for: actor)
        let ticket = try await load(number, for: performer)
        return try await view(of: ticket, for: performer)
    }

    func view(of ticket: Ticket, for performer: Performer) async throws(HelpCenterError) -> TicketView {
        try checkAccess(to: ticket, by: performer)
        var ticket = ticket
        var comments = try await stored { try await store.comments(ticket: ticket.id) }
        var history = try await stored { try await store.history(ticket: ticket.id) }
        if case .customer = performer {
            comments.removeAll { $0.visibility != .public }
            history.removeAll { !TicketView.isVisibleToCustomers($0) }
            ticket = ticket.seenByCustomers(history: history)
        }
        var refreshableUntil: Date?
        if ticket.status == .closed, ticket.closeReason == .noCustomerReply {
            refreshableUntil = (ticket.closedAt ?? ticket.updatedAt).addingTimeInterval(policy.refreshWindow)
        }
        return TicketView(
            viewer: performer.actor, ticket: ticket, comments: comments, history: history,
            refreshableUntil: refreshableUntil)
    }

    /// Lists an account's tickets, newest first.
    /// - Parameters:
    ///   - actor: A customer (their own account) or an agent (who must name the account).
    ///   - account: The account, for an agent; a customer may omit it or name their own.
    ///   - cursor: Where to continue, or `nil`.
    ///   - limit: The most tickets to return (at least 1).
    /// - Returns: A page of tickets (for a customer, as customers see them: ``Ticket/seenByCustomers(history:)``).
    /// - Throws: ``HelpCenterError`` `unknownCustomer`, `accessDenied` (a customer naming another account),
    ///   `notPermitted` (an agent without an account, the system), `storage`.
    public func tickets(
        by actor: Actor, account accountID: Account.ID? = nil, after cursor: PageCursor? = nil, limit: Int = 50
    ) async throws(HelpCenterError) -> Page<Ticket> {
        let performer = try await performer(for: actor)
        let target: Account.ID
        switch performer {
        case .customer(let email, let own):
            if let accountID, accountID != own.id {
                throw HelpCenterError(
                    .accessDenied, "\(email) acts for “\(own.company)” and may not list another account's tickets",
                    context: .init(actor: actor, accountID: own.id))
            }
            target = own.id
        case .agent, .system:
            guard let accountID else {
                throw HelpCenterError(
                    .notPermitted, "name the account whose tickets to list", context: .init(actor: actor))
            }
            target = accountID
        }
        let page = try await stored { try await store.tickets(account: target, after: cursor, limit: limit) }
        guard case .customer = performer else { return page }
        var seen: [Ticket] = []
        for ticket in page.items { seen.append(try await seenBy(performer, ticket)) }
        return Page(items: seen, next: page.next)
    }

    /// A ticket as a performer may see it: for a customer with the customer-visible version and update
    /// time (``Ticket/seenByCustomers(history:)``), for anyone else as stored.
    func seenBy(_ performer: Performer, _ ticket: Ticket) async throws(HelpCenterError) -> Ticket {
        guard case .customer = performer else { return ticket }
        let history = try await stored { try await store.history(ticket: ticket.id) }
        return ticket.seenByCustomers(history: history)
    }

    /// Lists the support queue, oldest first (refreshed tickets count from their refresh).
    /// - Parameters:
    ///   - agent: The agent looking.
    ///   - cursor: Where to continue, or `nil`.
    ///   - limit: The most tickets to return (at least 1).
    /// - Returns: A page of queued tickets.
    /// - Throws: ``HelpCenterError`` `invalidAgent`, `storage`.
    public func queue(
        agent: Agent.ID, after cursor: PageCursor? = nil, limit: Int = 50
    ) async throws(HelpCenterError)
        -> Page<Ticket>
    {
        _ = try await performer(for: .agent(agent))
        return try await stored { try await store.queue(after: cursor, limit: limit) }
    }

    // MARK: - Attachments

    /// Every attachment of a form's values.
    static func attachments(of values: FieldValues) -> [Attachment] {
        values.flatMap { entry -> [Attachment] in
            if case .attachments(let files) = entry.value { return files }
            return []
        }
    }

    /// Refuses a list of one ticket's attachments in which an id appears twice.
    static func checkUniqueAttachments(
        _ attachments: [Attachment], context: HelpCenterError.Context
    ) throws(HelpCenterError) {
        var seen = Set<Attachment.ID>()
        for attachment in attachments where !seen.insert(attachment.id).inserted {
            throw HelpCenterError(
                .duplicateAttachment,
                "the attachment id “\(attachment.id)” (“\(attachment.fileName)”) is used twice on one ticket",
                context: context)
        }
    }
}
