import Foundation
import Testing

@testable import SupportDeskSearch

/// A `word<TAB>stem` fixture written by `Tests/Scripts/generate-stemmer-fixtures.py` from the reference stemmer.
struct StemmerFixture {
    struct Pair {
        var word: String
        var stem: String
    }

    var pairs: [Pair] = []

    /// Loads `Fixtures/<name>`; lines starting with `#` are provenance comments.
    init(named name: String) throws {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"),
            "fixture \(name) is missing from the test bundle")
        let data = try Data(contentsOf: url)
        var pairs: [Pair] = []
        pairs.reserveCapacity(data.count / 24)
        var malformed: [Int] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            var lineNumber = 0
            while lineStart < bytes.count {
                lineNumber += 1
                var lineEnd = lineStart
                var tab = -1
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A {
                    if bytes[lineEnd] == 0x09, tab < 0 { tab = lineEnd }
                    lineEnd += 1
                }
                defer { lineStart = lineEnd + 1 }
                if lineEnd == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
                guard tab > lineStart else {
                    malformed.append(lineNumber)
                    continue
                }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<tab]), as: UTF8.self)
                let stem = String(decoding: UnsafeBufferPointer(rebasing: bytes[(tab + 1)..<lineEnd]), as: UTF8.self)
                pairs.append(Pair(word: word, stem: stem))
            }
        }
        #expect(malformed.isEmpty, "malformed fixture lines in \(name): \(malformed.prefix(10))")
        self.pairs = pairs
    }

    /// Stems every word through the scalar fast path and through `stem(_: String)`, and describes the
    /// disagreements with the reference, or returns `nil` when every stem agrees on both paths.
    func disagreements(with stemmer: some Stemmer) -> String? {
        var examples: [String] = []
        var count = 0
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(64)
        for pair in pairs {
            scalars.removeAll(keepingCapacity: true)
            scalars.append(contentsOf: pair.word.unicodeScalars)
            stemmer.stem(&scalars)
            let fastPath = String(String.UnicodeScalarView(scalars))
            let stringPath = stemmer.stem(pair.word)
            guard fastPath != pair.stem || stringPath != pair.stem else { continue }
            count += 1
            if examples.count < 20 {
                examples.append(
                    "\(pair.word): expected \(pair.stem), got \(fastPath) (scalars), \(stringPath) (String)")
            }
        }
        guard count > 0 else { return nil }
        let agreement = Double(pairs.count - count) / Double(pairs.count) * 100
        return "\(count) of \(pairs.count) words disagree with the reference "
            + "(agreement \(agreement)%); first \(examples.count):\n" + examples.joined(separator: "\n")
    }
}
