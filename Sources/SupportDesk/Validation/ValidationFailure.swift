/// A form that did not pass validation: every issue found, not just the first.
public struct ValidationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The topic whose form was validated.
    public let topicID: Topic.ID
    /// Every issue, in form order (fields in display order, then unknown fields in input order); never
    /// empty.
    public let issues: [ValidationIssue]

    /// Creates a failure.
    /// - Parameters:
    ///   - topicID: The topic.
    ///   - issues: The issues; at least one.
    public init(topicID: Topic.ID, issues: [ValidationIssue]) {
        self.topicID = topicID
        self.issues = issues
    }

    /// The stable codes of the issues, in order.
    public var codes: [ValidationIssue.Code] { issues.map(\.code) }

    /// The issues of one field path (`fields.chatId`).
    /// - Parameter path: A field path.
    /// - Returns: The issues at that path, possibly none.
    public func issues(at path: String) -> [ValidationIssue] { issues.filter { $0.path == path } }

    /// Every message in a language, one per issue.
    /// - Parameter language: The wanted language.
    /// - Returns: The messages, in issue order.
    public func messages(in language: LanguageCode) -> [String] { issues.map { $0.message(in: language) } }

    /// The failure as JSON for an API response or a command's `--json` output:
    /// `{"valid": false, "issues": [{"field": "fields.chatId", "code": "pattern", "message": "…"}]}`.
    /// - Parameter language: The language of the messages.
    /// - Returns: The JSON value; `field` is the issue's path.
    public func jsonValue(in language: LanguageCode) -> JSONValue {
        [
            "valid": false,
            "issues": .array(
                issues.map {
                    [
                        "field": .string($0.path), "code": .string($0.code.rawValue),
                        "message": .string($0.message(in: language)),
                    ]
                }),
        ]
    }

    public var description: String {
        let header = "the form of “\(topicID)” has \(issues.count) problem\(issues.count == 1 ? "" : "s")"
        return ([header] + issues.map { "  " + $0.description }).joined(separator: "\n")
    }
}
