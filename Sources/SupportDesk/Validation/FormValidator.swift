/// Turns raw form input into a ``ValidatedSubmission``, or reports every problem at once.
///
/// Built once from a ``Catalog``: every topic's form is compiled into a plan (conditions resolved to
/// field positions and ordered so each reads fields already decided, patterns taken from the catalog's
/// compiled ``Catalog/patterns``, numeric bounds converted once). Validating is then a single pass over
/// the input, with no regular-expression compilation or catalog lookups by name. A validator is an
/// immutable `Sendable` value: share one across tasks; an app and a server using the same catalog give
/// the same answers.
///
/// Input is a JSON object of field values keyed by field id (see `Documentation/Validation.md` for the
/// JSON type of each kind). Values are normalized before they are checked; hidden fields are neither
/// validated nor kept; keys that are not fields of the form are reported as `unknownField`.
///
/// ```swift
/// let validator = FormValidator(catalog: try Catalog.twinHelpCenter())
/// switch validator.validate(topic: "chat-dialog", json: body) {
/// case .success(let submission): try await service.createTicket(submission, …)
/// case .failure(let failure): show(failure.messages(in: .ru))
/// }
/// ```
public struct FormValidator: Sendable {
    /// The catalog the forms come from.
    public let catalog: Catalog
    /// The message texts of the issues.
    public let messages: ValidationMessages
    /// The limits applied to input.
    public let limits: ValidationLimits
    private let plans: [Topic.ID: FormPlan]

    /// Compiles every topic's form of a catalog.
    /// - Parameters:
    ///   - catalog: A checked catalog.
    ///   - messages: The message texts (default: Russian and English).
    ///   - limits: The input limits.
    public init(catalog: Catalog, messages: ValidationMessages = .default, limits: ValidationLimits = .default) {
        self.catalog = catalog
        self.messages = messages
        self.limits = limits
        var plans: [Topic.ID: FormPlan] = [:]
        for topic in catalog.topics { plans[topic.id] = FormPlan(topic: topic, catalog: catalog) }
        self.plans = plans
    }

    // MARK: Validating

    /// Validates a form given as a JSON value.
    /// - Parameters:
    ///   - topic: The topic whose form the input fills.
    ///   - input: A JSON object of field values.
    /// - Returns: The validated submission, or a ``ValidationFailure`` with every issue.
    public func validate(topic: Topic.ID, input: JSONValue) -> Result<ValidatedSubmission, ValidationFailure> {
        guard let plan = plans[topic] else { return .failure(unknownTopic(topic)) }
        guard case .object(let object) = input else { return .failure(notAnObject(input, topic: topic)) }
        let evaluation = evaluate(plan, object, reportRequired: true)
        guard evaluation.issues.total == 0 else {
            return .failure(ValidationFailure(topicID: topic, issues: evaluation.sortedIssues(plan)))
        }
        var values: [FieldDefinition.ID: FieldValue] = [:]
        values.reserveCapacity(plan.fields.count)
        for field in plan.fields {
            if let value = evaluation.values[field.position] { values[field.id] = value }
        }
        return .success(
            ValidatedSubmission(topicID: topic, categoryID: plan.topic.categoryID, values: FieldValues(values)))
    }

    /// Validates a form given as JSON text (UTF-8 bytes, such as a request body).
    ///
    /// Malformed JSON, invalid UTF-8 and input beyond ``ValidationLimits/json`` are reported as issues
    /// (`invalidJSON`, `invalidUTF8`, `inputTooLarge`), never thrown or crashed on.
    /// - Parameters:
    ///   - topic: The topic whose form the input fills.
    ///   - json: The JSON text: an object of field values.
    /// - Returns: The validated submission, or a ``ValidationFailure`` with every issue.
    public func validate(
        topic: Topic.ID, json: some Collection<UInt8>
    ) -> Result<ValidatedSubmission, ValidationFailure> {
        switch parse(json, topic: topic) {
        case .success(let value): validate(topic: topic, input: value)
        case .failure(let failure): .failure(failure)
        }
    }

    // MARK: Form state

    /// The state of a form while it is being filled: which fields are visible and required now, which
    /// options each select offers, the normalized values so far and their problems.
    ///
    /// Missing required fields are not issues here (the customer has not finished); see
    /// ``FormState/missingRequiredFields``.
    /// - Parameters:
    ///   - topic: The topic.
    ///   - input: The partial input, a JSON object of field values (default: nothing filled yet).
    /// - Returns: The form state.
    /// - Throws: ``ValidationFailure`` when the topic is unknown or the input is not an object.
    public func formState(
        topic: Topic.ID, input: JSONValue = .object(JSONObject())
    ) throws(ValidationFailure)
        -> FormState
    {
        guard let plan = plans[topic] else { throw unknownTopic(topic) }
        guard case .object(let object) = input else { throw notAnObject(input, topic: topic) }
        let evaluation = evaluate(plan, object, reportRequired: false)
        let fields = plan.fields.map { field in
            FormState.FieldState(
                definition: field.definition, isVisible: evaluation.isVisible(field.position),
                isRequired: evaluation.isRequired(field.position),
                allowedOptions: field.availableOptions(values: evaluation.values),
                value: evaluation.values[field.position])
        }
        return FormState(topicID: topic, fields: fields, issues: evaluation.sortedIssues(plan))
    }

