#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One field compiled for validation: its definition, path, compiled pattern, resolved conditions and
/// bounds converted once. A class, so the validation pass reads it without copying its members.
final class FieldPlan: Sendable {
    struct OptionPlan: Sendable {
        let option: FieldDefinition.Option
        let visibleWhen: CompiledCondition?
    }

    let definition: FieldDefinition
    let position: Int
    /// `fields.<id>`.
    let path: String
    let pattern: FieldPattern?
    let visibleWhen: CompiledCondition?
    let requiredWhen: CompiledCondition?
    let options: [OptionPlan]
    let optionPositions: [String: Int]
    let minimum: Decimal?
    let maximum: Decimal?
    /// Allowed media types, lowercased; a family ends in `/*`.
    let allowedTypes: [String]?
    /// The exact media types of ``allowedTypes``.
    let allowedExactTypes: Set<String>
    /// The families (`image` for `image/*`) of ``allowedTypes``; `*` for `*/*`.
    let allowedTypeFamilies: Set<String>
    /// The option-list arguments of `notAnOption`, when no option depends on other fields.
    let staticAllowedArguments: [String: String]?
    /// The ids given to attachments that come without one: `<field id>-1`, `-2`, … (the first few made once).
    let attachmentIDs: [Attachment.ID]

    init(
        _ definition: FieldDefinition, position: Int, positions: [FieldDefinition.ID: Int], pattern: FieldPattern?
    ) {
        self.definition = definition
        self.position = position
        self.path = "fields.\(definition.id.rawValue)"
        var pattern = pattern
        if pattern == nil, let source = definition.constraints.pattern { pattern = try? FieldPattern(source) }
        self.pattern = pattern
        self.visibleWhen = definition.visibleWhen.map { CompiledCondition($0, positions: positions) }
        self.requiredWhen = definition.requiredWhen.map { CompiledCondition($0, positions: positions) }
        self.options = definition.options.map {
            OptionPlan(option: $0, visibleWhen: $0.visibleWhen.map { CompiledCondition($0, positions: positions) })
        }
        var optionPositions: [String: Int] = [:]
        for (index, option) in definition.options.enumerated() where optionPositions[option.value] == nil {
            optionPositions[option.value] = index
        }
        self.optionPositions = optionPositions
        self.minimum = definition.constraints.minimum.flatMap(Self.decimal)
        self.maximum = definition.constraints.maximum.flatMap(Self.decimal)
        let allowedTypes = definition.constraints.allowedTypes?.map { $0.lowercased() }
        self.allowedTypes = allowedTypes
        self.allowedExactTypes = Set((allowedTypes ?? []).filter { !$0.hasSuffix("/*") })
        self.allowedTypeFamilies = Set(
            (allowedTypes ?? []).filter { $0.hasSuffix("/*") }.map { String($0.dropLast(2)) })
        self.staticAllowedArguments =
            definition.options.contains { $0.visibleWhen != nil } ? nil : Self.allowedArguments(definition.options)
        self.attachmentIDs =
            definition.kind == .attachments
            ? (0..<max(0, min(definition.constraints.maxFiles ?? 10, 32))).map {
                Attachment.ID("\(definition.id.rawValue)-\($0 + 1)")
            }
            : []
    }

    /// A bound as an exact decimal: the shortest text of the double, parsed (`0.1` stays 0.1).
    private static func decimal(_ value: Double) -> Decimal? {
        guard value.isFinite else { return nil }
        return Decimal(string: Self.text(value))
    }

    /// A bound as people write it: `10`, `2.5`.
    static func text(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    var id: FieldDefinition.ID { definition.id }
    var kind: FieldKind { definition.kind }
    var constraints: FieldConstraints { definition.constraints }

    /// Whether a (possibly hidden) option is offered with the current values.
    func isAvailable(_ option: OptionPlan, values: [FieldValue?]) -> Bool {
        option.visibleWhen?.evaluate(values) ?? true
    }

    /// The options offered with the current values, in display order.
    func availableOptions(values: [FieldValue?]) -> [FieldDefinition.Option] {
        options.filter { isAvailable($0, values: values) }.map(\.option)
    }
}
