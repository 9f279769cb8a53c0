/// Reads a catalog from a JSON value, collecting every problem with its path instead of stopping at the
/// first. Produces a catalog only when no problem was found.
struct CatalogReader {
    private(set) var issues: [CatalogIssue] = []
    private var patterns: [String: FieldPattern] = [:]

    // MARK: The document

    mutating func read(_ document: JSONValue) -> Catalog? {
        guard let root = object(document, at: "") else { return nil }
        switch root["schemaVersion"] {
        case nil:
            report(
                "schemaVersion", .unsupportedSchemaVersion, "the catalog has no schemaVersion (this library reads 1)")
        case let value? where value.int64Value == Int64(Catalog.schemaVersion):
            break
        case let value?:
            report(
                "schemaVersion", .unsupportedSchemaVersion,
                "schemaVersion \(value.serialized()) is not supported (this library reads \(Catalog.schemaVersion))")
        }

        let commonFields = fieldList(root["commonFields"], at: "commonFields", required: true)
        var categories = categoryList(root["categories"], at: "categories", commonFields: commonFields)
        attachTopLevelTopics(root["topics"], at: "topics", commonFields: commonFields, to: &categories)
        for (index, category) in categories.enumerated() where category.topics.isEmpty {
            report("categories[\(index)].topics", .emptyCategory, "the category “\(category.id)” has no topics")
        }
        checkUnique(
            categories.map(\.id.rawValue), paths: categories.indices.map { "categories[\($0)].id" }, what: "category")
        let topicPaths = categories.enumerated().flatMap { categoryIndex, category in
            category.topics.indices.map { "categories[\(categoryIndex)].topics[\($0)].id" }
        }
        checkUnique(categories.flatMap { $0.topics.map(\.id.rawValue) }, paths: topicPaths, what: "topic")

        let tips = searchTips(root["searchTips"], at: "searchTips")
        let synonyms = synonymGroups(root["synonyms"], at: "synonyms")
        guard issues.isEmpty else { return nil }
        return Catalog(
            commonFields: commonFields, categories: categories, searchTips: tips, synonyms: synonyms,
            patterns: patterns)
    }

    // MARK: Categories and topics

