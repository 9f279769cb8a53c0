/// A named field of the documents of a ``SearchIndex``, with its BM25F weight and length normalization.
public struct SearchField: Hashable, Sendable {
    /// The field's name (`title`, `keywords`, `summary`…).
    public var name: String
    /// How much a match in this field counts compared with other fields (BM25F field weight).
    public var weight: Double
    /// How much a long field is penalized (BM25 `b`, from 0 = not at all to 1 = fully).
    public var lengthNormalization: Double

    /// Creates a field.
    /// - Parameters:
    ///   - name: The field's name.
    ///   - weight: The field weight (greater than 0).
    ///   - lengthNormalization: BM25 `b` in 0...1 (0.75 is the classic value).
    public init(_ name: String, weight: Double = 1, lengthNormalization: Double = 0.75) {
        self.name = name
        self.weight = max(weight, 0)
        self.lengthNormalization = min(max(lengthNormalization, 0), 1)
    }
}
