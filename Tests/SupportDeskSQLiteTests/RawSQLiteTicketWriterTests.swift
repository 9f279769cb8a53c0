import Foundation
import SupportDesk
@_spi(Benchmarks) import SupportDeskSQLite
import Testing

/// The raw baseline of the create benchmark must write what the store writes, or the comparison is unfair.
@Suite("RawSQLiteTicketWriter")
struct RawSQLiteTicketWriterTests {
    @Test("tickets written through the raw C API read back through SQLiteStore with history and notifications")
    func rawRowsAreStoreRows() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("raw.sqlite")
        let fields = FieldValues([CommonField.summary: .text("Бот молчит")])
        let fieldsJSON = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
        do {
            let writer = try RawSQLiteTicketWriter(path: path)
            #expect(try writer.createTicket(id: "raw-1", fieldsJSON: fieldsJSON, at: 100) == 1)
            #expect(try writer.createTicket(id: "raw-2", fieldsJSON: fieldsJSON, at: 200) == 2)
        }
        let store = try SQLiteStore(path: path)
        let ticket = try #require(try await store.ticket(id: "raw-2"))
        #expect(ticket.number == Ticket.Number(prefix: "TW", sequence: 2))
        #expect(ticket.fields == fields)
        #expect(ticket.status == .new && ticket.version == 1)
        let history = try await store.history(ticket: "raw-2")
        #expect(history.map(\.change) == [.created])
        #expect(history.first?.actor == .customer(try EmailAddress("anna@romashka.ru")))
        let notifications = try await store.notifications(after: nil, limit: 10).items
        #expect(notifications.count == 4)
        #expect(notifications.filter { $0.ticketID == "raw-2" }.map(\.ticketNumber.description) == ["TW-2", "TW-2"])
        #expect(try await store.changes(since: 0, limit: 10).map(\.kind) == [.ticketCreated, .ticketCreated])
        #expect(try await store.queue(after: nil, limit: 10).items.map(\.id) == ["raw-1", "raw-2"])
    }
}
