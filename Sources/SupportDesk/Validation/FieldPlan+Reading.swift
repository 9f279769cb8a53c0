#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reading one field's raw JSON value: type check, normalization per kind, then every constraint.
extension FieldPlan {
    /// Reads a raw value.
    /// - Returns: The normalized value (also when a constraint failed, so conditions can read it), or
    ///   `nil` when the value is empty or unreadable.
    func read(
        _ raw: JSONValue, values: [FieldValue?], limits: ValidationLimits, issues: inout IssueCollector
    ) -> FieldValue? {
        if case .null = raw { return nil }
        switch kind {
        case .text, .multilineText, .identifier, .email, .phone, .url:
            return readText(raw, limits: limits, issues: &issues)
        case .integer: return readInteger(raw, issues: &issues)
        case .decimal: return readDecimal(raw, issues: &issues)
        case .date: return readDate(raw, issues: &issues)
        case .select: return readSelect(raw, values: values, issues: &issues)
        case .multiSelect: return readMultiSelect(raw, values: values, limits: limits, issues: &issues)
        case .checkbox:
            guard case .bool(let flag) = raw else {
                issues.add(.wrongType, self, arguments: Self.expected("true или false", "true or false"))
                return nil
            }
            return .flag(flag)
        case .attachments: return readAttachments(raw, limits: limits, issues: &issues)
        }
    }

    static func expected(_ ru: String, _ en: String) -> [String: String] { ["expected.ru": ru, "expected.en": en] }

    // MARK: Text

    private func readText(_ raw: JSONValue, limits: ValidationLimits, issues: inout IssueCollector) -> FieldValue? {
        let input: String
        switch raw {
        case .string(let text): input = text
        case .number(let literal) where kind == .identifier || kind == .phone: input = literal
        default:
            issues.add(.wrongType, self, arguments: Self.expected("текст (строка JSON)", "text (a JSON string)"))
            return nil
        }
        guard input.utf8.count <= limits.maxTextBytes else {
            let limit = min(constraints.maxLength ?? limits.maxTextBytes, limits.maxTextBytes)
            issues.add(.tooLong, self, arguments: ["max": String(limit)])
            return nil
        }
        let text: String
        switch kind {
        case .text: text = TextNormalizer.singleLine(input)
        case .multilineText: text = TextNormalizer.multiLine(input)
        case .identifier: text = TextNormalizer.identifier(input)
        case .email:
            let trimmed = TextNormalizer.identifier(input)
            guard !trimmed.isEmpty else { return nil }
            guard let email = EmailAddress.normalize(trimmed) else {
                issues.add(.invalidEmail, self)
                return nil
            }
            text = email
        case .phone:
            let trimmed = TextNormalizer.identifier(input)
            guard !trimmed.isEmpty else { return nil }
            guard let phone = TextNormalizer.phone(trimmed) else {
                issues.add(.invalidPhone, self)
                return nil
            }
            text = phone
        case .url:
            let trimmed = TextNormalizer.identifier(input)
            guard !trimmed.isEmpty else { return nil }
            guard let url = TextNormalizer.url(trimmed) else {
                issues.add(.invalidURL, self)
                return nil
            }
            text = url
        default: text = input
        }
        guard !text.isEmpty else { return nil }
        checkLength(text, issues: &issues)
        if let pattern, !pattern.matches(text) { issues.add(.pattern, self) }
        return .text(text)
    }

    /// Checks `minLength`/`maxLength` in characters as a person counts them (grapheme clusters). Counts
    /// only as far as a bound needs, and not at all when the byte count decides (a character has at least
    /// one byte, and an ASCII one exactly one).
    private func checkLength(_ text: String, issues: inout IssueCollector) {
        let minLength = constraints.minLength
        let maxLength = constraints.maxLength
        guard minLength != nil || maxLength != nil else { return }
        let bytes = text.utf8.count
        let needsCount = (maxLength.map { bytes > $0 } ?? false) || (minLength.map { bytes >= $0 } ?? false)
        let simpleCount = needsCount ? TextNormalizer.simpleCharacterCount(text) : nil
        if let maxLength, bytes > maxLength,
            (simpleCount ?? Self.characterCount(text, upTo: maxLength + 1)) > maxLength
        {
            issues.add(.tooLong, self, arguments: ["max": String(maxLength)])
        }
        if let minLength, bytes < minLength || (simpleCount ?? Self.characterCount(text, upTo: minLength)) < minLength {
            issues.add(.tooShort, self, arguments: ["min": String(minLength)])
        }
    }

