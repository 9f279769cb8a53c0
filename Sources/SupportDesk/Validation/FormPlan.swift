/// A topic's form compiled for validation, once per catalog load: fields with resolved conditions,
/// compiled patterns and bounds, and the order in which to evaluate them so that every condition reads
/// fields already decided. A class, so it is shared rather than copied.
final class FormPlan: Sendable {
    let topic: Topic
    /// The fields in display order.
    let fields: [FieldPlan]
    /// Field positions by id (raw string, to look input keys up without wrapping them).
    let positions: [String: Int]
    /// Field positions in evaluation order: every field after the fields its conditions read.
    let evaluationOrder: [Int]

    init(topic: Topic, catalog: Catalog) {
        self.topic = topic
        let definitions = topic.form.fields
        var idPositions: [FieldDefinition.ID: Int] = [:]
        var positions: [String: Int] = [:]
        for (index, field) in definitions.enumerated() where idPositions[field.id] == nil {
            idPositions[field.id] = index
            positions[field.id.rawValue] = index
        }
        self.positions = positions
        self.fields = definitions.enumerated().map { index, definition in
            FieldPlan(definition, position: index, positions: idPositions, pattern: catalog.pattern(for: definition))
        }
        self.evaluationOrder = Self.order(definitions, positions: idPositions)
    }

    /// A depth-first topological order of the condition dependencies, display order among independent
    /// fields. A cycle (impossible in a checked catalog) is cut where it closes.
    private static func order(_ fields: [FieldDefinition], positions: [FieldDefinition.ID: Int]) -> [Int] {
        var dependencies: [[Int]] = fields.map { field in
            var names = Set<FieldDefinition.ID>()
            if let condition = field.visibleWhen { names.formUnion(condition.referencedFields) }
            if let condition = field.requiredWhen { names.formUnion(condition.referencedFields) }
            for option in field.options {
                if let condition = option.visibleWhen { names.formUnion(condition.referencedFields) }
            }
            return names.compactMap { positions[$0] }.sorted()
        }
        var state = [UInt8](repeating: 0, count: fields.count)  // 0 new, 1 on the path, 2 done
        var order: [Int] = []
        order.reserveCapacity(fields.count)
        func visit(_ index: Int) {
            state[index] = 1
            for next in dependencies[index] where state[next] == 0 { visit(next) }
            state[index] = 2
            order.append(index)
        }
        for index in fields.indices where state[index] == 0 { visit(index) }
        dependencies.removeAll()
        return order
    }
}
