import Testing

@testable import SupportDeskSearch

@Suite("DeletionTable")
struct DeletionTableTests {
    static let vocabulary =
        TermTrieTests.vocabulary + [
            "перезагрузка", "перезагружать", "переписка", "периодичность", "подключение", "подключить", "оператор",
            "операторы", "интеграция", "интеграции", "уведомление", "уведомления", "авторизация", "авторизоваться",
        ]

    static func core() -> IndexCore {
        var configuration = SearchConfiguration()
        configuration.indexesTypoDeletions = true
        var core = IndexCore(fields: [SearchField("text")], configuration: configuration)
        for word in vocabulary { core.internSurface(word.unicodeScalars.map(\.value)[...]) }
        return core
    }

    @Test(
        "Typo look-up through the deletion dictionary finds exactly what the trie walk finds",
        arguments: [
            "сценраий", "сохраняеться", "обзвн", "звонкии", "отчотность", "webhok", "статитсика", "перезагрзука",
            "перзагружать", "пдключение", "оперратор", "интегарция", "уведомлениеее", "авторизаця", "периодично",
        ])
    func deletionLookUpMatchesTrie(query: String) {
        let core = Self.core()
        let word = query.unicodeScalars.map(\.value)
        for distance in 1...2 where word.count - distance >= 3 {
            var viaDeletions: [(term: UInt32, distance: Int)] = []
            core.fuzzyMatches(word, maxDistance: distance, into: &viaDeletions)
            var viaTrie: [(term: UInt32, distance: Int)] = []
            core.trie.fuzzyMatches(word, maxDistance: distance, into: &viaTrie)
            let deletionPairs = viaDeletions.map { [$0.term, UInt32($0.distance)] }.sorted {
                $0.lexicographicallyPrecedes($1)
            }
            let triePairs = viaTrie.map { [$0.term, UInt32($0.distance)] }.sorted { $0.lexicographicallyPrecedes($1) }
            #expect(deletionPairs == triePairs, "\(query) within \(distance)")
        }
    }

    @Test("Every id added under a hash is found under it, and no other")
    func insertAndFind() {
        var table = DeletionTable()
        for id in UInt32(0)..<3_000 { table.insert(UInt64(id % 700) &* 0x9E37_79B9_7F4A_7C15, id: id) }
        for key in UInt64(0)..<700 {
            var found: [UInt32] = []
            table.appendIDs(of: key &* 0x9E37_79B9_7F4A_7C15, to: &found)
            #expect(found.sorted() == Array(stride(from: UInt32(key), to: 3_000, by: 700)), "key \(key)")
        }
        var missing: [UInt32] = []
        table.appendIDs(of: 12_345, to: &missing)
        #expect(missing.isEmpty)
        #expect(table.count == 700)
    }

    @Test("The buffer distance agrees with the array distance, limits included")
    func bufferDistance() {
        let words = Self.vocabulary.map { $0.unicodeScalars.map(\.value) } + [[], [0x61]]
        for a in words {
            for b in words {
                for limit in [0, 1, 2, Int.max] {
                    let expected = DamerauLevenshtein.distance(a, b, limit: limit)
                    let actual = a.withUnsafeBufferPointer { a in
                        b.withUnsafeBufferPointer { b in DamerauLevenshtein.distance(a, b, limit: limit) }
                    }
                    #expect(actual == expected)
                }
            }
        }
    }
}