    private mutating func categoryList(
        _ value: JSONValue?, at path: String, commonFields: [FieldDefinition]
    )
        -> [Category]
    {
        guard let elements = array(value, at: path, required: true) else { return [] }
        if elements.isEmpty { report(path, .invalidValue, "the catalog has no categories") }
        var categories: [Category] = []
        for (index, element) in elements.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let object = object(element, at: itemPath) else { continue }
            let id = identifier(object["id"], at: join(itemPath, "id"), style: .kebab)
            let title = localized(object["title"], at: join(itemPath, "title"), required: true)
            let description = localized(object["description"], at: join(itemPath, "description"), required: true)
            var topics: [Topic] = []
            if let id, let topicValues = array(object["topics"], at: join(itemPath, "topics"), required: false) {
                for (topicIndex, topicValue) in topicValues.enumerated() {
                    if let topic = self.topic(
                        topicValue, at: "\(itemPath).topics[\(topicIndex)]", categoryID: Category.ID(id),
                        commonFields: commonFields)
                    {
                        topics.append(topic)
                    }
                }
            }
            if let id, let title, let description {
                categories.append(
                    Category(id: Category.ID(id), title: title, description: description, topics: topics))
            }
        }
        return categories
    }

    /// Topics may also be listed at the top level with a `category` key naming their category.
    private mutating func attachTopLevelTopics(
        _ value: JSONValue?, at path: String, commonFields: [FieldDefinition], to categories: inout [Category]
    ) {
        guard let elements = array(value, at: path, required: false) else { return }
        for (index, element) in elements.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let object = object(element, at: itemPath) else { continue }
            guard let categoryName = object["category"]?.stringValue, !categoryName.isEmpty else {
                report(
                    itemPath, .topicWithoutCategory,
                    "a top-level topic needs a “category” naming one of the catalog's categories")
                continue
            }
            guard let categoryIndex = categories.firstIndex(where: { $0.id.rawValue == categoryName }) else {
                report(join(itemPath, "category"), .topicWithoutCategory, "no category has the id “\(categoryName)”")
                continue
            }
            if let topic = topic(
                element, at: itemPath, categoryID: categories[categoryIndex].id, commonFields: commonFields)
            {
                categories[categoryIndex].topics.append(topic)
            }
        }
    }

    private mutating func topic(
        _ value: JSONValue, at path: String, categoryID: Category.ID, commonFields: [FieldDefinition]
    ) -> Topic? {
        guard let object = object(value, at: path) else { return nil }
        if let named = object["category"], named.stringValue != categoryID.rawValue, !path.hasPrefix("topics[") {
            report(
                join(path, "category"), .topicWithoutCategory,
                "the topic sits in the category “\(categoryID)” but names \(named.serialized())")
        }
        let id = identifier(object["id"], at: join(path, "id"), style: .kebab)
        let title = localized(object["title"], at: join(path, "title"), required: true)
        let description = localized(object["description"], at: join(path, "description"), required: true)
        let keywords = keywordLists(object["keywords"], at: join(path, "keywords"))
        let ownFields = fieldList(object["fields"], at: join(path, "fields"), required: false)
        let allFields = commonFields + ownFields
        let commonIDs = Set(commonFields.map(\.id))
        var seen = commonIDs
        for (index, field) in ownFields.enumerated() where !seen.insert(field.id).inserted {
            let clash = commonIDs.contains(field.id) ? "a common field" : "another field of this topic"
            report(
                "\(path).fields[\(index)].id", .duplicateID, "the field id “\(field.id)” is already used by \(clash)")
        }
        checkConditions(allFields, commonCount: commonFields.count, topicPath: path)
        guard let id, let title, let description else { return nil }
        return Topic(
            id: Topic.ID(id), categoryID: categoryID, title: title, description: description, keywords: keywords,
            form: FormSchema(fields: allFields))
    }

    // MARK: Fields

    private mutating func fieldList(_ value: JSONValue?, at path: String, required: Bool) -> [FieldDefinition] {
        guard let elements = array(value, at: path, required: required) else { return [] }
        var fields: [FieldDefinition] = []
        for (index, element) in elements.enumerated() {
            if let field = field(element, at: "\(path)[\(index)]") { fields.append(field) }
        }
        if path == "commonFields" {
            checkUnique(fields.map(\.id.rawValue), paths: fields.indices.map { "\(path)[\($0)].id" }, what: "field")
        }
        return fields
    }

    private mutating func field(_ value: JSONValue, at path: String) -> FieldDefinition? {
        guard let object = object(value, at: path) else { return nil }
        let id = identifier(object["id"], at: join(path, "id"), style: .camel)
        let label = localized(object["label"], at: join(path, "label"), required: true)
        let hint = localized(object["hint"], at: join(path, "hint"), required: false)
        var kind: FieldKind?
        switch object["kind"] {
        case nil: report(join(path, "kind"), .missingKey, "the field has no “kind”")
        case .string(let name)?:
            kind = FieldKind(rawValue: name)
            if kind == nil {
                let known = FieldKind.allCases.map(\.rawValue).joined(separator: ", ")
                report(join(path, "kind"), .unknownFieldKind, "“\(name)” is not a field kind (known: \(known))")
            }
        case let other?:
            report(join(path, "kind"), .wrongType, "expected a string, found \(other.typeDescription)")
        }
        var isRequired = false
        if let value = object["required"] {
            if case .bool(let flag) = value {
                isRequired = flag
            } else {
                report(join(path, "required"), .wrongType, "expected true or false, found \(value.typeDescription)")
            }
        }
        let constraints = self.constraints(object, at: path, kind: kind)
        let options = self.options(object["options"], at: join(path, "options"), kind: kind)
        let visibleWhen = object["visibleWhen"].flatMap { condition($0, at: join(path, "visibleWhen")) }
        let requiredWhen = object["requiredWhen"].flatMap { condition($0, at: join(path, "requiredWhen")) }
        guard let id, let label, let kind else { return nil }
        return FieldDefinition(
            id: FieldDefinition.ID(id), kind: kind, label: label, hint: hint, isRequired: isRequired,
            constraints: constraints, options: options, visibleWhen: visibleWhen, requiredWhen: requiredWhen)
    }

    private static let textKinds: Set<FieldKind> = [.text, .multilineText, .email, .phone, .url, .identifier]

    private mutating func constraints(_ object: JSONObject, at path: String, kind: FieldKind?) -> FieldConstraints {
        var constraints = FieldConstraints()
        func applicable(_ key: String, _ kinds: Set<FieldKind>) -> Bool {
            guard object[key] != nil else { return false }
            guard let kind else { return true }
            if kinds.contains(kind) { return true }
            report(join(path, key), .constraintNotApplicable, "“\(key)” does not apply to a \(kind.rawValue) field")
            return false
        }
        if applicable("minLength", Self.textKinds) {
            constraints.minLength = count(object["minLength"], at: join(path, "minLength"))
        }
        if applicable("maxLength", Self.textKinds) {
            constraints.maxLength = count(object["maxLength"], at: join(path, "maxLength"))
        }
        if applicable("pattern", Self.textKinds), let source = string(object["pattern"], at: join(path, "pattern")) {
            do {
                patterns[source] = try FieldPattern(source)
                constraints.pattern = source
            } catch {
                report(join(path, "pattern"), .invalidPattern, error.description)
            }
        }
        if applicable("min", [.integer, .decimal]) {
            constraints.minimum = number(object["min"], at: join(path, "min"))
        }
        if applicable("max", [.integer, .decimal]) {
            constraints.maximum = number(object["max"], at: join(path, "max"))
        }
        if applicable("minDate", [.date]) {
            constraints.earliestDate = date(object["minDate"], at: join(path, "minDate"))
        }
        if applicable("maxDate", [.date]) {
            constraints.latestDate = date(object["maxDate"], at: join(path, "maxDate"))
        }
        if applicable("minSelections", [.multiSelect]) {
            constraints.minSelections = count(object["minSelections"], at: join(path, "minSelections"))
        }
        if applicable("maxSelections", [.multiSelect]) {
            constraints.maxSelections = count(object["maxSelections"], at: join(path, "maxSelections"))
        }
        if applicable("maxFiles", [.attachments]) {
            constraints.maxFiles = count(object["maxFiles"], at: join(path, "maxFiles"))
        }
        if applicable("maxFileSize", [.attachments]) {
            constraints.maxFileSize = count(object["maxFileSize"], at: join(path, "maxFileSize")).map(Int64.init)
        }
        if applicable("maxTotalSize", [.attachments]) {
            constraints.maxTotalSize = count(object["maxTotalSize"], at: join(path, "maxTotalSize")).map(Int64.init)
        }
        if applicable("allowedTypes", [.attachments]) {
            constraints.allowedTypes = stringArray(object["allowedTypes"], at: join(path, "allowedTypes"))
            for (index, type) in (constraints.allowedTypes ?? []).enumerated()
            where type.split(separator: "/").count != 2 {
                report(
                    "\(path).allowedTypes[\(index)]", .invalidValue,
                    "“\(type)” is not a media type like image/png or image/*")
            }
        }
        func order<T: Comparable>(_ low: T?, _ high: T?, _ lowKey: String, _ highKey: String) {
            if let low, let high, low > high {
                report(join(path, lowKey), .contradictoryConstraints, "“\(lowKey)” is greater than “\(highKey)”")
            }
        }
        order(constraints.minLength, constraints.maxLength, "minLength", "maxLength")
        order(constraints.minimum, constraints.maximum, "min", "max")
        order(constraints.earliestDate, constraints.latestDate, "minDate", "maxDate")
        order(constraints.minSelections, constraints.maxSelections, "minSelections", "maxSelections")
        order(constraints.maxFileSize, constraints.maxTotalSize, "maxFileSize", "maxTotalSize")
        return constraints
    }

    private mutating func options(_ value: JSONValue?, at path: String, kind: FieldKind?) -> [FieldDefinition.Option] {
        guard let kind else { return [] }
        guard kind.hasOptions else {
            if value != nil { report(path, .optionsNotAllowed, "a \(kind.rawValue) field takes no options") }
            return []
        }
        guard let elements = array(value, at: path, required: false), !elements.isEmpty else {
            report(path, .selectWithoutOptions, "a \(kind.rawValue) field needs at least one option")
            return []
        }
        var options: [FieldDefinition.Option] = []
        var values = Set<String>()
        for (index, element) in elements.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let object = object(element, at: itemPath) else { continue }
            let optionValue = string(object["value"], at: join(itemPath, "value"))
            if let optionValue, !values.insert(optionValue).inserted {
                report(join(itemPath, "value"), .duplicateID, "the option value “\(optionValue)” is used twice")
            }
            let label = localized(object["label"], at: join(itemPath, "label"), required: true)
            let visibleWhen = object["visibleWhen"].flatMap { condition($0, at: join(itemPath, "visibleWhen")) }
            if let optionValue, let label {
                options.append(FieldDefinition.Option(value: optionValue, label: label, visibleWhen: visibleWhen))
            }
        }
        return options
    }

    // MARK: Conditions

    private mutating func condition(_ value: JSONValue, at path: String) -> FieldCondition? {
        guard let object = object(value, at: path) else { return nil }
        func list(_ key: String) -> [FieldCondition]? {
            guard let elements = array(object[key], at: join(path, key), required: true) else { return nil }
            var conditions: [FieldCondition] = []
            for (index, element) in elements.enumerated() {
                if let condition = condition(element, at: "\(path).\(key)[\(index)]") { conditions.append(condition) }
            }
            return conditions.count == elements.count ? conditions : nil
        }
        if object["all"] != nil { return list("all").map(FieldCondition.all) }
        if object["any"] != nil { return list("any").map(FieldCondition.any) }
        if let inner = object["not"] { return condition(inner, at: join(path, "not")).map(FieldCondition.not) }
        guard let field = string(object["field"], at: join(path, "field")) else { return nil }
        let id = FieldDefinition.ID(field)
        if let equals = object["equals"] {
            guard let text = conditionText(equals, at: join(path, "equals")) else { return nil }
            return .equals(id, text)
        }
        if let values = object["in"] {
            guard let elements = array(values, at: join(path, "in"), required: true) else { return nil }
            let texts = elements.enumerated().compactMap { conditionText($1, at: "\(path).in[\($0)]") }
            return texts.count == elements.count ? .oneOf(id, texts) : nil
        }
        if let filled = object["filled"] {
            guard case .bool(let flag) = filled else {
                report(join(path, "filled"), .wrongType, "expected true or false, found \(filled.typeDescription)")
                return nil
            }
            return .filled(id, flag)
        }
        report(
            path, .invalidCondition,
            "a condition needs “equals”, “in” or “filled” next to “field”, or “all”, “any”, “not”")
        return nil
    }

    /// Condition operands are compared as canonical text; numbers and booleans are accepted and converted.
    private mutating func conditionText(_ value: JSONValue, at path: String) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let literal): return literal
        case .bool(let flag): return flag ? "true" : "false"
        default:
            report(path, .wrongType, "expected a string, number or boolean, found \(value.typeDescription)")
            return nil
        }
    }

    /// Checks that conditions name fields of the same form, compare selects with their options, and form
    /// no cycle.
    private mutating func checkConditions(_ fields: [FieldDefinition], commonCount: Int, topicPath: String) {
        let byID = Dictionary(fields.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func fieldPath(_ index: Int) -> String {
            index < commonCount ? "commonFields[\(index)]" : "\(topicPath).fields[\(index - commonCount)]"
        }
        var dependencies: [FieldDefinition.ID: Set<FieldDefinition.ID>] = [:]
        for (index, field) in fields.enumerated() {
            var uses: [(String, FieldCondition)] = []
            if let condition = field.visibleWhen { uses.append(("visibleWhen", condition)) }
            if let condition = field.requiredWhen { uses.append(("requiredWhen", condition)) }
            for (optionIndex, option) in field.options.enumerated() {
                if let condition = option.visibleWhen {
                    uses.append(("options[\(optionIndex)].visibleWhen", condition))
                }
            }
            for (key, condition) in uses {
                let path = "\(fieldPath(index)).\(key)"
                for name in condition.referencedFields.sorted() where byID[name] == nil {
                    report(
                        path, .unknownConditionField,
                        "the condition names the field “\(name)”, which this form does not have")
                }
                checkOperands(condition, byID: byID, at: path)
                dependencies[field.id, default: []].formUnion(condition.referencedFields.filter { byID[$0] != nil })
            }
        }
        // Depth-first search for a cycle; each cycle is reported once, at the first field on it.
        var state: [FieldDefinition.ID: Bool] = [:]  // false: on the current path, true: finished
        var stack: [FieldDefinition.ID] = []
        var reported = Set<Set<FieldDefinition.ID>>()
        func visit(_ id: FieldDefinition.ID) {
            state[id] = false
            stack.append(id)
            for next in (dependencies[id] ?? []).sorted() {
                switch state[next] {
                case false?:
                    guard let start = stack.firstIndex(of: next) else { continue }
                    let cycle = Array(stack[start...]) + [next]
                    if reported.insert(Set(cycle)).inserted, let index = fields.firstIndex(where: { $0.id == next }) {
                        let chain = cycle.map(\.rawValue).joined(separator: " → ")
                        report(fieldPath(index), .conditionCycle, "conditions form a cycle: \(chain)")
                    }
                case nil: visit(next)
                case true?: break
                }
            }
            stack.removeLast()
            state[id] = true
        }
        for field in fields where state[field.id] == nil { visit(field.id) }
    }

    private mutating func checkOperands(
        _ condition: FieldCondition, byID: [FieldDefinition.ID: FieldDefinition], at path: String
    ) {
        switch condition {
        case .equals(let id, let value):
            if let field = byID[id], field.kind.hasOptions, !field.options.contains(where: { $0.value == value }) {
                report(path, .invalidCondition, "“\(value)” is not an option of the field “\(id)”")
            }
        case .oneOf(let id, let values):
            if let field = byID[id], field.kind.hasOptions {
                for value in values where !field.options.contains(where: { $0.value == value }) {
                    report(path, .invalidCondition, "“\(value)” is not an option of the field “\(id)”")
                }
            }
        case .filled: break
        case .all(let conditions), .any(let conditions):
            for condition in conditions { checkOperands(condition, byID: byID, at: path) }
        case .not(let condition): checkOperands(condition, byID: byID, at: path)
        }
    }

    // MARK: Search tips and synonyms

    private mutating func keywordLists(_ value: JSONValue?, at path: String) -> [LanguageCode: [String]] {
        guard let value else { return [:] }
        guard let object = object(value, at: path) else { return [:] }
        var keywords: [LanguageCode: [String]] = [:]
        for (key, list) in object {
            keywords[LanguageCode(rawValue: key)] = stringArray(list, at: join(path, key)) ?? []
        }
        return keywords
    }

    private mutating func searchTips(_ value: JSONValue?, at path: String) -> [LanguageCode: [String]] {
        guard let value else {
            report(path, .missingKey, "the catalog has no searchTips")
            return [:]
        }
        let tips = keywordLists(value, at: path)
        for language in LanguageCode.required where (tips[language] ?? []).isEmpty {
            report(path, .missingLocale, "there are no search tips in “\(language)”")
        }
        return tips
    }

    private mutating func synonymGroups(_ value: JSONValue?, at path: String) -> [[String]] {
        guard let elements = array(value, at: path, required: false) else { return [] }
        var groups: [[String]] = []
        for (index, element) in elements.enumerated() {
            guard let words = stringArray(element, at: "\(path)[\(index)]") else { continue }
            if words.count < 2 {
                report("\(path)[\(index)]", .invalidValue, "a synonym group needs at least two words")
            }
            groups.append(words)
        }
        return groups
    }

    // MARK: Primitives

    private mutating func report(_ path: String, _ code: CatalogIssue.Code, _ message: String) {
        issues.append(CatalogIssue(path: path, code: code, message: message))
    }

    private func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private mutating func object(_ value: JSONValue, at path: String) -> JSONObject? {
        if case .object(let object) = value { return object }
        report(path, .wrongType, "expected an object, found \(value.typeDescription)")
        return nil
    }

    private mutating func array(_ value: JSONValue?, at path: String, required: Bool) -> [JSONValue]? {
        guard let value else {
            if required { report(path, .missingKey, "“\(path.split(separator: ".").last ?? "")” is missing") }
            return nil
        }
        if case .array(let elements) = value { return elements }
        report(path, .wrongType, "expected an array, found \(value.typeDescription)")
        return nil
    }

    private mutating func string(_ value: JSONValue?, at path: String) -> String? {
        guard let value else {
            report(path, .missingKey, "“\(path.split(separator: ".").last ?? "")” is missing")
            return nil
        }
        guard case .string(let text) = value else {
            report(path, .wrongType, "expected a string, found \(value.typeDescription)")
            return nil
        }
        guard !text.trimmingWhitespace().isEmpty else {
            report(path, .invalidValue, "the text is empty")
            return nil
        }
        return text
    }

    private mutating func stringArray(_ value: JSONValue?, at path: String) -> [String]? {
        guard let elements = array(value, at: path, required: true) else { return nil }
        var strings: [String] = []
        for (index, element) in elements.enumerated() {
            if let text = string(element, at: "\(path)[\(index)]") { strings.append(text) }
        }
        return strings.count == elements.count ? strings : nil
    }

    private mutating func count(_ value: JSONValue?, at path: String) -> Int? {
        guard let value, let number = value.int64Value, number >= 0, number <= Int64(Int32.max) * 1024 else {
            report(path, .invalidValue, "expected a whole number ≥ 0, found \(value?.serialized() ?? "nothing")")
            return nil
        }
        return Int(number)
    }

    private mutating func number(_ value: JSONValue?, at path: String) -> Double? {
        guard let value, let number = value.doubleValue, number.isFinite else {
            report(path, .invalidValue, "expected a number, found \(value?.serialized() ?? "nothing")")
            return nil
        }
        return number
    }

    private mutating func date(_ value: JSONValue?, at path: String) -> CalendarDate? {
        guard let text = string(value, at: path) else { return nil }
        guard let date = CalendarDate(text) else {
            report(path, .invalidValue, "“\(text)” is not a date YYYY-MM-DD")
            return nil
        }
        return date
    }

    private enum IdentifierStyle {
        /// `chat-dialog`: lowercase letters, digits and hyphens (category and topic ids).
        case kebab
        /// `chatId`: a letter, then letters, digits and underscores (field ids).
        case camel
    }

    private mutating func identifier(_ value: JSONValue?, at path: String, style: IdentifierStyle) -> String? {
        guard let text = string(value, at: path) else { return nil }
        let scalars = Array(text.unicodeScalars)
        let valid: Bool
        switch style {
        case .kebab:
            valid =
                scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
                && scalars.first != "-" && scalars.last != "-"
        case .camel:
            valid =
                scalars.first.map { ("a"..."z").contains($0) || ("A"..."Z").contains($0) } == true
                && scalars.allSatisfy {
                    ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                }
        }
        guard valid, scalars.count <= 64 else {
            let rule =
                style == .kebab
                ? "lowercase letters, digits and inner hyphens, like chat-dialog"
                : "a letter, then letters, digits or underscores, like chatId"
            report(path, .invalidID, "“\(text)” is not a valid id (\(rule), at most 64 characters)")
            return nil
        }
        return text
    }

    private mutating func localized(_ value: JSONValue?, at path: String, required: Bool) -> LocalizedText? {
        guard let value else {
            if required { report(path, .missingKey, "“\(path.split(separator: ".").last ?? "")” is missing") }
            return nil
        }
        guard let object = object(value, at: path) else { return nil }
        var values: [LanguageCode: String] = [:]
        for (key, text) in object {
            if let text = string(text, at: join(path, key)) { values[LanguageCode(rawValue: key)] = text }
        }
        var complete = true
        for language in LanguageCode.required where values[language] == nil && object[language.rawValue] == nil {
            report(path, .missingLocale, "the text has no “\(language)” version")
            complete = false
        }
        return complete ? LocalizedText(values) : nil
    }

    private mutating func checkUnique(_ ids: [String], paths: [String], what: String) {
        var first: [String: String] = [:]
        for (id, path) in zip(ids, paths) {
            if let earlier = first[id] {
                report(path, .duplicateID, "the \(what) id “\(id)” is already used at \(earlier)")
            } else {
                first[id] = path
            }
        }
    }
}
