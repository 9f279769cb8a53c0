#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A ticket to create: everything but its number, which the store allocates inside the creating
/// transaction (see ``TicketStore/createTicket(_:history:outbox:)``).
///
/// The created ticket has status ``Ticket/Status/new``, is queued at ``createdAt`` and has version 1.
public struct TicketDraft: Hashable, Sendable, Codable {
    /// The identifier the ticket will have.
    public var id: Ticket.ID
    /// The prefix of the number to allocate (`TW` gives `TW-1042`).
    public var numberPrefix: String
    /// The account the ticket belongs to; it must exist.
    public var accountID: Account.ID
    /// The topic chosen.
    public var topicID: Topic.ID
    /// The topic's category.
    public var categoryID: Category.ID
    /// The validated, normalized form values.
    public var fields: FieldValues
    /// When it is created (and queued).
    public var createdAt: Date

    /// Creates a draft.
    /// - Parameters:
    ///   - id: The identifier (by default a new time-ordered one, ``Identifier/timeOrdered()``, so new tickets
    ///     append to the stores' id indexes).
    ///   - numberPrefix: The number prefix.
    ///   - accountID: The account.
    ///   - topicID: The topic.
    ///   - categoryID: The category.
    ///   - fields: The form values.
    ///   - createdAt: The creation time.
    public init(
        id: Ticket.ID = .timeOrdered(), numberPrefix: String, accountID: Account.ID, topicID: Topic.ID,
        categoryID: Category.ID, fields: FieldValues, createdAt: Date
    ) {
        self.id = id
        self.numberPrefix = numberPrefix
        self.accountID = accountID
        self.topicID = topicID
        self.categoryID = categoryID
        self.fields = fields
        self.createdAt = createdAt
    }

    /// The ticket this draft becomes once the store allocated `number`.
    /// - Parameter number: The allocated number.
    /// - Returns: A new, queued ticket at version 1.
    public func ticket(number: Ticket.Number) -> Ticket {
        Ticket(
            id: id, number: number, accountID: accountID, topicID: topicID, categoryID: categoryID, fields: fields,
            status: .new, createdAt: createdAt, updatedAt: createdAt, queuedAt: createdAt, version: 1)
    }
}
