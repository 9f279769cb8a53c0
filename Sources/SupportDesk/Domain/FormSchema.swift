/// The form of a topic: its fields in display order (the catalog's common fields first).
public struct FormSchema: Hashable, Sendable, Codable {
    /// The fields in display order; ids are unique.
    public var fields: [FieldDefinition]

    /// Creates a form.
    /// - Parameter fields: The fields, with unique ids.
    public init(fields: [FieldDefinition]) { self.fields = fields }

    /// The field with the given id.
    /// - Parameter id: A field id.
    /// - Returns: The field, or `nil` when the form has none with that id.
    public func field(_ id: FieldDefinition.ID) -> FieldDefinition? { fields.first { $0.id == id } }
}
