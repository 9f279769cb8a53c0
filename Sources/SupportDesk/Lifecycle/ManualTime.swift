import Synchronization

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A time source that stands still until moved: inject ``now`` into a ``HelpCenter`` to move days forward
/// in tests and demos without sleeping.
public final class ManualTime: Sendable {
    private let current: Mutex<Date>

    /// Creates a time source.
    /// - Parameter start: The initial moment.
    public init(_ start: Date) { current = Mutex(start) }

    /// The current moment.
    public var date: Date { current.withLock { $0 } }

    /// A provider to pass as a ``HelpCenter``'s `now`.
    public var now: @Sendable () -> Date { { [self] in self.date } }

    /// Moves time forward (or back, with a negative interval).
    /// - Parameter interval: Seconds to add.
    public func advance(by interval: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(interval) }
    }

    /// Sets the current moment.
    /// - Parameter date: The new moment.
    public func set(_ date: Date) { current.withLock { $0 = date } }
}
