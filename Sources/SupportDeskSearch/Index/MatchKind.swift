/// How a document's word matched a query word, from the strongest to the weakest.
///
/// The classes are ranked: a document matching a query word exactly scores above one that matches only
/// another form of it, which scores above a synonym, a typo-corrected word, then a completion of an
/// unfinished last word. See ``SearchConfiguration/MatchWeights`` for the factors.
public enum MatchKind: Int, Hashable, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// The same word (after folding).
    case exact
    /// Another form of the word (the same stem).
    case stemmed
    /// A word of the same synonym group.
    case synonym
    /// A vocabulary word within the allowed Damerau–Levenshtein distance of a misspelled query word.
    case typo
    /// A vocabulary word that starts with the unfinished last query word.
    case prefix

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .exact: "exact"
        case .stemmed: "stemmed"
        case .synonym: "synonym"
        case .typo: "typo"
        case .prefix: "prefix"
        }
    }
}
