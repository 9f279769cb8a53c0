/// One line of a search evaluation file (the format of `search-eval/dev.jsonl`).
///
///     {"q": "обзвон не работает", "topics": ["call-campaign"], "category": "calls", "kind": "plain"}
public struct EvaluationQuery: Hashable, Sendable {
    /// The query as a customer typed it.
    public var query: String
    /// The topics a person accepts as the right answer (any of them counts).
    public var acceptableTopics: [Topic.ID]
    /// The category of those topics.
    public var category: Category.ID?
    /// What makes the query hard (`plain`, `typo`, `layout`, `long`…).
    public var kind: String

    /// Creates a query.
    /// - Parameters:
    ///   - query: The query.
    ///   - acceptableTopics: The right answers.
    ///   - category: Their category.
    ///   - kind: The query's kind.
    public init(query: String, acceptableTopics: [Topic.ID], category: Category.ID? = nil, kind: String = "plain") {
        self.query = query
        self.acceptableTopics = acceptableTopics
        self.category = category
        self.kind = kind
    }

    /// Reads an evaluation file: one JSON object per line; blank lines are skipped.
    /// - Parameter text: The file's content.
    /// - Returns: The queries in file order.
    /// - Throws: ``SearchEvaluationError`` naming the first bad line (1-based) and what is wrong with it.
    public static func parseLines(_ text: String) throws(SearchEvaluationError) -> [EvaluationQuery] {
        var queries: [EvaluationQuery] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: " \t\r")
            guard !trimmed.isEmpty else { continue }
            let number = offset + 1
            let value: JSONValue
            do {
                value = try JSONParser().parse(Array(trimmed.utf8))
            } catch {
                throw SearchEvaluationError(.invalidLine, "line \(number) is not JSON: \(error)", line: number)
            }
            guard let object = value.objectValue else {
                throw SearchEvaluationError(.invalidLine, "line \(number) is not a JSON object", line: number)
            }
            guard let query = object["q"]?.stringValue else {
                throw SearchEvaluationError(.invalidLine, "line \(number) has no string “q”", line: number)
            }
            guard let topics = object["topics"]?.arrayValue?.compactMap(\.stringValue), !topics.isEmpty else {
                throw SearchEvaluationError(
                    .invalidLine, "line \(number) has no “topics” (a non-empty array of topic ids)", line: number)
            }
            queries.append(
                EvaluationQuery(
                    query: query, acceptableTopics: topics.map { Topic.ID($0) },
                    category: object["category"]?.stringValue.map { Category.ID($0) },
                    kind: object["kind"]?.stringValue ?? "plain"))
        }
        return queries
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in characters: String) -> Substring {
        let set = Set(characters)
        var result = self
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return result
    }
}
