/// Why a benchmark corpus cannot be generated or written.
struct CorpusError: Error, CustomStringConvertible {
    /// What went wrong and where.
    var message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
}
