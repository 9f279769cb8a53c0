/// Reduces an inflected word to its stem, so that different forms of a word match each other.
///
/// The stems are index keys, not dictionary words: `подключения`, `подключение` and `подключений` all
/// become `подключен`; `connections` and `connected` both become `connect`.
///
/// Implementation requirements:
/// - The input is one lowercased word (no spaces or punctuation between letters). Characters the algorithm
///   does not know are kept and never cause a failure.
/// - `stem(_ word: inout [Unicode.Scalar])` is the fast path: it rewrites the word in place and must not
///   allocate when the word's capacity suffices. `stem(_ word: String)` must return the same stem.
/// - Stemming is a pure function of the word: thread-safe, deterministic, with no state between calls.
public protocol Stemmer: Sendable {
    /// Replaces `word` with its stem, in place.
    ///
    /// The index calls this for every token, so it works on the scalars it already has and reuses their
    /// storage.
    /// - Parameter word: One lowercased word as Unicode scalars; on return, its stem.
    func stem(_ word: inout [Unicode.Scalar])

    /// Returns the stem of a lowercased word.
    /// - Parameter word: One lowercased word.
    /// - Returns: The word's stem (the word itself when no rule applies).
    func stem(_ word: String) -> String
}

extension Stemmer {
    /// Returns the stem of a lowercased word, through the scalar fast path.
    /// - Parameter word: One lowercased word.
    /// - Returns: The word's stem (the word itself when no rule applies).
    public func stem(_ word: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(word.utf8.count + 2)
        for scalar in word.unicodeScalars { scalars.append(scalar) }
        stem(&scalars)
        return scalars.withUnsafeBufferPointer { StemmerText.string(from: $0) }
    }
}

/// Conversions between words and the scalar buffers the stemmers work on.
enum StemmerText {
    /// Builds a string from scalars with a single UTF-8 write (no per-scalar string appends).
    static func string(from scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
        var byteCount = 0
        for scalar in scalars { byteCount += UTF8.width(scalar) }
        return String(unsafeUninitializedCapacity: byteCount) { bytes in
            var index = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    bytes[index] = byte
                    index += 1
                }
            }
            return index
        }
    }
}

extension Stemmer where Self == RussianStemmer {
    /// The Snowball Russian stemmer.
    public static var russian: RussianStemmer { RussianStemmer() }
}

extension Stemmer where Self == EnglishStemmer {
    /// The Snowball English (Porter2) stemmer.
    public static var english: EnglishStemmer { EnglishStemmer() }
}
