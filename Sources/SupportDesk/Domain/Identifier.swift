#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A typed identifier: `Identifier<Ticket>` and `Identifier<Account>` are different types, so one can
/// never be passed where the other is expected.
///
/// The raw value is a string: catalog ids are chosen by the catalog author (`chat-dialog`), entity ids
/// are generated (lowercase UUIDs). Both encode to JSON as a plain string.
public struct Identifier<Subject>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The identifier as stored and transmitted.
    public let rawValue: String

    /// Wraps a raw identifier.
    /// - Parameter rawValue: The identifier's text.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a raw identifier.
    /// - Parameter rawValue: The identifier's text.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Creates an identifier from a string literal (handy in tests and catalog code).
    public init(stringLiteral value: String) { self.rawValue = value }

    /// A new random identifier (a lowercase UUID).
    public static func random() -> Self { Self(UUID().uuidString.lowercased()) }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
