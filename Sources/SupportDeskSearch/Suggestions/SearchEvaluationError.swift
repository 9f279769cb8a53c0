/// A search evaluation file that cannot be read.
public struct SearchEvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error kind.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String { case invalidLine, unreadableFile }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A line is not a JSON object with `q` and `topics`.
        public static let invalidLine = Code(.invalidLine)
        /// The file cannot be read.
        public static let unreadableFile = Code(.unreadableFile)

        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A human-readable explanation.
    public let message: String
    /// The 1-based line number, when the problem is on a line.
    public let line: Int?

    /// Creates an error.
    /// - Parameters:
    ///   - code: The kind.
    ///   - message: The explanation.
    ///   - line: The line number.
    public init(_ code: Code, _ message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }

    public var description: String { "\(code): \(message)" }
}