    /// The state of a form given as JSON text.
    /// - Parameters:
    ///   - topic: The topic.
    ///   - json: The partial input as JSON text.
    /// - Returns: The form state.
    /// - Throws: ``ValidationFailure`` when the topic is unknown or the text is not a JSON object.
    public func formState(topic: Topic.ID, json: some Collection<UInt8>) throws(ValidationFailure) -> FormState {
        try formState(topic: topic, input: parse(json, topic: topic).get())
    }

    // MARK: The pass

    struct Evaluation {
        /// The normalized values by field position (`nil`: hidden, empty or unreadable).
        var values: [FieldValue?]
        /// Per field position: bit 0 visible, bit 1 required.
        var flags: [UInt8]
        var issues: IssueCollector

        func isVisible(_ position: Int) -> Bool { flags[position] & 1 != 0 }
        func isRequired(_ position: Int) -> Bool { flags[position] & 2 != 0 }

        /// Issues in display order of their fields (stable), input-level and unknown fields last.
        func sortedIssues(_ plan: FormPlan) -> [ValidationIssue] {
            let issues = self.issues.result
            guard issues.count > 1 else { return issues }
            let keyed = issues.enumerated().map { offset, issue in
                (position: issue.fieldID.flatMap { plan.positions[$0.rawValue] } ?? Int.max, offset: offset)
            }
            return keyed.sorted { ($0.position, $0.offset) < ($1.position, $1.offset) }.map { issues[$0.offset] }
        }
    }

    private func evaluate(_ plan: FormPlan, _ object: JSONObject, reportRequired: Bool) -> Evaluation {
        let count = plan.fields.count
        var evaluation = Evaluation(
            values: [FieldValue?](repeating: nil, count: count), flags: [UInt8](repeating: 0, count: count),
            issues: IssueCollector(messages: messages, limit: limits.maxIssues))
        var found = 0
        for position in plan.evaluationOrder {
            let field = plan.fields[position]
            let input = object[field.id.rawValue]
            if input != nil { found += 1 }
            guard field.visibleWhen?.evaluate(evaluation.values) ?? true else { continue }
            let before = evaluation.issues.total
            var value: FieldValue?
            if let input {
                value = field.read(input, values: evaluation.values, limits: limits, issues: &evaluation.issues)
                evaluation.values[position] = value
            }
            let required = field.definition.isRequired || (field.requiredWhen?.evaluate(evaluation.values) ?? false)
            evaluation.flags[position] = required ? 3 : 1
            guard reportRequired, required, evaluation.issues.total == before else { continue }
            if value == nil || value == .flag(false) { evaluation.issues.add(.required, field) }
        }
        if found < object.count {
            for key in object.keys where plan.positions[key] == nil {
                let shown = Self.printable(key)
                evaluation.issues.add(.unknownField, path: "fields.\(shown)", arguments: ["value": shown])
            }
        }
        return evaluation
    }

    // MARK: Whole-input problems

    private func parse(_ bytes: some Collection<UInt8>, topic: Topic.ID) -> Result<JSONValue, ValidationFailure> {
        do {
            return .success(try JSONParser(limits: limits.json).parse(bytes))
        } catch {
            let code: ValidationIssue.Code
            if error.reason.hasPrefix("invalid UTF-8") {
                code = .invalidUTF8
            } else if error.reason.contains("larger than") || error.reason.contains("longer than")
                || error.reason.contains("deeper than")
            {
                code = .inputTooLarge
            } else {
                code = .invalidJSON
            }
            let issue = ValidationIssue(
                path: "", fieldID: nil, code: code,
                arguments: [
                    "reason": error.reason, "line": String(error.line), "column": String(error.column),
                ], messages: messages)
            return .failure(ValidationFailure(topicID: topic, issues: [issue]))
        }
    }

    private func unknownTopic(_ topic: Topic.ID) -> ValidationFailure {
        ValidationFailure(
            topicID: topic,
            issues: [
                ValidationIssue(
                    path: "topic", fieldID: nil, code: .unknownTopic,
                    arguments: ["topic": Self.printable(topic.rawValue)], messages: messages)
            ])
    }

    private func notAnObject(_ input: JSONValue, topic: Topic.ID) -> ValidationFailure {
        ValidationFailure(
            topicID: topic,
            issues: [
                ValidationIssue(
                    path: "", fieldID: nil, code: .notAnObject,
                    arguments: ["expected": input.typeDescription, "expected.ru": Self.russianType(input)],
                    messages: messages)
            ])
    }

    private static func russianType(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "логическое значение"
        case .number: "число"
        case .string: "строка"
        case .array: "массив"
        case .object: "объект"
        }
    }

    /// A key from the input as it may be shown: control characters dropped, at most 64 characters.
    static func printable(_ key: String) -> String {
        var view = String.UnicodeScalarView()
        var count = 0
        for scalar in key.unicodeScalars where !TextNormalizer.isControl(scalar) && !TextNormalizer.isInvisible(scalar)
        {
            guard count < 64 else {
                view.append("…")
                break
            }
            view.append(scalar)
            count += 1
        }
        return String(view)
    }
}
