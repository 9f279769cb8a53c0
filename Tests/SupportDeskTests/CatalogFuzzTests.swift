import Foundation
import SupportDesk
import SupportDeskTesting
import Testing

/// Hostile catalog bytes: seeded random bytes, truncated copies of the shipped catalog, and mutated JSON
/// (wrong types, deep nesting, huge strings, duplicate ids). Loading never traps; a rejected catalog
/// always names at least one specific problem.
@Suite struct CatalogFuzzTests {
    static let shipped: [UInt8] = {
        guard let path = Catalog.twinHelpCenterPath, let data = FileManager.default.contents(atPath: path) else {
            return []
        }
        return Array(data)
    }()

    /// Loads `bytes`, expecting either a catalog or an error with at least one coded issue.
    /// - Returns: The issue codes, empty when the catalog loaded.
    @discardableResult
    private func load(_ bytes: [UInt8], _ note: String) -> [CatalogIssue.Code] {
        do {
            _ = try Catalog.load(bytes, source: "fuzz")
            return []
        } catch {
            #expect(!error.issues.isEmpty, "\(note): rejected without an issue")
            #expect(error.issues.allSatisfy { !$0.code.rawValue.isEmpty && !$0.message.isEmpty }, "\(note)")
            return error.issues.map(\.code)
        }
    }

    private func document() throws -> JSONObject {
        try #require(try JSONParser().parse(Self.shipped).objectValue)
    }

    private func serialized(_ object: JSONObject) -> [UInt8] { Array(JSONValue.object(object).serialized().utf8) }

    @Test(arguments: 0..<8)
    func seededRandomBytesAreRejected(seed: Int) {
        var random = SeededRandomNumberGenerator(seed: UInt64(seed))
        for round in 0..<100 {
            let count = Int.random(in: 0..<2048, using: &random)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(!load(bytes, "seed \(seed) round \(round)").isEmpty)
        }
    }

    @Test func truncatedCopiesOfTheShippedCatalogAreRejected() {
        #expect(Self.shipped.count > 100_000)
        var random = SeededRandomNumberGenerator(seed: 13)
        // The file ends in `}` and a newline: every cut before that `}` leaves the document unfinished.
        let end = (Self.shipped.lastIndex(of: UInt8(ascii: "}")) ?? 1)
        var offsets = Array(0..<100) + (0..<100).map { _ in Int.random(in: 0..<end, using: &random) }
        offsets += (1...20).map { end - $0 }
        for offset in offsets {
            let codes = load(Array(Self.shipped.prefix(offset)), "cut at \(offset)")
            #expect(codes == [.invalidJSON], "cut at \(offset): \(codes)")
        }
        #expect(load(Self.shipped, "whole").isEmpty)
    }

    @Test(arguments: 0..<4)
    func valuesReplacedByOtherTypesAreRejectedOrHarmless(seed: Int) throws {
        var random = SeededRandomNumberGenerator(seed: UInt64(100 + seed))
        let original = try document()
        let replacements: [JSONValue] = [.null, true, 42, "x", [], [:], .number("-1e308"), ""]
        for round in 0..<30 {
            var mutated = JSONValue.object(original)
            let replacement = replacements[Int.random(in: 0..<replacements.count, using: &random)]
            let path = mutated.replaceRandomNode(with: replacement, using: &random)
            load(Array(mutated.serialized().utf8), "seed \(seed) round \(round) at \(path)")
        }
    }

    @Test func aWrongTypeAtTheTopIsWrongType() throws {
        var object = try document()
        object["categories"] = "chats"
        #expect(load(serialized(object), "categories as a string").contains(.wrongType))
        object = try document()
        object["schemaVersion"] = "1"
        #expect(!load(serialized(object), "schemaVersion as a string").isEmpty)
    }

    @Test(arguments: [65, 1000, 100_000])
    func deepNestingIsInvalidJSON(depth: Int) throws {
        let text =
            "{\"schemaVersion\": 1, \"synonyms\": " + String(repeating: "[", count: depth)
            + String(repeating: "]", count: depth) + "}"
        #expect(load(Array(text.utf8), "depth \(depth)") == [.invalidJSON])
    }

    @Test func hugeStringsAreRejected() throws {
        var object = try document()
        object["searchTips"] = ["ru": [.string(String(repeating: "я", count: 600_000))]]
        #expect(load(serialized(object), "a 1.2 MB tip") == [.invalidJSON])
        object["searchTips"] = ["ru": [.string(String(repeating: "я", count: 9_000_000))]]
        #expect(load(serialized(object), "an 18 MB document") == [.invalidJSON])
    }

    @Test func duplicateTopicAndCategoryIDsAreDuplicateID() throws {
        var object = try document()
        var categories = try #require(object["categories"]?.arrayValue)
        var first = try #require(categories.first?.objectValue)
        var topics = try #require(first["topics"]?.arrayValue)
        topics.append(try #require(topics.first))
        first["topics"] = .array(topics)
        categories[0] = .object(first)
        object["categories"] = .array(categories)
        #expect(load(serialized(object), "duplicate topic").contains(.duplicateID))

        object = try document()
        categories = try #require(object["categories"]?.arrayValue)
        categories.append(categories[0])
        object["categories"] = .array(categories)
        #expect(load(serialized(object), "duplicate category").contains(.duplicateID))
    }

    @Test func duplicateKeysAreInvalidJSON() {
        let text = "{\"schemaVersion\": 1, \"schemaVersion\": 1, \"categories\": []}"
        #expect(load(Array(text.utf8), "duplicate key") == [.invalidJSON])
    }
}

extension JSONValue {
    /// Replaces one node chosen at random (never the root) with `replacement`.
    /// - Returns: The replaced node's path, for messages.
    fileprivate mutating func replaceRandomNode(
        with replacement: JSONValue, using random: inout SeededRandomNumberGenerator
    ) -> String {
        switch self {
        case .object(var object) where object.count > 0:
            let key = object.keys[Int.random(in: 0..<object.count, using: &random)]
            guard var child = object[key] else { return "" }
            if Bool.random(using: &random) || child.isLeaf {
                object[key] = replacement
                self = .object(object)
                return "." + key
            }
            let path = child.replaceRandomNode(with: replacement, using: &random)
            object[key] = child
            self = .object(object)
            return "." + key + path
        case .array(var array) where !array.isEmpty:
            let index = Int.random(in: 0..<array.count, using: &random)
            if Bool.random(using: &random) || array[index].isLeaf {
                array[index] = replacement
                self = .array(array)
                return "[\(index)]"
            }
            let path = array[index].replaceRandomNode(with: replacement, using: &random)
            self = .array(array)
            return "[\(index)]" + path
        default:
            self = replacement
            return ""
        }
    }

    private var isLeaf: Bool {
        switch self {
        case .object(let object): object.count == 0
        case .array(let array): array.isEmpty
        default: true
        }
    }
}
