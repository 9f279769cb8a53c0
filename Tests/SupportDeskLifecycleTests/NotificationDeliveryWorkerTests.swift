import Foundation
import SupportDesk
import Synchronization
import Testing

/// A sink that records deliveries and fails for chosen recipients a number of times.
final class RecordingSink: NotificationSink {
    private let state = Mutex<(delivered: [OutboxNotification], failuresLeft: [EmailAddress: Int])>(([], [:]))

    func failNext(_ count: Int, for recipient: EmailAddress) { state.withLock { $0.failuresLeft[recipient] = count } }
    var delivered: [OutboxNotification] { state.withLock { $0.delivered } }

    struct Refused: Error, CustomStringConvertible {
        var recipient: EmailAddress
        var description: String { "mailbox \(recipient) unavailable" }
    }

    func deliver(_ notification: OutboxNotification) async throws {
        try state.withLock {
            if let left = $0.failuresLeft[notification.recipient], left > 0 {
                $0.failuresLeft[notification.recipient] = left - 1
                throw Refused(recipient: notification.recipient)
            }
            $0.delivered.append(notification)
        }
    }
}

@Suite struct NotificationDeliveryWorkerTests {
    typealias F = LifecycleFixture

    @Test func backoffDoublesUpToItsCeiling() {
        let policy = DeliveryPolicy(maxAttempts: 5, initialBackoff: 60, maxBackoff: 300)
        #expect((1...5).map { policy.backoff(afterFailures: $0) } == [60, 120, 240, 300, 300])
    }

    @Test(arguments: StoreKind.allCases)
    func deliversEveryPendingNotificationOnce(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        _ = try await f.waitingTicket()
        let sink = RecordingSink()
        let worker = NotificationDeliveryWorker(
            outbox: f.store, sink: sink, policy: DeliveryPolicy(batchSize: 1), now: f.time.now)
        let report = try await worker.deliverDue()
        let all = try await f.outbox()
        #expect(report.delivered.count == all.count && all.count == 4)  // confirmation + question, to 2 addresses
        #expect(sink.delivered.map(\.id) == all.map(\.id))
        #expect(try await f.outbox().allSatisfy { $0.status == .delivered && $0.deliveredAt == F.start })
        #expect(try await worker.deliverDue() == NotificationDeliveryWorker.Report())
    }

    @Test(arguments: StoreKind.allCases)
    func retriesWithBackoffThenDelivers(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        _ = try await f.ticket()
        let sink = RecordingSink()
        let anna = F.email("anna@romashka.ru")
        sink.failNext(2, for: anna)
        let worker = NotificationDeliveryWorker(
            outbox: f.store, sink: sink, policy: DeliveryPolicy(maxAttempts: 5, initialBackoff: 60, maxBackoff: 600),
            now: f.time.now)
        var report = try await worker.deliverDue()
        #expect(report.delivered.count == 1 && report.retried.count == 1)
        let failed = try #require(try await f.outbox().first { $0.recipient == anna })
        #expect(failed.status == .pending && failed.attempts == 1)
        #expect(failed.nextAttemptAt == F.start.addingTimeInterval(60))
        #expect(failed.lastError == "mailbox anna@romashka.ru unavailable")
        // Not due yet: nothing happens before the backoff has passed.
        f.time.advance(by: 59)
        #expect(try await worker.deliverDue() == NotificationDeliveryWorker.Report())
        f.time.advance(by: 1)
        report = try await worker.deliverDue()
        #expect(report.retried.count == 1)
        #expect(try await f.store.notification(id: failed.id)?.nextAttemptAt == f.time.date.addingTimeInterval(120))
        f.time.advance(by: 120)
        report = try await worker.deliverDue()
        #expect(report.delivered == [failed.id])
        #expect(sink.delivered.filter { $0.recipient == anna }.count == 1)
    }

    @Test(arguments: StoreKind.allCases)
    func givesUpAfterMaxAttempts(kind: StoreKind) async throws {
        let f = try F(kind)
        _ = try await f.makeAccounts()
        _ = try await f.ticket()
        let sink = RecordingSink()
        let boris = F.email("boris@romashka.ru")
        sink.failNext(100, for: boris)
        let worker = NotificationDeliveryWorker(
            outbox: f.store, sink: sink, policy: DeliveryPolicy(maxAttempts: 3, initialBackoff: 10, maxBackoff: 10),
            now: f.time.now)
        var dead: [OutboxNotification.ID] = []
        for _ in 0..<5 {
            dead += try await worker.deliverDue().deadLettered
            f.time.advance(by: 10)
        }
        let notification = try #require(try await f.outbox().first { $0.recipient == boris })
        #expect(dead == [notification.id])
        #expect(notification.status == .deadLetter && notification.attempts == 3)
        #expect(try await f.store.pendingNotifications(dueAt: f.time.date.addingTimeInterval(1e6), limit: 10).isEmpty)
    }
}

extension NotificationDeliveryWorkerTests {
    @Test func theHelpCentersWorkerUsesItsPolicyAndClock() throws {
        let f = try F(.inMemory, policy: HelpCenterPolicy(delivery: DeliveryPolicy(maxAttempts: 2, initialBackoff: 5)))
        let worker = f.center.deliveryWorker(to: RecordingSink())
        #expect(worker.policy.maxAttempts == 2 && worker.policy.initialBackoff == 5)
        f.time.advance(by: 42)
        #expect(worker.now() == F.start.addingTimeInterval(42))
    }
}
