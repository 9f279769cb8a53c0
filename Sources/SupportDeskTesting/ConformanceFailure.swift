/// A conformance check found a backend that breaks the storage contract.
///
/// The message says what was expected and what the backend did; ``check`` names the check (run it alone
/// with ``StoreConformance/run(_:)``), ``file`` and ``line`` point into the kit's source.
public struct ConformanceFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The check that failed (one of ``StoreConformance/checkNames``).
    public var check: String
    /// What was expected and what happened.
    public var message: String
    /// The kit's source file of the failed expectation.
    public var file: String
    /// The line of the failed expectation.
    public var line: Int

    /// Creates a failure.
    /// - Parameters:
    ///   - check: The check's name (empty until ``StoreConformance/run(_:)`` fills it in).
    ///   - message: What was expected and what happened.
    ///   - file: The source file.
    ///   - line: The source line.
    public init(check: String = "", message: String, file: String = #fileID, line: Int = #line) {
        self.check = check
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String { "conformance check “\(check)” failed: \(message) (\(file):\(line))" }
}
