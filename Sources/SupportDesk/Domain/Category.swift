/// A category of requests (the first step of creating a ticket), such as “Chats” or “Calls”.
public struct Category: Identifiable, Hashable, Sendable, Codable {
    /// The category's identifier, chosen by the catalog author (`chats`).
    public typealias ID = Identifier<Category>

    /// The identifier.
    public var id: ID
    /// The title shown to customers.
    public var title: LocalizedText
    /// What kind of problems belong here.
    public var description: LocalizedText
    /// The topics of this category, in display order.
    public var topics: [Topic]

    /// Creates a category.
    /// - Parameters:
    ///   - id: The identifier.
    ///   - title: The title.
    ///   - description: The description.
    ///   - topics: The topics, each with ``Topic/categoryID`` equal to `id`.
    public init(id: ID, title: LocalizedText, description: LocalizedText, topics: [Topic] = []) {
        self.id = id
        self.title = title
        self.description = description
        self.topics = topics
    }
}
