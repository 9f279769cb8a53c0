/// One problem found in a catalog, with the JSON path where it is (`categories[0].topics[2].fields[1].kind`).
public struct CatalogIssue: Hashable, Sendable, CustomStringConvertible {
    /// A stable problem kind.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The text is not valid JSON.
        public static let invalidJSON = Code(rawValue: "invalidJSON")
        /// `schemaVersion` is missing or not one this library reads.
        public static let unsupportedSchemaVersion = Code(rawValue: "unsupportedSchemaVersion")
        /// A required key is missing.
        public static let missingKey = Code(rawValue: "missingKey")
        /// A value has the wrong JSON type.
        public static let wrongType = Code(rawValue: "wrongType")
        /// A value is empty or out of its allowed range.
        public static let invalidValue = Code(rawValue: "invalidValue")
        /// An id is used twice where it must be unique.
        public static let duplicateID = Code(rawValue: "duplicateID")
        /// An id is not of the allowed form.
        public static let invalidID = Code(rawValue: "invalidID")
        /// A localized text lacks a required language.
        public static let missingLocale = Code(rawValue: "missingLocale")
        /// A field's `kind` is not one of the known kinds.
        public static let unknownFieldKind = Code(rawValue: "unknownFieldKind")
        /// A select or multi-select has no options.
        public static let selectWithoutOptions = Code(rawValue: "selectWithoutOptions")
        /// Options are given for a kind that takes none.
        public static let optionsNotAllowed = Code(rawValue: "optionsNotAllowed")
        /// A constraint does not apply to the field's kind.
        public static let constraintNotApplicable = Code(rawValue: "constraintNotApplicable")
        /// Constraints contradict each other (minimum above maximum, …).
        public static let contradictoryConstraints = Code(rawValue: "contradictoryConstraints")
        /// A `pattern` does not compile.
        public static let invalidPattern = Code(rawValue: "invalidPattern")
        /// A condition is malformed.
        public static let invalidCondition = Code(rawValue: "invalidCondition")
        /// A condition names a field the form does not have.
        public static let unknownConditionField = Code(rawValue: "unknownConditionField")
        /// Conditions depend on each other in a cycle.
        public static let conditionCycle = Code(rawValue: "conditionCycle")
        /// A topic names a category that does not exist (or none).
        public static let topicWithoutCategory = Code(rawValue: "topicWithoutCategory")
        /// A category has no topics.
        public static let emptyCategory = Code(rawValue: "emptyCategory")
        /// The catalog file does not exist.
        public static let fileNotFound = Code(rawValue: "fileNotFound")
        /// The catalog file exists but cannot be read (permissions, an I/O error).
        public static let fileUnreadable = Code(rawValue: "fileUnreadable")
        /// The catalog path names a directory, not a file.
        public static let fileIsDirectory = Code(rawValue: "fileIsDirectory")
        /// The catalog path names a FIFO (named pipe) or a socket, which is never read.
        public static let fileIsPipe = Code(rawValue: "fileIsPipe")
        /// The catalog path names a character or block device, which is never read.
        public static let fileIsDevice = Code(rawValue: "fileIsDevice")
        /// The catalog file is larger than ``Catalog/maxFileBytes``.
        public static let fileTooLarge = Code(rawValue: "fileTooLarge")
    }

    /// The JSON path of the problem (empty for the document itself).
    public let path: String
    /// What kind of problem.
    public let code: Code
    /// What is wrong and how to fix it.
    public let message: String

    /// Creates an issue.
    public init(path: String, code: Code, message: String) {
        self.path = path
        self.code = code
        self.message = message
    }

    public var description: String { path.isEmpty ? "\(code): \(message)" : "\(path): \(code): \(message)" }
}

/// A catalog that failed its check: every problem found, each with its JSON path.
///
/// Nothing of a failing catalog is used: loading either returns a whole, checked catalog or throws this.
public struct CatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the catalog came from (a file path), when known.
    public let source: String?
    /// Every problem, in document order.
    public let issues: [CatalogIssue]

    /// Creates an error.
    public init(source: String?, issues: [CatalogIssue]) {
        self.source = source
        self.issues = issues
    }

    public var description: String {
        let header =
            "the catalog\(source.map { " \($0)" } ?? "") has \(issues.count) problem\(issues.count == 1 ? "" : "s")"
        return ([header] + issues.map { "  " + $0.description }).joined(separator: "\n")
    }
}
