#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A ``SupportDeskStore`` in a SQLite database file: accounts, tickets with their comments and history,
/// the notification outbox and the change feed, each operation one transaction.
///
/// The store is an actor: it owns one connection and runs one operation at a time. Several processes may
/// open the same file at once (the CLI, a server, a sweep job): the file is in WAL mode, so readers never
/// block the writer; writes take the write lock up front (`BEGIN IMMEDIATE`) and wait for it up to the
/// busy timeout; the queue claim, the number allocation and optimistic version checks happen under that
/// lock, so they are atomic across processes too.
///
/// SQLite calls are synchronous: while an operation waits for the disk (`fsync`) or for another process's
/// write lock (up to the busy timeout), it occupies the thread running the actor. Keep the busy timeout short
/// where many processes share a file, and prefer one store per process (it is safe to share across tasks).
/// The file is closed when the store is released.
///
/// Durability: by default every operation that returns has been synced to disk (`synchronous=FULL`), so
/// a ticket whose creation returned survives a crash of the process or of the machine. See
/// ``SQLiteConfiguration`` to trade that for speed.
///
/// Opening checks the file before writing to it: a file that is not a SQLite database or is damaged is
/// refused with `unreadableStore`, one written by a newer version of SupportDesk with
/// `incompatibleSchema`; either way the file is left untouched and the error names it.
public actor SQLiteStore: SupportDeskStore {
    /// The database file.
    public nonisolated let path: String
    let connection: SQLiteConnection
    let encoder: JSONEncoder
    let decoder = JSONDecoder()
    /// The JSON of actors and history changes seen recently: the same few values repeat in every write.
    var actorJSONCache: [Actor: String] = [:]
    var changeJSONCache: [TicketHistoryEntry.Change: String] = [:]

    /// Opens a store, creating the file if it does not exist and bringing its schema up to date.
    /// - Parameters:
    ///   - path: The database file; its directory must exist.
    ///   - configuration: Durability and locking settings (durable by default).
    /// - Throws: ``StorageError``: `unreadableStore` (not a SQLite database, or damaged),
    ///   `incompatibleSchema` (written by a newer version), `backendFailure` (cannot open or create the
    ///   file, a migration failed). ``StorageError/Context/location`` is `path`,
    ///   ``StorageError/Context/underlying`` SQLite's own error text.
    public init(path: String, configuration: SQLiteConfiguration = .default) throws(StorageError) {
        self.path = path
        do {
            self.connection = try SQLiteConnection(
                path: path, configuration: configuration, migrations: SQLiteSchema.migrations)
        } catch {
            throw Self.storageError(error)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.encoder = encoder
    }

    /// The schema version of the file (`PRAGMA user_version`).
    public var schemaVersion: Int { connection.schemaVersion }

    // MARK: Running operations

    /// Runs `body`, turning SQLite errors into ``StorageError``s.
    func perform<T>(_ body: () throws -> T) throws(StorageError) -> T {
        do {
            return try body()
        } catch let error as StorageError {
            throw error
        } catch let error as SQLiteError {
            throw Self.storageError(error)
        } catch {
            throw StorageError(
                .backendFailure, "\(path): \(error)",
                context: StorageError.Context(location: path, underlying: "\(error)"))
        }
    }

    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`), turning SQLite errors into ``StorageError``s.
    func writing<T>(_ body: () throws -> T) throws(StorageError) -> T {
        try perform { try connection.write(body) }
    }

    /// Runs `body` in one read transaction, so its queries see one snapshot.
    func reading<T>(_ body: () throws -> T) throws(StorageError) -> T {
        try perform { try connection.read(body) }
    }

    static func storageError(_ error: SQLiteError) -> StorageError {
        let code: StorageError.Code =
            switch error.code {
            case .notADatabase, .corrupt, .invalidStoredValue: .unreadableStore
            case .newerSchemaVersion: .incompatibleSchema
            default: .backendFailure
            }
        return StorageError(
            code, error.description,
            context: StorageError.Context(location: error.path, underlying: error.sqliteMessage ?? error.message))
    }

    // MARK: JSON columns

    func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func json(_ fields: FieldValues) throws -> String {
        if let fast = SQLiteJSON.fieldValues(fields) { return fast }
        return String(decoding: try encoder.encode(fields), as: UTF8.self)
    }

    func json(_ actor: Actor) throws -> String {
        if let cached = actorJSONCache[actor] { return cached }
        let text = String(decoding: try encoder.encode(actor), as: UTF8.self)
        if actorJSONCache.count >= 512 { actorJSONCache.removeAll(keepingCapacity: true) }
        actorJSONCache[actor] = text
        return text
    }

    func json(_ change: TicketHistoryEntry.Change) throws -> String {
        if case .commented = change { return String(decoding: try encoder.encode(change), as: UTF8.self) }
        if let cached = changeJSONCache[change] { return cached }
        let text = String(decoding: try encoder.encode(change), as: UTF8.self)
        if changeJSONCache.count >= 512 { changeJSONCache.removeAll(keepingCapacity: true) }
        changeJSONCache[change] = text
        return text
    }

    func decode<T: Decodable>(_ type: T.Type, _ text: String, column: String) throws -> T {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw SQLiteError(.invalidStoredValue, "the stored \(column) cannot be read: \(error)", path: path)
        }
    }

    func invalidStored(_ column: String, _ value: String) -> SQLiteError {
        SQLiteError(.invalidStoredValue, "the stored \(column) “\(value)” is not valid", path: path)
    }

    static func checkLimit(_ limit: Int) throws(StorageError) {
        guard limit >= 1 else { throw StorageError.invalidLimit(limit) }
    }
}
