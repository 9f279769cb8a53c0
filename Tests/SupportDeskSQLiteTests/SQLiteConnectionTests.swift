import Foundation
import Testing

@testable import SupportDeskSQLite

@Suite("SQLiteConnection")
struct SQLiteConnectionTests {
    static let migrations = [
        SQLiteMigration(version: 1, sql: "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"),
        SQLiteMigration(version: 2, sql: "CREATE TABLE tag (item INTEGER NOT NULL REFERENCES item(id), label TEXT);"),
    ]

    /// Creates a database with a few rows, closes it, and returns its path.
    static func makeDatabase(in directory: TemporaryDirectory, rows: Int = 200) throws -> String {
        let path = directory.path("existing.sqlite")
        let connection = try SQLiteConnection(path: path, migrations: migrations)
        try connection.write {
            for index in 0..<rows {
                try connection.run(
                    "INSERT INTO item (name) VALUES (?)", "item \(index) " + String(repeating: "x", count: 200))
            }
        }
        return path
    }

    @Test("a new file is opened in WAL mode, durable, with foreign keys on and the schema migrated")
    func pragmasOnOpen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.path("new.sqlite"), migrations: Self.migrations)
        #expect(try connection.scalarText("PRAGMA journal_mode") == "wal")
        #expect(try connection.scalarInt("PRAGMA synchronous") == 2)  // FULL
        #expect(try connection.scalarInt("PRAGMA foreign_keys") == 1)
        #expect(try connection.scalarInt("PRAGMA busy_timeout") == 5_000)
        #expect(try connection.scalarInt("PRAGMA user_version") == 2)
        #expect(connection.schemaVersion == 2)
    }

    @Test("synchronous can be lowered to NORMAL and the busy timeout changed")
    func configurableDurability() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(
            path: directory.path("normal.sqlite"),
            configuration: SQLiteConfiguration(synchronous: .normal, busyTimeoutMilliseconds: 250),
            migrations: Self.migrations)
        #expect(try connection.scalarInt("PRAGMA synchronous") == 1)  // NORMAL
        #expect(try connection.scalarInt("PRAGMA busy_timeout") == 250)
    }

    @Test("reopening applies only the migrations not yet applied and keeps the data")
    func incrementalMigration() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("grow.sqlite")
        do {
            let first = try SQLiteConnection(path: path, migrations: Array(Self.migrations.prefix(1)))
            try first.run("INSERT INTO item (name) VALUES (?)", "kept")
            #expect(first.schemaVersion == 1)
        }
        let second = try SQLiteConnection(path: path, migrations: Self.migrations)
        #expect(second.schemaVersion == 2)
        #expect(try second.scalarText("SELECT name FROM item") == "kept")
        #expect(try second.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'tag'") == 1)
    }

    @Test("a failing migration keeps nothing of the migrations applied with it")
    func failingMigrationRollsBack() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("broken.sqlite")
        let broken =
            Self.migrations + [
                SQLiteMigration(version: 3, sql: "CREATE TABLE extra (x); INSERT INTO nowhere VALUES (1);")
            ]
        let error = #expect(throws: SQLiteError.self) {
            try SQLiteConnection(path: path, migrations: broken)
        }
        #expect(error?.code == .migrationFailed)
        #expect(error?.message.contains("schema version 3") == true)
        let reopened = try SQLiteConnection(path: path, migrations: [])
        #expect(try reopened.scalarInt("PRAGMA user_version") == 0)
        #expect(try reopened.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'table'") == 0)
    }

    @Test("a file that is not a database is refused with notADatabase and left untouched")
    func garbageFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("notes.sqlite")
        let bytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path, migrations: Self.migrations) }
        #expect(error?.code == .notADatabase)
        #expect(error?.path == path)
        #expect(error?.description.contains(path) == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("a file shorter than the SQLite header is refused with notADatabase and left untouched")
    func tinyFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("tiny.sqlite")
        let bytes = Data("hello, this is text".utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path, migrations: Self.migrations) }
        #expect(error?.code == .notADatabase)
        #expect(error?.message.contains("shorter than the 100-byte header") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("a truncated database is refused with corrupt and left untouched")
    func truncatedFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try Self.makeDatabase(in: directory)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        let truncated = whole.prefix(whole.count / 2)
        try truncated.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path, migrations: Self.migrations) }
        #expect(error?.code == .corrupt)
        #expect(error?.message.contains("truncated") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == truncated)
    }

    @Test("a database whose schema page is damaged is refused with corrupt and left untouched")
    func damagedSchema() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try Self.makeDatabase(in: directory)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // Page 1 holds the schema table's b-tree right after the 100-byte file header: scramble it.
        for offset in 100..<200 { bytes[offset] = 0xEE }
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path, migrations: Self.migrations) }
        #expect(error?.code == .corrupt)
        #expect(error?.sqliteMessage != nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("a database of a newer schema version is refused and left untouched")
    func newerSchemaVersion() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try Self.makeDatabase(in: directory)
        do {
            let newer = try SQLiteConnection(path: path, migrations: Self.migrations)
            try newer.execute("PRAGMA user_version=9")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path, migrations: Self.migrations) }
        #expect(error?.code == .newerSchemaVersion)
        #expect(error?.message.contains("schema version 9") == true)
        #expect(error?.message.contains("knows up to 2") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("a missing directory gives openFailed naming the file")
    func missingDirectory() throws {
        let path = "/nonexistent-supportdesk-dir/\(UUID().uuidString)/db.sqlite"
        let error = #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path, migrations: Self.migrations) }
        #expect(error?.code == .openFailed)
        #expect(error?.path == path)
        #expect(error?.sqliteMessage != nil)
    }

    @Test("a write transaction commits everything or, when its body throws, nothing")
    func transactionAtomicity() throws {
        struct Abort: Error {}
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.path("tx.sqlite"), migrations: Self.migrations)
        try connection.write { try connection.run("INSERT INTO item (name) VALUES (?)", "a") }
        #expect(throws: Abort.self) {
            try connection.write {
                try connection.run("INSERT INTO item (name) VALUES (?)", "b")
                throw Abort()
            }
        }
        #expect(try connection.scalarInt("SELECT count(*) FROM item") == 1)
        #expect(!connection.isInTransaction)
        let nested = #expect(throws: SQLiteError.self) {
            try connection.write { try connection.write { () } }
        }
        #expect(nested?.code == .misuse)
    }

    @Test("constraint violations map to constraintViolation with SQLite's text")
    func constraintErrors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.path("c.sqlite"), migrations: Self.migrations)
        try connection.run("INSERT INTO item (name) VALUES (?)", "same")
        let unique = #expect(throws: SQLiteError.self) {
            try connection.run("INSERT INTO item (name) VALUES (?)", "same")
        }
        #expect(unique?.code == .constraintViolation)
        #expect(unique?.sqliteMessage?.contains("UNIQUE") == true)
        let foreign = #expect(throws: SQLiteError.self) {
            try connection.run("INSERT INTO tag (item, label) VALUES (?, ?)", Int64(999), "x")
        }
        #expect(foreign?.code == .constraintViolation)
        #expect(foreign?.sqliteMessage?.contains("FOREIGN KEY") == true)
    }

    @Test("values of every bound type read back as written")
    func bindingRoundTrip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.path("v.sqlite"), migrations: [])
        try connection.execute("CREATE TABLE v (i INTEGER, d REAL, t TEXT, n TEXT, b INTEGER, at REAL)")
        let date = Date(timeIntervalSinceReferenceDate: 812_345_678.123_456_7)
        let text = "Привет, 🌍 \u{0}end"
        try connection.run(
            "INSERT INTO v VALUES (?, ?, ?, ?, ?, ?)", Int64.min, 3.25, text, String?.none, true, date)
        let statement = try connection.statement("SELECT i, d, t, n, b, at FROM v")
        #expect(try statement.step())
        #expect(statement.int64(0) == Int64.min)
        #expect(statement.double(1) == 3.25)
        #expect(statement.text(2) == text)
        #expect(statement.optionalText(3) == nil)
        #expect(statement.int64(4) == 1)
        #expect(statement.date(5) == date)
        #expect(try !statement.step())
    }

    @Test("a second connection to the same file sees committed data and waits for the write lock")
    func twoConnections() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("shared.sqlite")
        let first = try SQLiteConnection(path: path, migrations: Self.migrations)
        let second = try SQLiteConnection(
            path: path, configuration: SQLiteConfiguration(busyTimeoutMilliseconds: 50), migrations: Self.migrations)
        try first.run("INSERT INTO item (name) VALUES (?)", "shared")
        #expect(try second.scalarText("SELECT name FROM item") == "shared")
        try first.execute("BEGIN IMMEDIATE")
        let busy = #expect(throws: SQLiteError.self) { try second.write { () } }
        #expect(busy?.code == .busy)
        try first.execute("COMMIT")
        try second.write { try second.run("INSERT INTO item (name) VALUES (?)", "second") }
        #expect(try first.scalarInt("SELECT count(*) FROM item") == 2)
    }
}
