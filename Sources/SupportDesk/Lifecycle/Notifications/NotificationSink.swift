/// Where notifications are delivered: an email gateway, a message queue, a file. The library sends no
/// email itself; an application supplies a sink and runs a ``NotificationDeliveryWorker``.
///
/// ## Implementation requirements
///
/// - ``deliver(_:)`` returns only once the notification is handed over for good (accepted by the mail
///   server, written and flushed); it throws when it was not.
/// - Delivery is **at least once**: the same notification (same ``OutboxNotification/id``) may be passed
///   again after a crash or when two workers race. Use the id to deduplicate if the channel can.
/// - It may be called from several tasks at once.
public protocol NotificationSink: Sendable {
    /// Delivers one notification to its ``OutboxNotification/recipient``.
    /// - Parameter notification: The notification.
    /// - Throws: Any error when delivery failed; the worker retries later or gives up after its limit.
    func deliver(_ notification: OutboxNotification) async throws
}
