extension Catalog {
    /// The catalog as a JSON document in the catalog format (`schemaVersion` 1); loading it gives back
    /// an equal catalog.
    public var jsonValue: JSONValue {
        var root = JSONObject()
        root["schemaVersion"] = .number(String(Catalog.schemaVersion))
        root["commonFields"] = .array(commonFields.map(\.jsonValue))
        root["categories"] = .array(
            categories.map { category in
                var object = JSONObject()
                object["id"] = .string(category.id.rawValue)
                object["title"] = category.title.jsonValue
                object["description"] = category.description.jsonValue
                object["topics"] = .array(category.topics.map { topicJSON($0) })
                return .object(object)
            })
        root["searchTips"] = Self.listsJSON(searchTips)
        root["synonyms"] = .array(synonyms.map { .array($0.map(JSONValue.string)) })
        return .object(root)
    }

    private func topicJSON(_ topic: Topic) -> JSONValue {
        var object = JSONObject()
        object["id"] = .string(topic.id.rawValue)
        object["title"] = topic.title.jsonValue
        object["description"] = topic.description.jsonValue
        object["keywords"] = Self.listsJSON(topic.keywords)
        object["fields"] = .array(topic.form.fields.dropFirst(commonFields.count).map(\.jsonValue))
        return .object(object)
    }

    private static func listsJSON(_ lists: [LanguageCode: [String]]) -> JSONValue {
        var object = JSONObject()
        for language in lists.keys.sorted() {
            object[language.rawValue] = .array((lists[language] ?? []).map(JSONValue.string))
        }
        return .object(object)
    }
}

extension LocalizedText {
    /// The text as a JSON object keyed by language code, languages sorted.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        for language in values.keys.sorted() { object[language.rawValue] = values[language].map(JSONValue.string) }
        return .object(object)
    }
}

extension FieldDefinition {
    /// The field in the catalog format.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object["id"] = .string(id.rawValue)
        object["kind"] = .string(kind.rawValue)
        object["label"] = label.jsonValue
        if let hint { object["hint"] = hint.jsonValue }
        object["required"] = .bool(isRequired)
        let c = constraints
        func number<T: BinaryInteger>(_ value: T?) -> JSONValue? { value.map { .number(String($0)) } }
        func decimal(_ value: Double?) -> JSONValue? {
            value.map { $0.rounded() == $0 && abs($0) < 1e15 ? .number(String(Int64($0))) : .number(String($0)) }
        }
        object["minLength"] = number(c.minLength)
        object["maxLength"] = number(c.maxLength)
        object["pattern"] = c.pattern.map(JSONValue.string)
        object["min"] = decimal(c.minimum)
        object["max"] = decimal(c.maximum)
        object["minDate"] = c.earliestDate.map { .string($0.description) }
        object["maxDate"] = c.latestDate.map { .string($0.description) }
        object["minSelections"] = number(c.minSelections)
        object["maxSelections"] = number(c.maxSelections)
        object["maxFiles"] = number(c.maxFiles)
        object["maxFileSize"] = number(c.maxFileSize)
        object["maxTotalSize"] = number(c.maxTotalSize)
        object["allowedTypes"] = c.allowedTypes.map { .array($0.map(JSONValue.string)) }
        if kind.hasOptions {
            object["options"] = .array(
                options.map { option in
                    var entry = JSONObject()
                    entry["value"] = .string(option.value)
                    entry["label"] = option.label.jsonValue
                    entry["visibleWhen"] = option.visibleWhen?.jsonValue
                    return .object(entry)
                })
        }
        object["visibleWhen"] = visibleWhen?.jsonValue
        object["requiredWhen"] = requiredWhen?.jsonValue
        return .object(object)
    }
}

extension FieldCondition {
    /// The condition in the catalog format.
    public var jsonValue: JSONValue {
        switch self {
        case .equals(let field, let value): ["field": .string(field.rawValue), "equals": .string(value)]
        case .oneOf(let field, let values):
            ["field": .string(field.rawValue), "in": .array(values.map(JSONValue.string))]
        case .filled(let field, let filled): ["field": .string(field.rawValue), "filled": .bool(filled)]
        case .all(let conditions): ["all": .array(conditions.map(\.jsonValue))]
        case .any(let conditions): ["any": .array(conditions.map(\.jsonValue))]
        case .not(let condition): ["not": condition.jsonValue]
        }
    }
}
