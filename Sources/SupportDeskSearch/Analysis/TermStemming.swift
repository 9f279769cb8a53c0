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

    /// The id of a folded word's stem in a table, if the table has it; a Cyrillic word is stemmed in
    /// `buffer`, a Latin one in `latin` (reused between calls, so nothing is allocated).
    /// - Parameters:
    ///   - word: Folded scalars of one word.
    ///   - script: The word's script.
    ///   - table: The stems.
    ///   - buffer: Working memory (Cyrillic words).
    ///   - latin: Working memory (Latin words).
    /// - Returns: The stem's id.
    static func stemID(
        _ word: ArraySlice<UInt32>, script: TokenBuffer.Script, in table: TermTable, buffer: inout [UInt32],
        latin: inout [Unicode.Scalar]
    ) -> UInt32? {
        if script == .latin {
            latin.removeAll(keepingCapacity: true)
            for value in word {
                if let scalar = Unicode.Scalar(value) { latin.append(scalar) }
            }
            EnglishStemmer().stem(&latin)
            return table.id(of: latin.lazy.map(\.value))
        }
        guard script == .cyrillic else { return table.id(of: word) }
        // A Russian stem is the word with a suffix cut inside RV (after the first vowel): when no prefix of
        // that length or longer is in the table (hashes compared only), the stemmer need not run.
        if let shortest = shortestRussianStem(word), !table.mayHavePrefix(of: word, minimumLength: shortest) {
            return nil
        }
        buffer.removeAll(keepingCapacity: true)
        for value in word where Unicode.Scalar(value) != nil { buffer.append(value) }
        // `Unicode.Scalar` is a `UInt32` value: the stemmer works on the buffer's memory in place.
        let stemmed = buffer.withUnsafeMutableBytes { bytes in
            RussianStemmer.stemmedCount(of: bytes.bindMemory(to: Unicode.Scalar.self))
        }
        return table.id(of: buffer[0..<stemmed])
    }

    /// The length of the shortest stem the Russian stemmer can give a folded word: up to its first vowel
    /// included (the whole word when it has no vowel); `nil` for a word with `ё`, which the stemmer respells
    /// (its stem is then no prefix of it).
    static func shortestRussianStem(_ word: ArraySlice<UInt32>) -> Int? {
        var length = 0
        for value in word {
            if value == 0x451 { return nil }
            length += 1
            let offset = value &- 0x430
            // а е и о у ы э ю я
            if offset < 32 && (0xE808_4121 as UInt32 >> offset) & 1 == 1 {
                for rest in word.dropFirst(length) where rest == 0x451 { return nil }
                return length
            }
        }
        return length
    }
}
