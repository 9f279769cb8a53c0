#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A ``FieldCondition`` with field ids resolved to positions in a form, evaluated against the current
/// values of the form (a hidden field has no value).
indirect enum CompiledCondition: Sendable {
    case equals(Int, String)
    case oneOf(Int, [String])
    case filled(Int, Bool)
    case all([CompiledCondition])
    case any([CompiledCondition])
    case not(CompiledCondition)
    /// A condition naming a field the form does not have (only possible in an unchecked catalog): false.
    case never

    init(_ condition: FieldCondition, positions: [FieldDefinition.ID: Int]) {
        switch condition {
        case .equals(let id, let text): self = positions[id].map { .equals($0, text) } ?? .never
        case .oneOf(let id, let texts): self = positions[id].map { .oneOf($0, texts) } ?? .never
        case .filled(let id, let flag): self = positions[id].map { .filled($0, flag) } ?? .never
        case .all(let conditions): self = .all(conditions.map { CompiledCondition($0, positions: positions) })
        case .any(let conditions): self = .any(conditions.map { CompiledCondition($0, positions: positions) })
        case .not(let inner): self = .not(CompiledCondition(inner, positions: positions))
        }
    }

    /// Whether the condition holds for the values (indexed by field position; `nil`: no value).
    func evaluate(_ values: [FieldValue?]) -> Bool {
        switch self {
        case .equals(let index, let text): return Self.value(values[index], matches: text)
        case .oneOf(let index, let texts):
            guard let value = values[index] else { return false }
            return texts.contains { Self.value(value, matches: $0) }
        case .filled(let index, let flag):
            let isFilled = values[index].map { !$0.isEmpty } ?? false
            return isFilled == flag
        case .all(let conditions): return conditions.allSatisfy { $0.evaluate(values) }
        case .any(let conditions): return conditions.contains { $0.evaluate(values) }
        case .not(let inner): return !inner.evaluate(values)
        case .never: return false
        }
    }

    /// Compares a value with a condition operand by canonical text (see ``FieldCondition``); numbers compare
    /// by value, so `5`, `5.0` and `05` are equal operands for an integer.
    private static func value(_ value: FieldValue?, matches text: String) -> Bool {
        switch value {
        case nil: return false
        case .text(let value)?, .option(let value)?: return value == text
        case .options(let values)?: return values.contains(text)
        case .flag(let flag)?: return text == (flag ? "true" : "false")
        case .integer(let number)?:
            return Int64(text) == number || Decimal(string: text).map { $0 == Decimal(number) } == true
        case .decimal(let number)?: return Decimal(string: text) == number
        case let other?: return other.canonicalTexts.contains(text)
        }
    }
}
