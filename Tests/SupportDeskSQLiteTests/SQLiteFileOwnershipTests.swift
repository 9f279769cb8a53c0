import Foundation
import SupportDesk
import Testing

@testable import SupportDeskSQLite

@Suite("SQLite file ownership")
struct SQLiteFileOwnershipTests {
    /// Opens `path` as a store, expecting `code`; checks the error names the file and the file and its side
    /// files are byte-identical afterwards.
    static func expectRefused(
        _ path: String, _ code: StorageError.Code, mentioning detail: String? = nil,
        configuration: SQLiteConfiguration = .default, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let before = RawDatabase.Snapshot(path)
        let error = #expect(throws: StorageError.self, sourceLocation: sourceLocation) {
            try SQLiteStore(path: path, configuration: configuration)
        }
        #expect(error?.code == code, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.message.contains(path) == true, sourceLocation: sourceLocation)
        #expect(error?.context.location == path, sourceLocation: sourceLocation)
        if let detail {
            #expect(
                error?.message.contains(detail) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
        }
        #expect(
            RawDatabase.Snapshot(path) == before, "the file or its side files changed", sourceLocation: sourceLocation)
    }

    @Test("another application's database is refused, byte-identical, with no side files left")
    func foreignDatabase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("f.db")
        try RawDatabase.execute(path, "CREATE TABLE users(id INTEGER PRIMARY KEY); INSERT INTO users VALUES (1);")
        Self.expectRefused(path, .foreignDatabase, mentioning: "users")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
        #expect(try RawDatabase.integer(path, "SELECT count(*) FROM sqlite_master") == 1)
    }

    @Test("someone else's tickets table is refused, and its header (journal mode) is not touched")
    func foreignTicketsTable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("other.db")
        try RawDatabase.execute(path, "CREATE TABLE tickets(id TEXT PRIMARY KEY, title TEXT); PRAGMA user_version=1;")
        Self.expectRefused(path, .foreignDatabase, mentioning: "tickets")
        let connectionError = #expect(throws: SQLiteError.self) {
            try SQLiteConnection(path: path, migrations: SQLiteSchema.migrations)
        }
        #expect(connectionError?.code == .foreignDatabase)
        #expect(try RawDatabase.integer(path, "PRAGMA application_id") == 0)
    }

    @Test("a foreign database in WAL mode is refused and the side files the check needed are removed")
    func foreignWALDatabase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("wal.db")
        try RawDatabase.execute(path, "PRAGMA journal_mode=WAL; CREATE TABLE notes(body TEXT);")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        Self.expectRefused(path, .foreignDatabase, mentioning: "notes")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }

    @Test("a database marked with another application id is refused, even without tables")
    func otherApplicationID() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("marked.db")
        try RawDatabase.execute(path, "PRAGMA application_id=305419896;")
        Self.expectRefused(path, .foreignDatabase, mentioning: "0x12345678")
    }

    @Test("an unmarked SupportDesk schema with one extra table is not taken for ours")
    func almostOurs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("almost.db")
        let sql = SQLiteSchema.migrations.map(\.sql).joined(separator: ";\n")
        try RawDatabase.execute(
            path, sql + "; CREATE TABLE extra(x); PRAGMA user_version=\(SQLiteSchema.latestVersion);")
        Self.expectRefused(path, .foreignDatabase)
    }

    @Test("a new file and a zero-length file are initialised and marked with SupportDesk's application id")
    func newAndEmptyFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let empty = directory.path("empty.sqlite")
        FileManager.default.createFile(atPath: empty, contents: Data())
        for path in [directory.path("new.sqlite"), empty] {
            do { _ = try SQLiteStore(path: path) }
            #expect(try RawDatabase.integer(path, "PRAGMA application_id") == 0x5344_534B)
            #expect(try RawDatabase.integer(path, "PRAGMA user_version") == Int64(SQLiteSchema.latestVersion))
            _ = try SQLiteStore(path: path)
        }
    }

    @Test("a database with no schema at all (only pragmas set) is initialised")
    func blankDatabase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("blank.sqlite")
        try RawDatabase.execute(path, "PRAGMA page_size=8192; VACUUM;")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count > 0)
        _ = try SQLiteStore(path: path)
        #expect(try RawDatabase.integer(path, "PRAGMA application_id") == 0x5344_534B)
    }

    @Test("an unmarked store of an earlier version (exact schema and user_version) is opened, kept and marked")
    func legacyStore() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("legacy.sqlite")
        let sql = SQLiteSchema.migrations.map(\.sql).joined(separator: ";\n")
        try RawDatabase.execute(
            path,
            """
            PRAGMA journal_mode=WAL; \(sql);
            INSERT INTO accounts VALUES ('a1', 'Acme', 'acme', '{"allEmployees":{}}', 0);
            INSERT INTO account_members VALUES ('a@acme.test', 'a@acme.test', 'a1', 0);
            PRAGMA user_version=\(SQLiteSchema.latestVersion);
            """)
        let store = try SQLiteStore(path: path)
        #expect(try await store.account(id: Account.ID("a1"))?.company == "Acme")
        #expect(try RawDatabase.integer(path, "PRAGMA application_id") == 0x5344_534B)
    }

    @Test("an empty path, :memory: and file: URIs are refused with invalidLocation and create nothing")
    func throwawayLocationsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let uri = "file:\(directory.path("uri.db"))?mode=rwc"
        for path in ["", ":memory:", uri, "file::memory:?cache=shared"] {
            let error = #expect(throws: StorageError.self) { try SQLiteStore(path: path) }
            #expect(error?.code == .invalidLocation, "\(path): \(String(describing: error))")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
    }

    @Test("the throwaway store works in memory, says so in its path, and keeps nothing between stores")
    func throwawayStore() async throws {
        let first = try SQLiteStore.throwaway()
        #expect(first.path == ":memory:")
        let account = try Account(company: "Acme", members: [EmailAddress("a@acme.test")], createdAt: Date())
        try await first.createAccount(account)
        #expect(try await first.account(id: account.id) == account)
        let second = try SQLiteStore.throwaway()
        #expect(try await second.account(id: account.id) == nil)
    }
}
