#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A normalized value of one form field, as kept in a validated submission and in a ticket.
///
/// Encodes to JSON as a one-key object naming the case: `{"text": "…"}`, `{"integer": 5}`,
/// `{"options": ["a", "b"]}`, so a stored value decodes back to exactly the same case.
public enum FieldValue: Hashable, Sendable, Codable {
    /// Text of a text, multi-line text, email, phone, URL or identifier field.
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// A decimal number.
    case decimal(Decimal)
    /// A date.
    case date(CalendarDate)
    /// The chosen option of a select.
    case option(String)
    /// The chosen options of a multi-select, in the order given.
    case options([String])
    /// A checkbox.
    case flag(Bool)
    /// Attached files.
    case attachments([Attachment])

    /// The value's canonical text, used by conditions and search: options joined by commas, `true`/`false`,
    /// decimal digits, `YYYY-MM-DD`, attachment file names.
    public var canonicalTexts: [String] {
        switch self {
        case .text(let text), .option(let text): [text]
        case .integer(let value): [String(value)]
        case .decimal(let value): [value.description]
        case .date(let date): [date.description]
        case .options(let values): values
        case .flag(let value): [value ? "true" : "false"]
        case .attachments(let files): files.map(\.fileName)
        }
    }

    /// Whether the value counts as empty for `required` and `filled` (blank text, no options, no files).
    public var isEmpty: Bool {
        switch self {
        case .text(let text), .option(let text): text.isEmpty
        case .options(let values): values.isEmpty
        case .attachments(let files): files.isEmpty
        case .integer, .decimal, .date, .flag: false
        }
    }
}

/// The values of a form, keyed by field id. Encodes to JSON as an object `{"chatId": {"text": "…"}}`.
public struct FieldValues: Hashable, Sendable, Codable, Sequence {
    /// The values by field.
    public private(set) var storage: [FieldDefinition.ID: FieldValue]

    /// Creates values.
    /// - Parameter values: The value of each field.
    public init(_ values: [FieldDefinition.ID: FieldValue] = [:]) { self.storage = values }

    /// The value of a field, or `nil` when it has none.
    public subscript(field: FieldDefinition.ID) -> FieldValue? {
        get { storage[field] }
        set { storage[field] = newValue }
    }

    /// The number of fields with a value.
    public var count: Int { storage.count }

    /// The field ids with a value, sorted.
    public var fieldIDs: [FieldDefinition.ID] { storage.keys.sorted() }

    /// Iterates the values sorted by field id, so output is deterministic.
    public func makeIterator() -> some IteratorProtocol<(field: FieldDefinition.ID, value: FieldValue)> {
        storage.sorted { $0.key < $1.key }.map { (field: $0.key, value: $0.value) }.makeIterator()
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: FieldValue].self)
        var storage: [FieldDefinition.ID: FieldValue] = [:]
        for (key, value) in raw { storage[FieldDefinition.ID(key)] = value }
        self.storage = storage
    }

    public func encode(to encoder: any Encoder) throws {
        var raw: [String: FieldValue] = [:]
        for (key, value) in storage { raw[key.rawValue] = value }
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }
}
