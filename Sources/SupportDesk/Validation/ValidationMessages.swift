/// The message texts of validation issues, per language and issue code, with placeholders.
///
/// The defaults speak Russian and English. A caller can replace any text or add a language:
///
/// ```swift
/// var messages = ValidationMessages.default
/// messages.set("Bitte füllen Sie „{field}“ aus", for: .required, in: "de")
/// let validator = FormValidator(catalog: catalog, messages: messages)
/// ```
///
/// Placeholders in braces are replaced by the issue's values: `{field}` (the field's label in the
/// message's language), and per code `{min}`, `{max}`, `{value}`, `{allowed}`, `{index}`, `{expected}`,
/// `{count}`, `{reason}`, `{line}`, `{column}`, `{topic}`. An argument may have a per-language variant
/// (`expected.ru`), used before the plain one. An unknown placeholder is left as written.
///
/// Lookup falls back: the wanted language → ``fallbackLanguage`` → Russian → English → the bare code.
public struct ValidationMessages: Sendable {
    private var templates: [LanguageCode: [ValidationIssue.Code: String]]
    /// The language used when a text is missing in the wanted one (default English).
    public var fallbackLanguage: LanguageCode

    /// Messages with the given texts only.
    /// - Parameters:
    ///   - templates: Texts by language and code.
    ///   - fallbackLanguage: The language to fall back to.
    public init(templates: [LanguageCode: [ValidationIssue.Code: String]], fallbackLanguage: LanguageCode = .en) {
        self.templates = templates
        self.fallbackLanguage = fallbackLanguage
    }

    /// Sets the text of one code in one language (adding the language if needed).
    /// - Parameters:
    ///   - template: The text with placeholders.
    ///   - code: The issue code.
    ///   - language: The language.
    public mutating func set(_ template: String, for code: ValidationIssue.Code, in language: LanguageCode) {
        templates[language, default: [:]][code] = template
    }

    /// The text for a code in a language, without falling back.
    /// - Parameters:
    ///   - code: The issue code.
    ///   - language: The language.
    /// - Returns: The text, or `nil` when none is set.
    public func template(for code: ValidationIssue.Code, in language: LanguageCode) -> String? {
        templates[language]?[code]
    }

    /// The languages that have at least one text.
    public var languages: [LanguageCode] { templates.keys.sorted() }

    /// Renders an issue's message.
    /// - Parameters:
    ///   - issue: The issue.
    ///   - language: The wanted language.
    /// - Returns: The message with placeholders replaced; the field's label is taken in the language whose
    ///   text was used.
    public func render(_ issue: ValidationIssue, in language: LanguageCode) -> String {
        let candidates = [language, fallbackLanguage, .ru, .en]
        guard
            let (used, template) = candidates.lazy.compactMap({ lang in
                self.templates[lang]?[issue.code].map { (lang, $0) }
            }).first
        else {
            let label = issue.label?.text(in: language) ?? issue.path
            return label.isEmpty ? issue.code.rawValue : "\(label): \(issue.code.rawValue)"
        }
        return Self.fill(template, issue: issue, language: used)
    }

    private static func fill(_ template: String, issue: ValidationIssue, language: LanguageCode) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            rest = rest[open...]
            guard let close = rest.firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if name == "field" {
                output += issue.label?.text(in: language) ?? issue.fieldID?.rawValue ?? ""
            } else if let value = issue.arguments["\(name).\(language.rawValue)"] ?? issue.arguments[name] {
                output += value
            } else {
                output += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return output
    }

    /// Russian and English texts for every code.
    public static let `default` = ValidationMessages(templates: [.ru: russian, .en: english])

