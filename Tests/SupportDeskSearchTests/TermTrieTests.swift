import SupportDeskTesting
import Testing

@testable import SupportDeskSearch

@Suite("TermTrie")
struct TermTrieTests {
    static let vocabulary = [
        "сценарий", "сценарии", "сценария", "сохраняется", "сохранить", "сохранение", "обзвон", "обзвона", "звонок",
        "звонки", "рассылка", "рассылки", "отчет", "отчеты", "отчетность", "бот", "боты", "ботом", "api", "apple",
        "webhook", "webhooks", "статистика", "статус", "ст", "с",
    ]

    static func trie() -> TermTrie {
        var trie = TermTrie()
        for (id, word) in vocabulary.enumerated() { trie.insert(word.unicodeScalars.map(\.value), term: UInt32(id)) }
        return trie
    }

    @Test(
        "Typo look-up finds exactly the words a brute-force Damerau–Levenshtein scan finds",
        arguments: ["сценраий", "сохраняеться", "обзвн", "звонки", "отчот", "бт", "webhok", "статитсика", "aple", "с"])
    func fuzzyMatchesBruteForce(query: String) {
        let trie = Self.trie()
        let word = query.unicodeScalars.map(\.value)
        for distance in 0...2 {
            var found: [(term: UInt32, distance: Int)] = []
            trie.fuzzyMatches(word, maxDistance: distance, into: &found)
            let expected = Self.vocabulary.enumerated().compactMap { id, term -> (UInt32, Int)? in
                let d = DamerauLevenshtein.distance(word, term.unicodeScalars.map(\.value), limit: distance)
                return d <= distance ? (UInt32(id), d) : nil
            }
            #expect(found.map(\.term).sorted() == expected.map(\.0).sorted(), "\(query) within \(distance)")
            for match in found {
                #expect(expected.first { $0.0 == match.term }?.1 == match.distance, "\(query)")
            }
        }
    }

    @Test("Completions are the words under a prefix")
    func completions() {
        var results: [UInt32] = []
        Self.trie().completions(of: "отч".unicodeScalars.map(\.value), limit: 10, into: &results)
        #expect(Set(results.map { Self.vocabulary[Int($0)] }) == ["отчет", "отчеты", "отчетность"])
    }

    @Test("Thousands of words (the edge table grown many times): every prefix completes to exactly its words")
    func completionsAfterGrowth() {
        // Numbers, hex ids and letter words: dense levels (ten digits each) and a wide root.
        var generator = SeededRandomNumberGenerator(seed: 7)
        var words: [String] = []
        var seen: Set<String> = []
        let alphabets = [Array("0123456789"), Array("0123456789abcdef"), Array("абвгдежзийклмнопрстуфхцчшщъыьэюя")]
        while words.count < 5_000 {
            let alphabet = alphabets[words.count % 3]
            let word = String(
                (0..<Int.random(in: 1...9, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator)!
                })
            if seen.insert(word).inserted { words.append(word) }
        }
        var trie = TermTrie()
        for (id, word) in words.enumerated() { trie.insert(word.unicodeScalars.map(\.value), term: UInt32(id)) }
        // Inserting again keeps the first ids and adds no node.
        let nodes = trie.nodeCount
        for (id, word) in words.enumerated() { trie.insert(word.unicodeScalars.map(\.value), term: UInt32(id + 9_000)) }
        #expect(trie.nodeCount == nodes)
        for prefix in words.prefix(300).map({ String($0.prefix(2)) }) + ["", "zz", "я"] {
            var results: [UInt32] = []
            trie.completions(of: prefix.unicodeScalars.map(\.value), limit: .max, into: &results)
            let expected = words.indices.filter { words[$0].hasPrefix(prefix) }.map(UInt32.init)
            #expect(results.sorted() == expected, "prefix «\(prefix)»")
        }
    }
}
