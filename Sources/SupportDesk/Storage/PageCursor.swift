/// An opaque position in a listing, produced by a store and passed back to it to read the next page.
///
/// A cursor encodes the sort key of the last item returned (not an offset), so paging stays correct
/// while items are added. Its text may be stored or sent to a client; a store rejects a cursor it did
/// not produce for that listing with ``StorageError/Code/invalidCursor``.
public struct PageCursor: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The cursor's text.
    public let rawValue: String

    /// Wraps a cursor's text.
    /// - Parameter rawValue: The text a store produced.
    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
