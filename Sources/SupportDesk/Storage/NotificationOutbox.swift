#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The outbox of notifications: rows written with the events that cause them (by ``TicketStore``), read
/// and settled by a delivery worker that delivers at least once.
///
/// ## Implementation requirements
///
/// - Notifications are only created by ``TicketStore`` writes, in the same transaction as their event.
/// - ``pendingNotifications(dueAt:limit:)`` returns `pending` notifications with ``OutboxNotification/nextAttemptAt``
///   at or before the given time, ordered by `nextAttemptAt` then ``OutboxNotification/sequence``; index
///   (status, nextAttemptAt) so the cost follows the number due.
/// - ``OutboxNotification/sequence`` increases in the order notifications were written.
/// - ``markDelivered(_:at:)`` and ``recordFailure(_:error:at:retryAt:)`` are single atomic updates. Marking a
///   delivered notification delivered again is allowed and changes nothing (delivery is at least once).
/// - Errors are ``StorageError``s: an unknown id is `notFound`; a limit below 1 is `invalidArgument`.
public protocol NotificationOutbox: Sendable {
    /// Lists notifications due for delivery.
    /// - Parameters:
    ///   - date: The moment; notifications with `nextAttemptAt <= date` are due.
    ///   - limit: The most to return (at least 1).
    /// - Returns: Pending, due notifications, earliest attempt first.
    /// - Throws: ``StorageError`` `invalidArgument`, `backendFailure`.
    func pendingNotifications(dueAt date: Date, limit: Int) async throws -> [OutboxNotification]

    /// Lists all notifications in the order they were written, whatever their status (for operators and
    /// tests).
    /// - Parameters:
    ///   - cursor: Where to continue, or `nil` for the first page.
    ///   - limit: The most to return (at least 1).
    /// - Returns: A page of notifications.
    /// - Throws: ``StorageError`` `invalidArgument`, `invalidCursor`, `backendFailure`.
    func notifications(after cursor: PageCursor?, limit: Int) async throws -> Page<OutboxNotification>

    /// Reads one notification.
    /// - Parameter id: The notification's identifier.
    /// - Returns: The notification, or `nil` when there is none.
    /// - Throws: ``StorageError`` `backendFailure`.
    func notification(id: OutboxNotification.ID) async throws -> OutboxNotification?

    /// Records a successful delivery: status `delivered`, ``OutboxNotification/deliveredAt`` = `date`.
    /// Already delivered: nothing changes.
    /// - Parameters:
    ///   - id: The notification.
    ///   - date: When it was delivered.
    /// - Returns: The stored notification.
    /// - Throws: ``StorageError`` `notFound`, `backendFailure`.
    @discardableResult
    func markDelivered(_ id: OutboxNotification.ID, at date: Date) async throws -> OutboxNotification

    /// Records a failed delivery attempt: increments ``OutboxNotification/attempts``, keeps the error, and
    /// either schedules the next attempt or moves the notification to the dead letters.
    /// - Parameters:
    ///   - id: The notification (it must be `pending`).
    ///   - error: What went wrong, for operators.
    ///   - date: When the attempt failed.
    ///   - retryAt: When to try again; `nil` gives up (status `deadLetter`).
    /// - Returns: The stored notification.
    /// - Throws: ``StorageError`` `notFound`, `invalidArgument` (not pending), `backendFailure`.
    @discardableResult
    func recordFailure(
        _ id: OutboxNotification.ID, error: String, at date: Date, retryAt: Date?
    ) async throws -> OutboxNotification
}
