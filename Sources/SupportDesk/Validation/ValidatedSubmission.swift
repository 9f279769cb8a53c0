/// A topic form's values that passed ``FormValidator``: normalized, checked, with hidden fields dropped.
///
/// "Parse, don't validate": there is no public initializer, so holding a `ValidatedSubmission` proves the
/// values went through the validator of some catalog. Tickets are created only from one.
public struct ValidatedSubmission: Hashable, Sendable {
    /// The topic the form belongs to.
    public let topicID: Topic.ID
    /// The topic's category.
    public let categoryID: Category.ID
    /// The normalized values of the visible, filled fields (hidden and empty fields have none).
    public let values: FieldValues

    /// Creates a submission without validating it: for stores that read back tickets that were validated
    /// when they were created, and for tests inside the package.
    /// - Parameters:
    ///   - topicID: The topic.
    ///   - categoryID: The topic's category.
    ///   - values: Values that already passed validation.
    package init(topicID: Topic.ID, categoryID: Category.ID, values: FieldValues) {
        self.topicID = topicID
        self.categoryID = categoryID
        self.values = values
    }

    /// The normalized value of a field, or `nil` when it has none.
    /// - Parameter field: A field id.
    public subscript(field: FieldDefinition.ID) -> FieldValue? { values[field] }
}
