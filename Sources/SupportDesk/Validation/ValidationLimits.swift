/// The limits that keep validating hostile input cheap. Input beyond a limit gets an issue, never a crash,
/// a hang or an unbounded allocation.
public struct ValidationLimits: Hashable, Sendable {
    /// Limits of the JSON parser used by the byte API (default: 1 MiB document, nesting depth 32, strings
    /// of at most 256 KiB).
    public var json: JSONLimits
    /// Most UTF-8 bytes of one text value; a longer one gets `tooLong` without being normalized (default
    /// 64 KiB).
    public var maxTextBytes: Int
    /// Most elements of a multi-select or attachments array; more get `tooManySelections` /
    /// `tooManyFiles` without being read (default 100).
    public var maxArrayElements: Int
    /// Most issues listed; the rest are summarized by one `tooManyIssues` issue (default 100).
    public var maxIssues: Int

    /// Creates limits.
    public init(
        json: JSONLimits = JSONLimits(maxBytes: 1 << 20, maxDepth: 32, maxStringBytes: 256 << 10),
        maxTextBytes: Int = 64 << 10, maxArrayElements: Int = 100, maxIssues: Int = 100
    ) {
        self.json = json
        self.maxTextBytes = maxTextBytes
        self.maxArrayElements = maxArrayElements
        self.maxIssues = maxIssues
    }

    /// The defaults.
    public static let `default` = ValidationLimits()
}
