/// One entry of a posting list: a document has a term `tf` times in one field.
struct Posting: Sendable {
    /// The internal document number.
    var doc: UInt32
    /// The field's position.
    var field: UInt16
    /// The term frequency in that field (saturating).
    var tf: UInt16
}
