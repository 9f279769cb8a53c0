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

    /// A new random identifier: a lowercase version-4 UUID (RFC 9562), 122 random bits from the system's
    /// cryptographically secure generator.
    ///
    /// Formatted here rather than through `UUID().uuidString.lowercased()`: on Linux, Foundation's `UUID()`
    /// opens, reads and closes `/dev/urandom` for every identifier (three system calls, a few microseconds).
    /// - Returns: The identifier.
    public static func random() -> Self {
        var generator = SystemRandomNumberGenerator()
        // Bytes 0–7 and 8–15 of the UUID, big-endian: version 4 in the high nibble of byte 6.
        let high = (generator.next() & ~(0xF000 as UInt64)) | 0x4000
        return Self(uuidText(high: high, low: generator.next()))
    }

    /// A new time-ordered identifier: a lowercase version-7 UUID (RFC 9562), the current Unix time in
    /// milliseconds (48 bits) followed by 74 random bits from the system's cryptographically secure generator.
    ///
    /// Identifiers made later sort after those made in earlier milliseconds, so rows keyed by them land at the
    /// end of a database index instead of at random places in it: storage types whose rows are written in
    /// volume (``TicketDraft``, ``OutboxNotification/Draft``) use these by default. They reveal when they were
    /// made (to the millisecond); use ``random()`` where that matters.
    /// - Returns: The identifier.
    public static func timeOrdered() -> Self {
        let milliseconds = UInt64(max(0, Date().timeIntervalSince1970 * 1000).rounded(.down))
        var generator = SystemRandomNumberGenerator()
        // Bytes 0–5: the time; the high nibble of byte 6: version 7; then 12 random bits.
        let high = (milliseconds & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | (generator.next() & 0x0FFF)
        return Self(uuidText(high: high, low: generator.next()))
    }

    /// The lowercase text of the UUID whose bytes 0–7 are `high` and 8–15 `low` (big-endian), with the
    /// RFC 9562 variant (`0b10`) set in the top bits of byte 8.
    private static func uuidText(high: UInt64, low: UInt64) -> String {
        let low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var position = 0
            for nibble in 0..<32 {
                if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 {
                    buffer[position] = UInt8(ascii: "-")
                    position += 1
                }
                let word = nibble < 16 ? high : low
                let digit = UInt8(truncatingIfNeeded: (word >> UInt64(60 - 4 * (nibble % 16))) & 0xF)
                buffer[position] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                position += 1
            }
            return position
        }
    }

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
