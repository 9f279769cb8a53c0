import Foundation
import SupportDesk
import Testing

@testable import SupportDeskSQLite

@Suite("SQLite read-only and must-exist opens")
struct SQLiteReadOnlyTests {
    @Test(
        "a missing file opened read-only or read-write-existing is noSuchDatabase and nothing is created",
        arguments: [SQLiteConfiguration.Access.readOnly, .readWriteExisting])
    func missingFile(access: SQLiteConfiguration.Access) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("missing.sqlite")
        let error = #expect(throws: StorageError.self) {
            try SQLiteStore(path: path, configuration: SQLiteConfiguration(access: access))
        }
        #expect(error?.code == .noSuchDatabase)
        #expect(error?.context.location == path)
        #expect(error?.message.contains(path) == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
    }

    @Test("an empty file opened read-only is noSuchDatabase and stays empty")
    func emptyFileReadOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("empty.sqlite")
        FileManager.default.createFile(atPath: path, contents: Data())
        SQLiteFileOwnershipTests.expectRefused(path, .noSuchDatabase, configuration: .readOnly)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["empty.sqlite"])
    }

    @Test("a store opened read-only reads what was written; its writes fail and change nothing")
    func readsButDoesNotWrite() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("store.sqlite")
        let account = try Account(company: "Acme", members: [EmailAddress("a@acme.test")], createdAt: Date())
        do { try await SQLiteStore(path: path).createAccount(account) }
        let reader = try SQLiteStore(path: path, configuration: .readOnly)
        #expect(try await reader.account(id: account.id) == account)
        #expect(await reader.schemaVersion == SQLiteSchema.latestVersion)
        let other = try Account(company: "Other", members: [EmailAddress("b@other.test")], createdAt: Date())
        let refused = await #expect(throws: StorageError.self) { try await reader.createAccount(other) }
        #expect(refused?.code == .backendFailure)
        #expect(refused?.message.contains("readonly") == true, "\(String(describing: refused))")
        #expect(try await reader.account(id: other.id) == nil)
    }

    @Test("a read-only open of an older schema is incompatibleSchema and does not migrate")
    func olderSchemaReadOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("old.sqlite")
        do { _ = try SQLiteConnection(path: path, migrations: []) }  // Ours, at schema version 0.
        SQLiteFileOwnershipTests.expectRefused(path, .incompatibleSchema, mentioning: "older", configuration: .readOnly)
        #expect(try RawDatabase.integer(path, "PRAGMA user_version") == 0)
    }

    @Test("a read-only open of an unmarked store of an earlier version reads it and does not mark it")
    func legacyReadOnly() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("legacy.sqlite")
        let sql = SQLiteSchema.migrations.map(\.sql).joined(separator: ";\n")
        try RawDatabase.execute(path, "\(sql); PRAGMA user_version=\(SQLiteSchema.latestVersion);")
        let before = RawDatabase.Snapshot(path)
        do {
            let reader = try SQLiteStore(path: path, configuration: .readOnly)
            #expect(try await reader.queue(after: nil, limit: 5).items.isEmpty)
        }
        #expect(RawDatabase.Snapshot(path) == before)
    }

    @Test("a foreign database is refused read-only too, byte-identical")
    func foreignReadOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("f.db")
        try RawDatabase.execute(path, "CREATE TABLE users(id INTEGER PRIMARY KEY);")
        SQLiteFileOwnershipTests.expectRefused(path, .foreignDatabase, configuration: .readOnly)
    }
}
