#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// How a ``NotificationDeliveryWorker`` retries: exponential backoff with a ceiling, and a dead letter
/// after a number of failed attempts.
public struct DeliveryPolicy: Hashable, Sendable {
    /// Failed attempts after which a notification moves to the dead letters (at least 1; default 5).
    public var maxAttempts: Int
    /// The wait after the first failure (default 1 minute); each further failure doubles it.
    public var initialBackoff: TimeInterval
    /// The longest wait between attempts (default 1 hour).
    public var maxBackoff: TimeInterval
    /// How many due notifications to read at a time (default 100).
    public var batchSize: Int

    /// Creates a policy.
    /// - Parameters:
    ///   - maxAttempts: Failed attempts before the dead letter.
    ///   - initialBackoff: The first wait.
    ///   - maxBackoff: The ceiling of the wait.
    ///   - batchSize: Notifications read per batch.
    public init(
        maxAttempts: Int = 5, initialBackoff: TimeInterval = 60, maxBackoff: TimeInterval = 3600, batchSize: Int = 100
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = max(0, initialBackoff)
        self.maxBackoff = max(self.initialBackoff, maxBackoff)
        self.batchSize = max(1, batchSize)
    }

    /// The wait before the next attempt after a number of failures.
    /// - Parameter failures: Failed attempts so far (at least 1).
    /// - Returns: `initialBackoff × 2^(failures − 1)`, at most `maxBackoff`.
    public func backoff(afterFailures failures: Int) -> TimeInterval {
        let exponent = min(max(failures - 1, 0), 40)
        return min(initialBackoff * Double(1 << exponent), maxBackoff)
    }
}
