#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Delivers the outbox's due notifications to a ``NotificationSink``, at least once, retrying failures
/// with backoff and moving a notification to the dead letters after ``DeliveryPolicy/maxAttempts``
/// failures.
///
/// Each notification is delivered first and marked delivered afterwards: a crash in between delivers it
/// again on the next run (at least once, never zero times). Several workers may run at once; they may
/// then deliver a notification twice, which the sink's contract allows.
public struct NotificationDeliveryWorker: Sendable {
    /// The outbox read and settled.
    public let outbox: any NotificationOutbox
    /// Where notifications go.
    public let sink: any NotificationSink
    /// Retry and dead-letter rules.
    public let policy: DeliveryPolicy
    /// The time source.
    public let now: @Sendable () -> Date

    /// What one ``deliverDue()`` run did.
    public struct Report: Hashable, Sendable {
        /// Notifications delivered.
        public var delivered: [OutboxNotification.ID] = []
        /// Notifications that failed and will be retried.
        public var retried: [OutboxNotification.ID] = []
        /// Notifications that failed for the last time and are now dead letters.
        public var deadLettered: [OutboxNotification.ID] = []

        /// Creates an empty report.
        public init() {}
    }

    /// Creates a worker.
    /// - Parameters:
    ///   - outbox: The outbox (any ``SupportDeskStore``).
    ///   - sink: Where to deliver.
    ///   - policy: Retry rules.
    ///   - now: The time source (the system clock by default).
    public init(
        outbox: any NotificationOutbox, sink: any NotificationSink, policy: DeliveryPolicy = DeliveryPolicy(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.outbox = outbox
        self.sink = sink
        self.policy = policy
        self.now = now
    }

    /// Delivers every notification due now, once each; failures are scheduled for a later run.
    /// - Returns: What was delivered, retried and given up.
    /// - Throws: The outbox's ``StorageError`` when it cannot be read or updated (a sink failure is not
    ///   thrown: it is recorded on the notification).
    @discardableResult
    public func deliverDue() async throws -> Report {
        let date = now()
        var report = Report()
        var seen = Set<OutboxNotification.ID>()
        while true {
            let limit = policy.batchSize + seen.count
            let due = try await outbox.pendingNotifications(dueAt: date, limit: limit)
            let fresh = due.filter { !seen.contains($0.id) }
            if fresh.isEmpty { break }
            for notification in fresh {
                seen.insert(notification.id)
                do {
                    try await sink.deliver(notification)
                } catch {
                    let failures = notification.attempts + 1
                    let retryAt =
                        failures >= policy.maxAttempts
                        ? nil : date.addingTimeInterval(policy.backoff(afterFailures: failures))
                    let stored: OutboxNotification
                    do {
                        stored = try await outbox.recordFailure(
                            notification.id, error: String(describing: error), at: date, retryAt: retryAt)
                    } catch let error as StorageError where error.code == .invalidArgument {
                        continue  // Another worker settled it meanwhile (delivered or gave up).
                    }
                    if stored.status == .deadLetter {
                        report.deadLettered.append(notification.id)
                    } else {
                        report.retried.append(notification.id)
                    }
                    continue
                }
                try await outbox.markDelivered(notification.id, at: date)
                report.delivered.append(notification.id)
            }
            if due.count < limit { break }
        }
        return report
    }

    /// Runs until the task is cancelled: delivers what is due, then sleeps `interval` on `clock`.
    /// - Parameters:
    ///   - interval: The pause between runs.
    ///   - clock: The clock to sleep on.
    /// - Throws: `CancellationError` when cancelled, or the outbox's errors.
    public func run<C: Clock>(every interval: C.Duration, on clock: C) async throws {
        while !Task.isCancelled {
            try await deliverDue()
            try await clock.sleep(for: interval)
        }
        throw CancellationError()
    }
}
