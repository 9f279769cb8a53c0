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
    /// The attachment policy every attachments field is held to, on top of its own constraints: a file's
    /// type must be allowed by both, its size and the field's total must be within both. Give the
    /// attachment store the same value (default ``AttachmentPolicy/default``, the stores' default too).
    public var attachments: AttachmentPolicy

    /// Creates limits.
    public init(
        json: JSONLimits = JSONLimits(maxBytes: 1 << 20, maxDepth: 32, maxStringBytes: 256 << 10),
        maxTextBytes: Int = 64 << 10, maxArrayElements: Int = 100, maxIssues: Int = 100,
        attachments: AttachmentPolicy = .default
    ) {
        self.json = json
        self.maxTextBytes = maxTextBytes
        self.maxArrayElements = maxArrayElements
        self.maxIssues = maxIssues
        self.attachments = attachments
    }

    /// The defaults.
    public static let `default` = ValidationLimits()
}