    /// The number of characters, counting no further than `limit`.
    static func characterCount(_ text: String, upTo limit: Int) -> Int {
        var count = 0
        var index = text.startIndex
        while count < limit, index < text.endIndex {
            text.formIndex(after: &index)
            count += 1
        }
        return count
    }

    // MARK: Numbers

    private func readInteger(_ raw: JSONValue, issues: inout IssueCollector) -> FieldValue? {
        let number: Int64?
        switch raw {
        case .number: number = raw.int64Value
        case .string(let text):
            let cleaned = Self.numberText(text)
            if cleaned.isEmpty { return nil }
            number = Int64(cleaned.hasPrefix("+") ? String(cleaned.dropFirst()) : cleaned)
        default:
            issues.add(.wrongType, self, arguments: Self.expected("целое число", "a whole number"))
            return nil
        }
        guard let number else {
            issues.add(.notAnInteger, self)
            return nil
        }
        checkBounds(Decimal(number), issues: &issues)
        return .integer(number)
    }

    private func readDecimal(_ raw: JSONValue, issues: inout IssueCollector) -> FieldValue? {
        let literal: String
        switch raw {
        case .number(let text): literal = text
        case .string(let text):
            var cleaned = Self.numberText(text)
            if cleaned.isEmpty { return nil }
            if !cleaned.contains("."), cleaned.utf8.filter({ $0 == UInt8(ascii: ",") }).count == 1 {
                cleaned = cleaned.replacingComma()
            }
            guard Self.isPlainDecimal(cleaned) else {
                issues.add(.notANumber, self)
                return nil
            }
            literal = cleaned.hasPrefix("+") ? String(cleaned.dropFirst()) : cleaned
        default:
            issues.add(.wrongType, self, arguments: Self.expected("число", "a number"))
            return nil
        }
        guard literal.utf8.count <= 64, let number = Decimal(string: literal), !number.isNaN else {
            issues.add(.notANumber, self)
            return nil
        }
        checkBounds(number, issues: &issues)
        return .decimal(number)
    }

    private func checkBounds(_ number: Decimal, issues: inout IssueCollector) {
        if let minimum, number < minimum, let bound = constraints.minimum {
            issues.add(.tooSmall, self, arguments: ["min": Self.text(bound)])
        }
        if let maximum, number > maximum, let bound = constraints.maximum {
            issues.add(.tooLarge, self, arguments: ["max": Self.text(bound)])
        }
    }