    private static let russian: [ValidationIssue.Code: String] = [
        .invalidJSON: "Данные формы не читаются как JSON: {reason} (строка {line}, позиция {column}).",
        .invalidUTF8:
            "Данные формы содержат байты, которые не являются текстом UTF-8 (строка {line}, позиция {column}).",
        .inputTooLarge: "Данные формы слишком большие: {reason}.",
        .notAnObject: "Ожидался объект JSON со значениями полей, а пришло {expected}.",
        .unknownTopic: "Тема «{topic}» не найдена в каталоге.",
        .unknownField: "В форме нет поля «{value}»; уберите его.",
        .tooManyIssues: "Найдено больше {count} ошибок; исправьте перечисленные и проверьте форму ещё раз.",
        .wrongType: "Поле «{field}»: ожидается {expected}.",
        .required: "Заполните поле «{field}».",
        .tooShort: "Поле «{field}» слишком короткое: нужно не меньше {min} символов.",
        .tooLong: "Поле «{field}» слишком длинное: допускается не больше {max} символов.",
        .pattern: "Поле «{field}» заполнено в неверном формате; проверьте значение.",
        .invalidEmail: "Поле «{field}»: укажите адрес электронной почты вида name@example.com.",
        .invalidPhone: "Поле «{field}»: укажите номер телефона с кодом страны, например +7 912 345-67-89.",
        .invalidURL: "Поле «{field}»: укажите ссылку, начинающуюся с http:// или https://.",
        .notAnInteger: "Поле «{field}»: укажите целое число.",
        .notANumber: "Поле «{field}»: укажите число.",
        .tooSmall: "Поле «{field}»: число должно быть не меньше {min}.",
        .tooLarge: "Поле «{field}»: число должно быть не больше {max}.",
        .invalidDate: "Поле «{field}»: укажите дату в виде ГГГГ-ММ-ДД или ДД.ММ.ГГГГ.",
        .dateTooEarly: "Поле «{field}»: дата должна быть не раньше {min}.",
        .dateTooLate: "Поле «{field}»: дата должна быть не позже {max}.",
        .notAnOption: "Поле «{field}»: выберите один из вариантов списка ({allowed}).",
        .optionNotAvailable:
            "Поле «{field}»: вариант «{value}» недоступен при выбранных ответах; выберите из: {allowed}.",
        .duplicateOption: "Поле «{field}»: вариант «{value}» выбран дважды.",
        .tooFewSelections: "Поле «{field}»: выберите не меньше {min} вариантов.",
        .tooManySelections: "Поле «{field}»: выберите не больше {max} вариантов.",
        .tooManyFiles: "Поле «{field}»: можно приложить не больше {max} файлов.",
        .fileTooLarge: "Поле «{field}»: файл «{value}» больше допустимых {max}.",
        .totalSizeTooLarge: "Поле «{field}»: все файлы вместе больше допустимых {max}.",
        .duplicateAttachment: "Поле «{field}»: файл №{index} повторяет id «{value}» другого файла.",
        .fileTypeNotAllowed: "Поле «{field}»: файл «{value}» имеет недопустимый тип; можно: {allowed}.",
        .invalidAttachment: "Поле «{field}»: файл №{index} описан неверно: {reason}.",
    ]

    private static let english: [ValidationIssue.Code: String] = [
        .invalidJSON: "The form data is not valid JSON: {reason} (line {line}, column {column}).",
        .invalidUTF8: "The form data contains bytes that are not UTF-8 text (line {line}, column {column}).",
        .inputTooLarge: "The form data is too large: {reason}.",
        .notAnObject: "Expected a JSON object of field values, got {expected}.",
        .unknownTopic: "The topic “{topic}” is not in the catalog.",
        .unknownField: "The form has no field “{value}”; remove it.",
        .tooManyIssues: "More than {count} problems found; fix the ones listed and check the form again.",
        .wrongType: "“{field}”: expected {expected}.",
        .required: "Please fill in “{field}”.",
        .tooShort: "“{field}” is too short: use at least {min} characters.",
        .tooLong: "“{field}” is too long: use at most {max} characters.",
        .pattern: "“{field}” is not in the expected format; please check the value.",
        .invalidEmail: "“{field}”: enter an email address like name@example.com.",
        .invalidPhone: "“{field}”: enter a phone number with its country code, like +7 912 345-67-89.",
        .invalidURL: "“{field}”: enter a link starting with http:// or https://.",
        .notAnInteger: "“{field}”: enter a whole number.",
        .notANumber: "“{field}”: enter a number.",
        .tooSmall: "“{field}”: the number must be at least {min}.",
        .tooLarge: "“{field}”: the number must be at most {max}.",
        .invalidDate: "“{field}”: enter a date as YYYY-MM-DD or DD.MM.YYYY.",
        .dateTooEarly: "“{field}”: the date must be {min} or later.",
        .dateTooLate: "“{field}”: the date must be {max} or earlier.",
        .notAnOption: "“{field}”: choose one of the listed options ({allowed}).",
        .optionNotAvailable: "“{field}”: “{value}” is not available with your other answers; choose one of: {allowed}.",
        .duplicateOption: "“{field}”: “{value}” is chosen twice.",
        .tooFewSelections: "“{field}”: choose at least {min} options.",
        .tooManySelections: "“{field}”: choose at most {max} options.",
        .tooManyFiles: "“{field}”: attach at most {max} files.",
        .fileTooLarge: "“{field}”: the file “{value}” is larger than the allowed {max}.",
        .totalSizeTooLarge: "“{field}”: all files together are larger than the allowed {max}.",
        .duplicateAttachment: "“{field}”: file #{index} repeats the id “{value}” of another file.",
        .fileTypeNotAllowed: "“{field}”: the file “{value}” has a type that is not allowed; allowed: {allowed}.",
        .invalidAttachment: "“{field}”: file #{index} is described incorrectly: {reason}.",
    ]
}
