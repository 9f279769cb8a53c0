/// What kind of value a form field holds; decides its JSON input type, normalization and checks.
///
/// The raw value is the `kind` string used in the catalog JSON.
public enum FieldKind: String, CaseIterable, Hashable, Sendable, Codable {
    /// Single-line text (a JSON string; whitespace trimmed and collapsed).
    case text
    /// Multi-line text (a JSON string; line breaks kept).
    case multilineText = "textarea"
    /// A whole number (a JSON number without fraction, or a string of digits).
    case integer
    /// A decimal number (a JSON number, or a string such as `12.50`).
    case decimal
    /// A calendar date (a JSON string `YYYY-MM-DD`).
    case date
    /// An email address (a JSON string).
    case email
    /// A phone number (a JSON string, normalized to `+` and digits).
    case phone
    /// An `http` or `https` URL (a JSON string).
    case url
    /// An identifier such as a chat ID or a UUID (a JSON string, usually with a ``FieldConstraints/pattern``).
    case identifier
    /// One of the field's options (a JSON string: the option's value).
    case select
    /// Several of the field's options (a JSON array of option values).
    case multiSelect = "multiselect"
    /// A yes/no box (a JSON boolean).
    case checkbox
    /// Attached files (a JSON array of attachment metadata objects).
    case attachments

    /// Whether the kind takes its value from ``FieldDefinition/options``.
    public var hasOptions: Bool { self == .select || self == .multiSelect }
}
