/// One problem with a submitted form: where (a field path), what (a stable code) and a message that tells
/// the customer what to fix, in their language.
///
/// Match on ``code``; show ``message(in:)`` to people. The message names the field by its label, never
/// by its id.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable problem kind. The raw values never change between releases.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        /// Creates a code from its raw value.
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        // Input as a whole
        /// The bytes are not valid JSON (byte API).
        public static let invalidJSON = Code(rawValue: "invalidJSON")
        /// The bytes are not valid UTF-8 (byte API).
        public static let invalidUTF8 = Code(rawValue: "invalidUTF8")
        /// The input exceeds a limit (size, nesting, string length) of ``ValidationLimits``.
        public static let inputTooLarge = Code(rawValue: "inputTooLarge")
        /// The input is not a JSON object of field values.
        public static let notAnObject = Code(rawValue: "notAnObject")
        /// The catalog has no topic with the requested id.
        public static let unknownTopic = Code(rawValue: "unknownTopic")
        /// The input names a field the topic's form does not have.
        public static let unknownField = Code(rawValue: "unknownField")
        /// More issues were found than ``ValidationLimits/maxIssues``; the rest are not listed.
        public static let tooManyIssues = Code(rawValue: "tooManyIssues")

        // Any field
        /// The value has the wrong JSON type for the field's kind (a number for a text, …).
        public static let wrongType = Code(rawValue: "wrongType")
        /// A required field is empty or missing.
        public static let required = Code(rawValue: "required")

        // Text-like fields
        /// Fewer characters than `minLength`.
        public static let tooShort = Code(rawValue: "tooShort")
        /// More characters than `maxLength` (or than ``ValidationLimits/maxTextBytes``).
        public static let tooLong = Code(rawValue: "tooLong")
        /// The value does not match the field's `pattern`.
        public static let pattern = Code(rawValue: "pattern")
        /// The text is not an email address.
        public static let invalidEmail = Code(rawValue: "invalidEmail")
        /// The text is not a phone number.
        public static let invalidPhone = Code(rawValue: "invalidPhone")
        /// The text is not an `http`/`https` URL.
        public static let invalidURL = Code(rawValue: "invalidURL")

        // Numbers and dates
        /// The value is not a whole number (or does not fit 64 bits).
        public static let notAnInteger = Code(rawValue: "notAnInteger")
        /// The value is not a decimal number.
        public static let notANumber = Code(rawValue: "notANumber")
        /// The number is below `min`.
        public static let tooSmall = Code(rawValue: "tooSmall")
        /// The number is above `max`.
        public static let tooLarge = Code(rawValue: "tooLarge")
        /// The text is not a date (`YYYY-MM-DD` or `DD.MM.YYYY`).
        public static let invalidDate = Code(rawValue: "invalidDate")
        /// The date is before `minDate`.
        public static let dateTooEarly = Code(rawValue: "dateTooEarly")
        /// The date is after `maxDate`.
        public static let dateTooLate = Code(rawValue: "dateTooLate")

        // Selects
        /// The value is not one of the field's options.
        public static let notAnOption = Code(rawValue: "notAnOption")
        /// The option exists but is not offered with the current answers (a dependent option's condition
        /// does not hold).
        public static let optionNotAvailable = Code(rawValue: "optionNotAvailable")
        /// A multi-select lists the same option twice.
        public static let duplicateOption = Code(rawValue: "duplicateOption")
        /// Fewer options chosen than `minSelections`.
        public static let tooFewSelections = Code(rawValue: "tooFewSelections")
        /// More options chosen than `maxSelections`.
        public static let tooManySelections = Code(rawValue: "tooManySelections")

        // Attachments
        /// More files than `maxFiles` (or than ``ValidationLimits/maxArrayElements``).
        public static let tooManyFiles = Code(rawValue: "tooManyFiles")
        /// One file is larger than `maxFileSize`.
        public static let fileTooLarge = Code(rawValue: "fileTooLarge")
        /// All files together are larger than `maxTotalSize`.
        public static let totalSizeTooLarge = Code(rawValue: "totalSizeTooLarge")
        /// Two files of the form have the same attachment `id`.
        public static let duplicateAttachment = Code(rawValue: "duplicateAttachment")
        /// A file's media type is not in `allowedTypes` or not accepted by ``ValidationLimits/attachments``.
        public static let fileTypeNotAllowed = Code(rawValue: "fileTypeNotAllowed")
        /// A file's metadata object is malformed (missing name, negative size, unknown key, …).
        public static let invalidAttachment = Code(rawValue: "invalidAttachment")
    }

    /// Where the problem is: `fields.chatId`, `fields.attachments[2]`, or an empty string for the input
    /// as a whole (`topic` for an unknown topic).
    public let path: String
    /// The field concerned, when there is one.
    public let fieldID: FieldDefinition.ID?
    /// What kind of problem.
    public let code: Code
    /// The field's label, used in messages (`nil` for unknown fields and whole-input problems).
    public let label: LocalizedText?
    /// The values the message mentions, by placeholder name (`min`, `max`, `value`, `index`, `allowed`, …).
    public let arguments: [String: String]
    /// The message texts used by ``message(in:)``.
    let messages: ValidationMessages

    /// Creates an issue.
    /// - Parameters:
    ///   - path: The field path.
    ///   - fieldID: The field, if any.
    ///   - code: The problem kind.
    ///   - label: The field's label, if any.
    ///   - arguments: The values for the message's placeholders.
    ///   - messages: The message texts to render with.
    public init(
        path: String, fieldID: FieldDefinition.ID?, code: Code, label: LocalizedText? = nil,
        arguments: [String: String] = [:], messages: ValidationMessages = .default
    ) {
        self.path = path
        self.fieldID = fieldID
        self.code = code
        self.label = label
        self.arguments = arguments
        self.messages = messages
    }

    /// The message for people, in a language (falling back as ``ValidationMessages`` describes).
    /// - Parameter language: The wanted language (`ru`, `en`, or any the messages were given for).
    /// - Returns: A sentence that names the field by its label and says what to fix.
    public func message(in language: LanguageCode) -> String { messages.render(self, in: language) }

    /// The message rendered with other message texts (a caller's own strings).
    /// - Parameters:
    ///   - language: The wanted language.
    ///   - messages: The texts to use.
    /// - Returns: The rendered message.
    public func message(in language: LanguageCode, using messages: ValidationMessages) -> String {
        messages.render(self, in: language)
    }

    /// `path: code: English message`.
    public var description: String {
        "\(path.isEmpty ? "input" : path): \(code): \(message(in: .en))"
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.path == rhs.path && lhs.fieldID == rhs.fieldID && lhs.code == rhs.code && lhs.label == rhs.label
            && lhs.arguments == rhs.arguments
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(code)
        hasher.combine(arguments)
    }
}
