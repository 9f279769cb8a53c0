/// A condition on other fields' values that shows, hides or requires a field, or an option of a select.
///
/// In catalog JSON:
/// - `{"field": "channel", "equals": "whatsapp"}`
/// - `{"field": "channel", "in": ["whatsapp", "telegram"]}`
/// - `{"field": "dialogId", "filled": true}` (`false`: the field is empty)
/// - `{"all": [ … ]}`, `{"any": [ … ]}`, `{"not": { … }}`
///
/// A value is compared by its canonical text: an option's value, the normalized text, `true`/`false` for a
/// checkbox, the number's decimal digits; a multi-select matches when any chosen option matches.
public indirect enum FieldCondition: Hashable, Sendable, Codable {
    /// The field's value equals the text.
    case equals(FieldDefinition.ID, String)
    /// The field's value is one of the texts.
    case oneOf(FieldDefinition.ID, [String])
    /// The field has a non-empty value (`true`) or is empty (`false`).
    case filled(FieldDefinition.ID, Bool)
    /// Every condition holds (true when empty).
    case all([FieldCondition])
    /// At least one condition holds (false when empty).
    case any([FieldCondition])
    /// The condition does not hold.
    case not(FieldCondition)

    /// Every field this condition reads.
    public var referencedFields: Set<FieldDefinition.ID> {
        switch self {
        case .equals(let field, _), .oneOf(let field, _), .filled(let field, _): [field]
        case .all(let conditions), .any(let conditions):
            conditions.reduce(into: Set()) { $0.formUnion($1.referencedFields) }
        case .not(let condition): condition.referencedFields
        }
    }

    private enum CodingKeys: String, CodingKey {
        case field, equals, `in`, filled, all, any, not
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let conditions = try container.decodeIfPresent([FieldCondition].self, forKey: .all) {
            self = .all(conditions)
        } else if let conditions = try container.decodeIfPresent([FieldCondition].self, forKey: .any) {
            self = .any(conditions)
        } else if let condition = try container.decodeIfPresent(FieldCondition.self, forKey: .not) {
            self = .not(condition)
        } else {
            let field = try container.decode(FieldDefinition.ID.self, forKey: .field)
            if let value = try container.decodeIfPresent(String.self, forKey: .equals) {
                self = .equals(field, value)
            } else if let values = try container.decodeIfPresent([String].self, forKey: .in) {
                self = .oneOf(field, values)
            } else if let filled = try container.decodeIfPresent(Bool.self, forKey: .filled) {
                self = .filled(field, filled)
            } else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription: "a condition needs “equals”, “in” or “filled” next to “field”"))
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .equals(let field, let value):
            try container.encode(field, forKey: .field)
            try container.encode(value, forKey: .equals)
        case .oneOf(let field, let values):
            try container.encode(field, forKey: .field)
            try container.encode(values, forKey: .in)
        case .filled(let field, let filled):
            try container.encode(field, forKey: .field)
            try container.encode(filled, forKey: .filled)
        case .all(let conditions): try container.encode(conditions, forKey: .all)
        case .any(let conditions): try container.encode(conditions, forKey: .any)
        case .not(let condition): try container.encode(condition, forKey: .not)
        }
    }
}
