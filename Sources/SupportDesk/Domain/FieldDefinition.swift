/// One field of a topic's form: what it asks, where to find the value, and the rules its value follows.
public struct FieldDefinition: Identifiable, Hashable, Sendable, Codable {
    /// The field's identifier within a form (`chatId`), used as the key of submitted values.
    public typealias ID = Identifier<FieldDefinition>

    /// One choice of a ``FieldKind/select`` or ``FieldKind/multiSelect`` field.
    public struct Option: Hashable, Sendable, Codable {
        /// The value submitted when this option is chosen.
        public var value: String
        /// The label shown.
        public var label: LocalizedText
        /// When set, the option is offered only while the condition holds (a dependent dropdown).
        public var visibleWhen: FieldCondition?

        /// Creates an option.
        /// - Parameters:
        ///   - value: The submitted value.
        ///   - label: The label.
        ///   - visibleWhen: When the option is offered; always when `nil`.
        public init(value: String, label: LocalizedText, visibleWhen: FieldCondition? = nil) {
            self.value = value
            self.label = label
            self.visibleWhen = visibleWhen
        }
    }

    /// The identifier.
    public var id: ID
    /// The kind of value.
    public var kind: FieldKind
    /// The label shown next to the input.
    public var label: LocalizedText
    /// A hint saying where to find the value (“Чаты – Настройки, кнопка напротив чата”).
    public var hint: LocalizedText?
    /// Whether a value is always required (see also ``requiredWhen``).
    public var isRequired: Bool
    /// The limits the value must respect.
    public var constraints: FieldConstraints
    /// The choices of a select or multi-select field.
    public var options: [Option]
    /// When set, the field is shown (and validated) only while the condition holds.
    public var visibleWhen: FieldCondition?
    /// When set, the field is required while the condition holds (in addition to ``isRequired``).
    public var requiredWhen: FieldCondition?

    /// Creates a field definition.
    public init(
        id: ID, kind: FieldKind, label: LocalizedText, hint: LocalizedText? = nil, isRequired: Bool = false,
        constraints: FieldConstraints = FieldConstraints(), options: [Option] = [],
        visibleWhen: FieldCondition? = nil, requiredWhen: FieldCondition? = nil
    ) {
        self.id = id
        self.kind = kind
        self.label = label
        self.hint = hint
        self.isRequired = isRequired
        self.constraints = constraints
        self.options = options
        self.visibleWhen = visibleWhen
        self.requiredWhen = requiredWhen
    }
}
