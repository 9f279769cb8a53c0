import SupportDeskSearch
import Testing

@Suite struct EnglishStemmerTests {
    let stemmer = EnglishStemmer()

    /// The whole reference fixture (about 150,000 forms from the Debian English word lists, stemmed by
    /// Snowball's own english stemmer): every stem must agree.
    @Test func agreesWithTheReferenceOnTheWholeFixture() throws {
        let fixture = try StemmerFixture(named: "stemmer-en.tsv")
        #expect(fixture.pairs.count > 100_000)
        if let failure = fixture.disagreements(with: stemmer) { Issue.record(Comment(rawValue: failure)) }
    }

    @Test(arguments: [
        // Plurals and possessives.
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "tie"), ("cats", "cat"), ("gas", "gas"),
        ("dog's", "dog"), ("dogs'", "dog"),
        // -ed / -ing with e restored, undoubling, and the special cases.
        ("hopping", "hop"), ("hoped", "hope"), ("agreed", "agre"), ("succeeded", "succeed"),
        ("dying", "die"), ("inning", "inning"), ("added", "add"),
        // Final y, derivational suffixes, invariant prefixes, exceptions.
        ("happy", "happi"), ("connections", "connect"), ("generously", "generous"),
        ("communication", "communic"), ("skies", "sky"), ("news", "news"), ("sky", "sky"),
        // Short words and foreign letters stay.
        ("is", "is"), ("by", "by"), ("", ""), ("café", "café"),
    ])
    func stemsKnownForms(_ word: String, _ expected: String) {
        #expect(stemmer.stem(word) == expected)
    }

    @Test func marksConsonantYWithoutLeakingTheMarker() {
        #expect(stemmer.stem("yelling") == "yell")
        #expect(stemmer.stem("playing") == "play")
        #expect(stemmer.stem("sayings") == "say")
    }

    @Test func isAvailableAsAStaticMember() {
        func stem(_ word: String, with stemmer: some Stemmer) -> String { stemmer.stem(word) }
        #expect(stem("tickets", with: .english) == "ticket")
    }
}
