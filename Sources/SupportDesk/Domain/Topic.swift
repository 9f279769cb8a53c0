/// A topic of requests within a category (the second step), with the form a customer fills for it.
public struct Topic: Identifiable, Hashable, Sendable, Codable {
    /// The topic's identifier, chosen by the catalog author (`chat-dialog`).
    public typealias ID = Identifier<Topic>

    /// The identifier.
    public var id: ID
    /// The category this topic belongs to.
    public var categoryID: Category.ID
    /// The title shown to customers.
    public var title: LocalizedText
    /// What problems this topic covers.
    public var description: LocalizedText
    /// Words customers use for this topic (synonyms, slang, English), per language; search ranks on them.
    public var keywords: [LanguageCode: [String]]
    /// The form: the catalog's common fields followed by this topic's own fields.
    public var form: FormSchema

    /// Creates a topic.
    /// - Parameters:
    ///   - id: The identifier.
    ///   - categoryID: The owning category.
    ///   - title: The title.
    ///   - description: The description.
    ///   - keywords: Search keywords per language.
    ///   - form: The complete form (common and topic fields).
    public init(
        id: ID, categoryID: Category.ID, title: LocalizedText, description: LocalizedText,
        keywords: [LanguageCode: [String]] = [:], form: FormSchema
    ) {
        self.id = id
        self.categoryID = categoryID
        self.title = title
        self.description = description
        self.keywords = keywords
        self.form = form
    }
}
