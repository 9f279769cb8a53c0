/// An error from an attachment store: a file over a limit, a type that is not allowed, content that does
/// not match its declared type, an unknown digest, or an I/O failure. Nothing is kept when one is thrown.
///
/// Match on ``code``; show ``message`` to people; ``fileName`` (sanitized), ``limit`` and ``path`` say more.
public struct AttachmentError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable error kind.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case fileTooLarge, ticketLimitExceeded, typeNotAllowed, contentMismatch, emptyFile, invalidDigest
            case notFound, ioFailure, sizeMismatch, digestMismatch
        }

        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The code's name, such as `fileTooLarge`.
        public var description: String { kind.rawValue }

        /// The file is larger than the per-file limit.
        public static let fileTooLarge = Code(.fileTooLarge)
        /// The file would take the ticket's attachments over the per-ticket limit.
        public static let ticketLimitExceeded = Code(.ticketLimitExceeded)
        /// The declared media type is not among the allowed ones.
        public static let typeNotAllowed = Code(.typeNotAllowed)
        /// The bytes do not look like the declared media type (a “PNG” that is not one).
        public static let contentMismatch = Code(.contentMismatch)
        /// The file has no bytes.
        public static let emptyFile = Code(.emptyFile)
        /// A digest is not 64 lowercase hexadecimal digits.
        public static let invalidDigest = Code(.invalidDigest)
        /// No content is stored under the digest.
        public static let notFound = Code(.notFound)
        /// Reading or writing the store's files failed.
        public static let ioFailure = Code(.ioFailure)
        /// The size the client declared is not the size of the bytes received (the store counts them itself).
        public static let sizeMismatch = Code(.sizeMismatch)
        /// The SHA-256 the client declared is not the digest of the bytes received (the store computes it).
        public static let digestMismatch = Code(.digestMismatch)
    }

    /// What went wrong.
    public let code: Code
    /// A human-readable explanation.
    public let message: String
    /// The sanitized display name of the file involved, if any.
    public let fileName: String?
    /// The limit that was exceeded, in bytes, if any.
    public let limit: Int64?
    /// The store's file involved in an I/O failure, if any.
    public let path: String?

    /// Creates an error.
    /// - Parameters:
    ///   - code: The stable code.
    ///   - message: The explanation.
    ///   - fileName: The sanitized file name.
    ///   - limit: The exceeded limit in bytes.
    ///   - path: The store file involved.
    public init(_ code: Code, _ message: String, fileName: String? = nil, limit: Int64? = nil, path: String? = nil) {
        self.code = code
        self.message = message
        self.fileName = fileName
        self.limit = limit
        self.path = path
    }

    public var description: String { "\(code): \(message)" }
}
