/// Collects issues up to ``ValidationLimits/maxIssues``, counting the ones beyond.
struct IssueCollector {
    let messages: ValidationMessages
    let limit: Int
    private(set) var issues: [ValidationIssue] = []
    /// Every issue reported, kept or not.
    private(set) var total = 0

    init(messages: ValidationMessages, limit: Int) {
        self.messages = messages
        self.limit = max(1, limit)
    }

    mutating func add(
        _ code: ValidationIssue.Code, path: String, field: FieldDefinition? = nil,
        arguments: [String: String] = [:]
    ) {
        total += 1
        guard issues.count < limit else { return }
        issues.append(
            ValidationIssue(
                path: path, fieldID: field?.id, code: code, label: field?.label, arguments: arguments,
                messages: messages))
    }

    mutating func add(_ code: ValidationIssue.Code, _ field: FieldPlan, arguments: [String: String] = [:]) {
        add(code, path: field.path, field: field.definition, arguments: arguments)
    }

    /// The issues, with one `tooManyIssues` at the end when some were left out.
    var result: [ValidationIssue] {
        guard total > issues.count else { return issues }
        return issues + [
            ValidationIssue(
                path: "", fieldID: nil, code: .tooManyIssues, arguments: ["count": String(limit)], messages: messages)
        ]
    }
}
