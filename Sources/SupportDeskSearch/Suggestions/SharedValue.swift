/// An immutable value kept behind one reference, so that copying a result that holds it costs one retain
/// instead of one per reference-counted field of the value (a ``Topic`` or ``Category`` has many).
final class SharedValue<Value: Hashable & Sendable>: Sendable {
    /// The value.
    let value: Value

    /// Wraps a value.
    /// - Parameter value: The value.
    init(_ value: Value) { self.value = value }

    /// Whether two boxes hold equal values (the same box without comparing).
    /// - Parameters:
    ///   - lhs: A box.
    ///   - rhs: Another box.
    /// - Returns: `true` when the values are equal.
    static func same(_ lhs: SharedValue, _ rhs: SharedValue) -> Bool { lhs === rhs || lhs.value == rhs.value }
}
