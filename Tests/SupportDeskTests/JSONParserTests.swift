import SupportDesk
import Testing

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValueAndKeepsKeyOrder() throws {
        let value = try JSONParser().parse(#"{"b": [1, -2.5e3, true, false, null], "a": "т\u0435кст \ud83d\ude00"}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["b", "a"])
        #expect(object["a"]?.stringValue == "текст 😀")
        #expect(object["b"] == [1, .number("-2.5e3"), true, false, nil])
    }

    @Test func keepsNumberLiteralsExact() throws {
        let value = try JSONParser().parse("9007199254740993")
        #expect(value.int64Value == 9_007_199_254_740_993)
        #expect(try JSONParser().parse("12.50") == .number("12.50"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"\u{01}\"", "\"\\x\"", "\"\\ud800\"", "nul", "[1] 2",
        "{\"a\":1,\"a\":2}", "'a'",
    ])
    func rejectsMalformedJSON(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser().parse(text) }
    }

    @Test func rejectsInvalidUTF8WithAPosition() {
        let bytes: [UInt8] = [0x22, 0x61, 0xC3, 0x28, 0x22]
        let error = #expect(throws: JSONParseError.self) { try JSONParser().parse(bytes) }
        #expect(error?.reason == "invalid UTF-8")
        #expect(error?.offset == 2)
    }

    @Test func limitsDepthWithoutRecursingForever() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = #expect(throws: JSONParseError.self) { try JSONParser().parse(deep) }
        #expect(error?.reason.contains("nesting") == true)
    }

    @Test func limitsSizeAndStringLength() {
        let limits = JSONLimits(maxBytes: 1_000, maxDepth: 8, maxStringBytes: 10)
        #expect(throws: JSONParseError.self) {
            try JSONParser(limits: limits).parse("\"" + String(repeating: "a", count: 20) + "\"")
        }
        #expect(throws: JSONParseError.self) {
            try JSONParser(limits: limits).parse("[" + String(repeating: "1,", count: 600) + "1]")
        }
    }

    @Test func reportsLineAndColumn() {
        let error = #expect(throws: JSONParseError.self) { try JSONParser().parse("{\n  \"a\": tru\n}") }
        #expect(error?.line == 2)
        #expect(error?.column == 8)
    }

    @Test func serializationRoundTrips() throws {
        let text = #"{"z":[1,2.5,"a\"b\n"],"y":{"x":null,"w":true}}"#
        let value = try JSONParser().parse(text)
        #expect(value.serialized() == text)
        #expect(try JSONParser().parse(value.serialized(pretty: true)) == value)
    }
}
