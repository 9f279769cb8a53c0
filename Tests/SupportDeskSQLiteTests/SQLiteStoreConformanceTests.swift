import SupportDeskSQLite
import SupportDeskTesting
import Testing

/// The shared storage conformance kit, run against SQLite files (durable settings, as shipped).
@Suite("SQLiteStore conformance")
struct SQLiteStoreConformanceTests {
    @Test(arguments: StoreConformance.checkNames)
    func conformance(_ check: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("conformance.sqlite")
        try await StoreConformance(makeStore: { try SQLiteStore(path: path) }).run(check)
    }
}