    /// A number typed as text: trimmed, digit-group spaces (`1 000`) removed.
    private static func numberText(_ text: String) -> String {
        let trimmed = TextNormalizer.identifier(text)
        guard trimmed.unicodeScalars.contains(where: TextNormalizer.isWhitespace) else { return trimmed }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: trimmed.unicodeScalars.lazy.filter { !TextNormalizer.isWhitespace($0) })
        return String(view)
    }

    /// `[+-]digits[.digits]`.
    private static func isPlainDecimal(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        var digitsBefore = 0
        var digitsAfter = 0
        var sawDot = false
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                if sawDot { digitsAfter += 1 } else { digitsBefore += 1 }
            } else if byte == UInt8(ascii: "."), !sawDot {
                sawDot = true
            } else {
                return false
            }
        }
        return digitsBefore > 0 && (!sawDot || digitsAfter > 0)
    }

    // MARK: Dates

    private func readDate(_ raw: JSONValue, issues: inout IssueCollector) -> FieldValue? {
        guard case .string(let input) = raw else {
            issues.add(
                .wrongType, self, arguments: Self.expected("дата строкой ГГГГ-ММ-ДД", "a date string YYYY-MM-DD"))
            return nil
        }
        let text = TextNormalizer.identifier(input)
        guard !text.isEmpty else { return nil }
        guard let date = Self.date(text) else {
            issues.add(.invalidDate, self)
            return nil
        }
        if let earliest = constraints.earliestDate, date < earliest {
            issues.add(.dateTooEarly, self, arguments: ["min": earliest.description])
        }
        if let latest = constraints.latestDate, date > latest {
            issues.add(.dateTooLate, self, arguments: ["max": latest.description])
        }
        return .date(date)
    }

    /// `YYYY-MM-DD` or `DD.MM.YYYY`, read from the bytes without allocating.
    static func date(_ text: String) -> CalendarDate? {
        var text = text
        return text.withUTF8 { bytes -> CalendarDate? in
            guard bytes.count == 10 else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let byte = bytes[index]
                    guard byte >= 0x30, byte <= 0x39 else { return nil }
                    value = value * 10 + Int(byte - 0x30)
                }
                return value
            }
            if bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), let year = number(0..<4),
                let month = number(5..<7), let day = number(8..<10)
            {
                return CalendarDate(year: year, month: month, day: day)
            }
            if bytes[2] == UInt8(ascii: "."), bytes[5] == UInt8(ascii: "."), let day = number(0..<2),
                let month = number(3..<5), let year = number(6..<10)
            {
                return CalendarDate(year: year, month: month, day: day)
            }
            return nil
        }
    }

    // MARK: Selects

    private func readSelect(_ raw: JSONValue, values: [FieldValue?], issues: inout IssueCollector) -> FieldValue? {
        let input: String
        switch raw {
        case .string(let text): input = TextNormalizer.identifier(text)
        case .number(let literal): input = literal
        default:
            issues.add(
                .wrongType, self, arguments: Self.expected("значение варианта (строка)", "an option value (a string)"))
            return nil
        }
        guard !input.isEmpty else { return nil }
        guard checkOption(input, path: path, values: values, issues: &issues) else { return nil }
        return .option(input)
    }

    /// Checks that a value is an option offered with the current values.
    private func checkOption(
        _ value: String, path: String, values: [FieldValue?], issues: inout IssueCollector
    ) -> Bool {
        guard let index = optionPositions[value] else {
            issues.add(.notAnOption, path: path, field: definition, arguments: allowedArguments(values: values))
            return false
        }
        guard isAvailable(options[index], values: values) else {
            var arguments = allowedArguments(values: values)
            arguments["value.ru"] = options[index].option.label.text(in: .ru)
            arguments["value.en"] = options[index].option.label.text(in: .en)
            issues.add(.optionNotAvailable, path: path, field: definition, arguments: arguments)
            return false
        }
        return true
    }

    /// `allowed.ru` / `allowed.en`: the labels of the options offered now.
    private func allowedArguments(values: [FieldValue?]) -> [String: String] {
        if let staticAllowedArguments { return staticAllowedArguments }
        return Self.allowedArguments(availableOptions(values: values))
    }

    static func allowedArguments(_ offered: [FieldDefinition.Option]) -> [String: String] {
        return [
            "allowed.ru": offered.map { "«\($0.label.text(in: .ru))»" }.joined(separator: ", "),
            "allowed.en": offered.map { "“\($0.label.text(in: .en))”" }.joined(separator: ", "),
            "allowed": offered.map(\.value).joined(separator: ", "),
        ]
    }

    private func readMultiSelect(
        _ raw: JSONValue, values: [FieldValue?], limits: ValidationLimits, issues: inout IssueCollector
    ) -> FieldValue? {
        guard case .array(let elements) = raw else {
            issues.add(
                .wrongType, self, arguments: Self.expected("список значений вариантов", "an array of option values"))
            return nil
        }
        guard elements.count <= limits.maxArrayElements else {
            let limit = min(constraints.maxSelections ?? limits.maxArrayElements, limits.maxArrayElements)
            issues.add(.tooManySelections, self, arguments: ["max": String(limit)])
            return nil
        }
        var chosen: [String] = []
        var seen = Set<String>()
        var valid = true
        for (index, element) in elements.enumerated() {
            let elementPath = "\(path)[\(index)]"
            guard case .string(let text) = element else {
                issues.add(
                    .wrongType, path: elementPath, field: definition,
                    arguments: Self.expected("значение варианта (строка)", "an option value (a string)"))
                valid = false
                continue
            }
            let value = TextNormalizer.identifier(text)
            guard checkOption(value, path: elementPath, values: values, issues: &issues) else {
                valid = false
                continue
            }
            guard seen.insert(value).inserted else {
                issues.add(.duplicateOption, path: elementPath, field: definition, arguments: ["value": value])
                continue
            }
            chosen.append(value)
        }
        if valid, !chosen.isEmpty {
            if let minimum = constraints.minSelections, chosen.count < minimum {
                issues.add(.tooFewSelections, self, arguments: ["min": String(minimum)])
            }
            if let maximum = constraints.maxSelections, chosen.count > maximum {
                issues.add(.tooManySelections, self, arguments: ["max": String(maximum)])
            }
        }
        return chosen.isEmpty ? nil : .options(chosen)
    }
}

extension String {
    fileprivate func replacingComma() -> String {
        String(decoding: utf8.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
    }
}
