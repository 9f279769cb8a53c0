/// Chooses the stemmer by script: Russian Snowball for Cyrillic words, English (Porter2) for Latin ones;
/// numbers and mixed words are their own stems.
enum TermStemming {
    /// The stem of a folded word.
    /// - Parameters:
    ///   - word: Folded scalars of one word.
    ///   - script: The word's script.
    /// - Returns: The stem's scalars.
    static func stem(_ word: ArraySlice<UInt32>, script: TokenBuffer.Script) -> [UInt32] {
        switch script {
        case .cyrillic:
            var scalars = word.compactMap(Unicode.Scalar.init)
            RussianStemmer().stem(&scalars)
            return scalars.map(\.value)
        case .latin:
            var scalars = word.compactMap(Unicode.Scalar.init)
            EnglishStemmer().stem(&scalars)
            return scalars.map(\.value)
        case .digits, .mixed:
            return Array(word)
        }
    }
}
