import Foundation
import SupportDesk
import Testing

@Suite struct PageCursorTests {
    @Test func encodesAsAPlainString() throws {
        let cursor = PageCursor(rawValue: "queue:123:4")
        let data = try JSONEncoder().encode([cursor])
        #expect(String(decoding: data, as: UTF8.self) == #"["queue:123:4"]"#)
        #expect(try JSONDecoder().decode([PageCursor].self, from: data) == [cursor])
    }

    @Test func changeFeedEntryRoundTrips() throws {
        let entry = ChangeFeedEntry(
            sequence: 9, kind: .commentAdded, ticketID: "t", commentID: "c", ticketVersion: 3,
            recordedAt: Date(timeIntervalSince1970: 1_800_000_000))
        let data = try JSONEncoder().encode(entry)
        #expect(try JSONDecoder().decode(ChangeFeedEntry.self, from: data) == entry)
        #expect(String(decoding: data, as: UTF8.self).contains("comment_added"))
    }
}
