import Foundation
import SupportDesk
import SupportDeskTesting
import Testing

@testable import SupportDeskSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hostile database files: random bytes, truncated and bit-flipped copies of a real store, other
/// applications' databases, an empty file, a directory, a FIFO. Opening never traps; it works (valid cases)
/// or gives a specific error, and a refused file is left byte-identical with no side files created.
@Suite("SQLite file fuzzing")
struct SQLiteFileFuzzTests {
    /// The errors a hostile file may give when opened.
    static let refusals: Set<StorageError.Code> = [.unreadableStore, .foreignDatabase, .incompatibleSchema]

    /// A real store with a few tickets, closed; its bytes.
    static func realStoreBytes(in directory: TemporaryDirectory) async throws -> Data {
        let path = directory.path("real.sqlite")
        do {
            let store = try SQLiteStore(path: path)
            let member = try EmailAddress("anna@romashka.ru")
            let account = try Account(company: "Ромашка", members: [member], createdAt: Date(timeIntervalSince1970: 0))
            try await store.createAccount(account)
            for index in 0..<20 {
                let draft = TicketDraft(
                    numberPrefix: "TW", accountID: account.id, topicID: "chat-dialog", categoryID: "chats",
                    fields: FieldValues([
                        CommonField.summary: .text("тикет \(index) " + String(repeating: "x", count: 300))
                    ]),
                    createdAt: Date(timeIntervalSince1970: Double(index)))
                _ = try await store.createTicket(draft, history: [], outbox: [])
            }
        }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Writes `bytes` to a fresh file, opens it as a store and, when it opens, reads from it; checks the
    /// outcome is a store or a specific error, and that a refused file is unchanged.
    /// - Returns: Whether the store opened.
    @discardableResult
    static func open(
        _ bytes: Data, in directory: TemporaryDirectory, name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Bool {
        let path = directory.path(name)
        try bytes.write(to: URL(fileURLWithPath: path))
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
        }
        let store: SQLiteStore
        do {
            store = try SQLiteStore(path: path)
        } catch {
            #expect(refusals.contains(error.code), "\(name): \(error)", sourceLocation: sourceLocation)
            #expect(error.context.location == path, sourceLocation: sourceLocation)
            let after = RawDatabase.Snapshot(path)
            #expect(after.files[""] == bytes, "\(name): the refused file changed", sourceLocation: sourceLocation)
            #expect(
                after.files["-wal"] == Data?.none && after.files["-shm"] == Data?.none,
                "\(name): side files were left", sourceLocation: sourceLocation)
            return false
        }
        // A damaged store may still open (its header and schema are intact): reading it works or fails
        // with a storage error, never a trap.
        do {
            _ = try await store.queue(after: nil, limit: 50)
            _ = try await store.notifications(after: nil, limit: 50)
            _ = try await store.changes(since: 0, limit: 50)
        } catch let error as StorageError {
            #expect(
                [.unreadableStore, .backendFailure].contains(error.code), "\(name): \(error)",
                sourceLocation: sourceLocation)
        }
        return true
    }

    @Test("seeded random bytes, with and without the SQLite header, are refused and left untouched")
    func randomBytes() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var random = SeededRandomNumberGenerator(seed: 0x5344_534B)
        let magic = Data("SQLite format 3".utf8) + Data([0])
        for index in 0..<60 {
            let count = Int.random(in: 1...6_000, using: &random)
            var bytes = Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &random) })
            if index % 2 == 0, count > 100 {
                bytes.replaceSubrange(0..<16, with: magic)
                bytes[16] = 0x10  // A plausible page size (4096) so SQLite gets further.
                bytes[17] = 0x00
            }
            let opened = try await Self.open(bytes, in: directory, name: "random-\(index).db")
            #expect(!opened, "random bytes \(index) opened as a store")
        }
        let text = Data(String(repeating: "SELECT * FROM tickets;\n", count: 200).utf8)
        #expect(try await !Self.open(text, in: directory, name: "text.db"))
    }

    @Test("truncated copies of a real store, at many offsets, are refused and left untouched")
    func truncatedCopies() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let whole = try await Self.realStoreBytes(in: directory)
        var random = SeededRandomNumberGenerator(seed: 13)
        var offsets = Set([1, 15, 16, 99, 100, 101, 512, 4_095, 4_096, 4_097, whole.count - 1])
        while offsets.count < 60 { offsets.insert(Int.random(in: 1..<whole.count, using: &random)) }
        for offset in offsets.sorted() {
            let opened = try await Self.open(whole.prefix(offset), in: directory, name: "cut-\(offset).db")
            #expect(!opened, "a copy cut at \(offset) of \(whole.count) bytes opened")
        }
        #expect(try await Self.open(whole, in: directory, name: "whole.db"))
        #expect(try await Self.open(Data(), in: directory, name: "empty.db"))
    }

    @Test("bit-flipped copies of a real store open or give a specific error, never trap")
    func bitFlippedCopies() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let whole = try await Self.realStoreBytes(in: directory)
        var random = SeededRandomNumberGenerator(seed: 2_026)
        for index in 0..<80 {
            var bytes = whole
            // Half the copies are hit in the header and the first page (schema), where damage shows on open.
            let range = index % 2 == 0 ? 0..<min(whole.count, 4_096) : 0..<whole.count
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let position = Int.random(in: range, using: &random)
                bytes[position] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
            }
            try await Self.open(bytes, in: directory, name: "flip-\(index).db")
        }
    }

    @Test(
        "other applications' databases are refused with foreignDatabase and left byte-identical",
        arguments: [
            "CREATE TABLE users(id INTEGER PRIMARY KEY, email TEXT); INSERT INTO users VALUES (1, 'a@b.c');",
            "CREATE TABLE tickets(id TEXT PRIMARY KEY, status TEXT); PRAGMA user_version=1;",
            "PRAGMA journal_mode=WAL; CREATE TABLE accounts(id TEXT); CREATE TABLE outbox(x);",
            "CREATE TABLE t(x); CREATE VIEW v AS SELECT x FROM t; CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;",
            "PRAGMA application_id=1179403647;",  // Another application's mark, nothing else.
            "PRAGMA user_version=7;",  // No tables, but someone's version.
            "CREATE TABLE accounts (id TEXT PRIMARY KEY NOT NULL);",
        ])
    func foreignDatabases(sql: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("foreign.db")
        try RawDatabase.execute(path, sql)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try await !Self.open(bytes, in: directory, name: "foreign.db"))
        let error = #expect(throws: StorageError.self) {
            try RawDatabase.execute(path, sql)
            return try SQLiteStore(path: path)
        }
        #expect(error?.code == .foreignDatabase)
    }

    @Test("our schema at another version without our mark is not taken for ours")
    func ourSchemaWrongVersion() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("wrong-version.db")
        let sql = SQLiteSchema.migrations.map(\.sql).joined(separator: ";\n")
        try RawDatabase.execute(path, "\(sql); PRAGMA user_version=\(SQLiteSchema.latestVersion + 1);")
        let before = RawDatabase.Snapshot(path)
        let error = #expect(throws: StorageError.self) { try SQLiteStore(path: path) }
        #expect(error?.code == .foreignDatabase)
        #expect(RawDatabase.Snapshot(path) == before)
    }

    @Test("a directory is refused with unreadableStore and left as it was")
    func directoryPath() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("store.sqlite")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let error = #expect(throws: StorageError.self) { try SQLiteStore(path: path) }
        #expect(error?.code == .unreadableStore)
        #expect(error?.message.contains("a directory") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["store.sqlite"])
    }

    @Test("a FIFO is refused with unreadableStore without blocking or creating side files")
    func fifoPath() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("pipe.sqlite")
        #expect(mkfifo(path, 0o600) == 0)
        for configuration in [SQLiteConfiguration.default, .readOnly] {
            let error = #expect(throws: StorageError.self) { try SQLiteStore(path: path, configuration: configuration) }
            #expect(error?.code == .unreadableStore)
            #expect(error?.message.contains("FIFO") == true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["pipe.sqlite"])
    }
}
