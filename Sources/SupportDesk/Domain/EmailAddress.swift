/// An email address, normalized: surrounding whitespace removed, the domain lowercased.
///
/// **The matching rule: the whole address compares case-insensitively.** `Anna@Example.COM`,
/// `anna@example.com` and `ANNA@EXAMPLE.COM` are one address: equal, with one hash, one member of one
/// account, found by `account(memberEmail:)` in any case. (RFC 5321 lets a mail server treat the local part
/// as case-sensitive; in practice none does, and a help center that told `Anna@` from `anna@` would give one
/// person two identities.) ``matchKey`` is the key every store must compare and index by. The address keeps
/// the local part's case as typed (``rawValue``) for display and delivery.
public struct EmailAddress: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The normalized address.
    public let rawValue: String

    /// Parses and normalizes an address.
    /// - Parameter text: The address as typed.
    /// - Throws: ``DomainError`` with code `invalidEmail` when the text is not a plausible address.
    public init(_ text: String) throws(DomainError) {
        guard let normalized = Self.normalize(text) else {
            throw DomainError(.invalidEmail, "“\(text)” is not an email address (expected name@domain)")
        }
        self.rawValue = normalized
    }

    /// Normalizes an address, or returns `nil` when it is not a plausible one.
    /// - Parameter text: The address as typed.
    /// - Returns: The address with whitespace trimmed and the domain lowercased.
    public static func normalize(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.utf8.count <= 254 else { return nil }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let local = parts[0]
        let domain = parts[1].lowercased()
        guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty else { return nil }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) else {
            return nil
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") })
        else { return nil }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return nil }
        return "\(local)@\(domain)"
    }

    /// The key under which addresses match: the whole normalized address lowercased (`Anna@Example.com` →
    /// `anna@example.com`). Two addresses are equal exactly when their keys are; a store compares and
    /// indexes members by this key.
    public var matchKey: String { rawValue.lowercased() }

    public var description: String { rawValue }

    /// Whether two addresses are the same address: their ``matchKey``s are equal.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.matchKey == rhs.matchKey }

    public func hash(into hasher: inout Hasher) { hasher.combine(matchKey) }

    /// Orders by ``matchKey``, then by the typed form (so spellings of one address sort together).
    public static func < (lhs: Self, rhs: Self) -> Bool {
        let (left, right) = (lhs.matchKey, rhs.matchKey)
        return left != right ? left < right : lhs.rawValue < rhs.rawValue
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let normalized = Self.normalize(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "“\(text)” is not an email address"))
        }
        self.rawValue = normalized
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension String {
    /// The string without leading and trailing Unicode whitespace.
    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
