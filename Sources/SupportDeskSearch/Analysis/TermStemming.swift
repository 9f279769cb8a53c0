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
            // Stemmed in a stack buffer; only the stem is allocated.
            return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: word.count) { buffer in
                var count = 0
                for value in word {
                    guard let scalar = Unicode.Scalar(value) else { continue }
                    buffer[count] = scalar
                    count += 1
                }
                let stemmed = RussianStemmer.stemmedCount(of: UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
                return [UInt32](unsafeUninitializedCapacity: stemmed) { result, initialized in
                    for index in 0..<stemmed { result[index] = buffer[index].value }
                    initialized = stemmed
                }
            }
        case .latin:
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(word.count)
            for value in word {
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            EnglishStemmer().stem(&scalars)
            return [UInt32](unsafeUninitializedCapacity: scalars.count) { result, initialized in
                for index in scalars.indices { result[index] = scalars[index].value }
                initialized = scalars.count
            }
        case .digits, .mixed:
            return Array(word)
        }
    }
}
