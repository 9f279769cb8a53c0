/// The limits a field's value must respect. Every constraint is optional; which ones apply depends on
/// the field's ``FieldKind`` (the catalog check rejects a constraint that does not fit the kind).
public struct FieldConstraints: Hashable, Sendable, Codable {
    /// Fewest characters (as a person counts them: grapheme clusters), for text-like kinds.
    public var minLength: Int?
    /// Most characters, for text-like kinds.
    public var maxLength: Int?
    /// A regular expression the whole value must match, for text-like kinds (chiefly ``FieldKind/identifier``).
    public var pattern: String?
    /// Smallest number, for ``FieldKind/integer`` and ``FieldKind/decimal``.
    public var minimum: Double?
    /// Largest number, for ``FieldKind/integer`` and ``FieldKind/decimal``.
    public var maximum: Double?
    /// Earliest date, for ``FieldKind/date``.
    public var earliestDate: CalendarDate?
    /// Latest date, for ``FieldKind/date``.
    public var latestDate: CalendarDate?
    /// Fewest options chosen, for ``FieldKind/multiSelect``.
    public var minSelections: Int?
    /// Most options chosen, for ``FieldKind/multiSelect``.
    public var maxSelections: Int?
    /// Most files, for ``FieldKind/attachments``.
    public var maxFiles: Int?
    /// Largest single file in bytes, for ``FieldKind/attachments``.
    public var maxFileSize: Int64?
    /// Largest total of all files in bytes, for ``FieldKind/attachments``.
    public var maxTotalSize: Int64?
    /// Allowed media types (`image/png`, or a family such as `image/*`), for ``FieldKind/attachments``.
    public var allowedTypes: [String]?

    /// Creates constraints; all are optional.
    public init(
        minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil,
        minimum: Double? = nil, maximum: Double? = nil,
        earliestDate: CalendarDate? = nil, latestDate: CalendarDate? = nil,
        minSelections: Int? = nil, maxSelections: Int? = nil,
        maxFiles: Int? = nil, maxFileSize: Int64? = nil, maxTotalSize: Int64? = nil, allowedTypes: [String]? = nil
    ) {
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.minimum = minimum
        self.maximum = maximum
        self.earliestDate = earliestDate
        self.latestDate = latestDate
        self.minSelections = minSelections
        self.maxSelections = maxSelections
        self.maxFiles = maxFiles
        self.maxFileSize = maxFileSize
        self.maxTotalSize = maxTotalSize
        self.allowedTypes = allowedTypes
    }
}
