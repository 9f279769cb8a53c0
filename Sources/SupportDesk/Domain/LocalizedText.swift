/// A language the help center speaks, as a BCP 47 primary language code (`ru`, `en`).
public struct LanguageCode: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The lowercase code, for example `ru`.
    public let rawValue: String

    /// Creates a code; the value is lowercased.
    /// - Parameter rawValue: A language code such as `ru` or `EN`.
    public init(rawValue: String) { self.rawValue = rawValue.lowercased() }

    /// Creates a code from a literal.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// Russian, the help center's primary language.
    public static let ru: LanguageCode = "ru"
    /// English.
    public static let en: LanguageCode = "en"
    /// The languages every catalog text must have.
    public static let required: [LanguageCode] = [.ru, .en]

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A text in several languages, as catalog titles, labels and hints are written.
///
/// Encodes to JSON as an object keyed by language code: `{"ru": "Чаты", "en": "Chats"}`.
public struct LocalizedText: Hashable, Sendable, Codable {
    /// The text for each language.
    public var values: [LanguageCode: String]

    /// Creates a text from its translations.
    /// - Parameter values: The text for each language.
    public init(_ values: [LanguageCode: String]) { self.values = values }

    /// Creates a Russian and English text.
    /// - Parameters:
    ///   - ru: The Russian text.
    ///   - en: The English text.
    public init(ru: String, en: String) { self.values = [.ru: ru, .en: en] }

    /// The text in `language`, falling back to English, then Russian, then any language.
    /// - Parameter language: The wanted language.
    /// - Returns: The best available text, or an empty string when there is none.
    public func text(in language: LanguageCode) -> String {
        values[language] ?? values[.en] ?? values[.ru] ?? values.values.sorted().first ?? ""
    }

    /// The same as ``text(in:)``.
    public subscript(language: LanguageCode) -> String { text(in: language) }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: String].self)
        var values: [LanguageCode: String] = [:]
        for (key, value) in raw { values[LanguageCode(rawValue: key)] = value }
        self.values = values
    }

    public func encode(to encoder: any Encoder) throws {
        var raw: [String: String] = [:]
        for (key, value) in values { raw[key.rawValue] = value }
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }
}
