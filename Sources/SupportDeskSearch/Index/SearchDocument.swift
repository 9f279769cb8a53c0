/// A document to index: a key chosen by the caller and texts in the index's fields.
public struct SearchDocument<Key: Hashable & Sendable>: Sendable {
    /// One text of a document in one field.
    public struct Text: Hashable, Sendable {
        /// The field's position in the index's ``SearchIndex/fields``.
        public var field: Int
        /// The text.
        public var text: String

        /// Creates a text.
        /// - Parameters:
        ///   - field: The field's position in the index's fields.
        ///   - text: The text.
        public init(field: Int, text: String) {
            self.field = field
            self.text = text
        }
    }

    /// The key the index returns in its hits.
    public var key: Key
    /// The texts; a field may have several (each comment of a ticket, each keyword of a topic).
    public var texts: [Text]

    /// Creates a document.
    /// - Parameters:
    ///   - key: The document's key.
    ///   - texts: Its texts.
    public init(key: Key, texts: [Text] = []) {
        self.key = key
        self.texts = texts
    }

    /// Adds a text to a field.
    /// - Parameters:
    ///   - text: The text.
    ///   - field: The field's position in the index's fields.
    public mutating func append(_ text: String, to field: Int) {
        texts.append(Text(field: field, text: text))
    }
}
