#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Field values written back as the plain JSON input the validator reads, so a normalized submission can
/// be shown, sent and validated again with the same result.
extension FieldValue {
    /// The value as validator input: text, option and date as strings, numbers as numbers, a
    /// multi-select as an array of strings, a checkbox as a boolean, attachments as metadata objects.
    public var inputJSON: JSONValue {
        switch self {
        case .text(let text), .option(let text): .string(text)
        case .integer(let number): .number(String(number))
        case .decimal(let number): .number(number.description)
        case .date(let date): .string(date.description)
        case .options(let values): .array(values.map(JSONValue.string))
        case .flag(let flag): .bool(flag)
        case .attachments(let files):
            .array(
                files.map { file in
                    var object = JSONObject()
                    object["id"] = .string(file.id.rawValue)
                    object["fileName"] = .string(file.fileName)
                    object["contentType"] = .string(file.contentType)
                    object["size"] = .number(String(file.size))
                    if let sha256 = file.sha256 { object["sha256"] = .string(sha256) }
                    return .object(object)
                })
        }
    }
}

extension ValidatedSubmission {
    /// The submission as JSON: `{"topic": …, "category": …, "fields": {field id: value as input JSON}}`,
    /// fields sorted by id.
    public var json: JSONValue {
        var fields = JSONObject()
        for (field, value) in values { fields[field.rawValue] = value.inputJSON }
        var object = JSONObject()
        object["topic"] = .string(topicID.rawValue)
        object["category"] = .string(categoryID.rawValue)
        object["fields"] = .object(fields)
        return .object(object)
    }
}
