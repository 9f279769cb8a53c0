/// A fast writer for the JSON of the hottest column, a ticket's field values, producing the same JSON as
/// `JSONEncoder` does for `FieldValues` (sorted keys, unescaped slashes), so `JSONDecoder` reads it back.
///
/// Covers the value kinds forms produce most (text, integer, option, options, flag); values with a decimal,
/// date or attachments return `nil` and go through `JSONEncoder`.
enum SQLiteJSON {
    static func fieldValues(_ values: FieldValues) -> String? {
        var output = "{"
        output.reserveCapacity(64 * values.count + 2)
        var first = true
        for field in values.fieldIDs {
            guard let value = values[field] else { continue }
            if !first { output.append(",") }
            first = false
            appendString(field.rawValue, to: &output)
            output.append(":{")
            switch value {
            case .text(let text):
                output.append("\"text\":{\"_0\":")
                appendString(text, to: &output)
            case .integer(let number):
                output.append("\"integer\":{\"_0\":")
                output.append(String(number))
            case .option(let option):
                output.append("\"option\":{\"_0\":")
                appendString(option, to: &output)
            case .options(let options):
                output.append("\"options\":{\"_0\":[")
                for (index, option) in options.enumerated() {
                    if index > 0 { output.append(",") }
                    appendString(option, to: &output)
                }
                output.append("]")
            case .flag(let flag):
                output.append("\"flag\":{\"_0\":")
                output.append(flag ? "true" : "false")
            case .decimal, .date, .attachments:
                return nil
            }
            output.append("}}")
        }
        output.append("}")
        return output
    }

    /// Appends `text` as a JSON string literal, escaped the way `JSONEncoder` escapes.
    static func appendString(_ text: String, to output: inout String) {
        output.append("\"")
        // Most values need no escaping: check their bytes in one pass and append them whole.
        var contiguous = text
        let isPlain = contiguous.withUTF8 { bytes in
            !bytes.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }
        }
        if isPlain {
            output.append(contiguous)
            output.append("\"")
            return
        }
        var pending = text.utf8.startIndex
        let utf8 = text.utf8
        var index = pending
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                output.append(contentsOf: text[pending..<index])
                switch byte {
                case UInt8(ascii: "\""): output.append("\\\"")
                case UInt8(ascii: "\\"): output.append("\\\\")
                case 0x0A: output.append("\\n")
                case 0x0D: output.append("\\r")
                case 0x09: output.append("\\t")
                case 0x08: output.append("\\b")
                case 0x0C: output.append("\\f")
                default:
                    let hex = String(byte, radix: 16)
                    output.append("\\u00" + (hex.count == 1 ? "0" + hex : hex))
                }
                pending = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output.append(contentsOf: text[pending..<utf8.endIndex])
        output.append("\"")
    }
}
