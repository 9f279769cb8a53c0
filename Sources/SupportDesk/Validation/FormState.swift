/// A form as it is being filled: which fields to show, which are required, which options each select
/// offers, given the values so far. A UI (the CLI wizard, a web portal, an app) renders from it and asks
/// again after every change.
public struct FormState: Hashable, Sendable {
    /// One field's state.
    public struct FieldState: Hashable, Sendable {
        /// The field.
        public let definition: FieldDefinition
        /// Whether the field is shown now (its `visibleWhen` holds, or it has none).
        public let isVisible: Bool
        /// Whether the field is required now (`required`, or its `requiredWhen` holds); always `false`
        /// while hidden.
        public let isRequired: Bool
        /// The options offered now (those whose `visibleWhen` holds); empty for kinds without options.
        public let allowedOptions: [FieldDefinition.Option]
        /// The normalized value given so far, if any and if the field is visible.
        public let value: FieldValue?

        /// The field's id.
        public var id: FieldDefinition.ID { definition.id }
    }

    /// The topic.
    public let topicID: Topic.ID
    /// Every field of the form in display order, hidden ones included.
    public let fields: [FieldState]
    /// Problems with the values given so far (type errors, constraints, unknown fields); a missing
    /// required value is not among them.
    public let issues: [ValidationIssue]

    /// The ids of the fields shown now, in display order.
    public var visibleFields: [FieldDefinition.ID] { fields.filter(\.isVisible).map(\.id) }

    /// The ids of the fields required now, in display order.
    public var requiredFields: [FieldDefinition.ID] { fields.filter(\.isRequired).map(\.id) }

    /// The ids of required fields that have no value yet.
    public var missingRequiredFields: [FieldDefinition.ID] {
        fields.filter { $0.isRequired && ($0.value == nil || $0.value == .flag(false)) }.map(\.id)
    }

    /// Whether the form would pass validation as it stands.
    public var isComplete: Bool { issues.isEmpty && missingRequiredFields.isEmpty }

    /// The state of one field.
    /// - Parameter id: A field id.
    /// - Returns: The state, or `nil` when the form has no such field.
    public func field(_ id: FieldDefinition.ID) -> FieldState? { fields.first { $0.id == id } }

    /// The options a select or multi-select offers now.
    /// - Parameter id: A field id.
    /// - Returns: The options offered, in display order (empty for an unknown field).
    public func allowedOptions(for id: FieldDefinition.ID) -> [FieldDefinition.Option] {
        field(id)?.allowedOptions ?? []
    }
}
