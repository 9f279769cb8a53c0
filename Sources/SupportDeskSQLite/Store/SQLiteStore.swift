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
/// refused with `unreadableStore`, another application's database with `foreignDatabase`, one written by a
/// newer version of SupportDesk with `incompatibleSchema`; either way the file is left untouched and the
/// error names it. A stored row that cannot be read back fails the operation that reads it (a listing is
/// not shortened) with `unreadableStore`, whose context names the table and the row.
public actor SQLiteStore: SupportDeskStore {
    /// The database file.
    public nonisolated let path: String
    let connection: SQLiteConnection
    let encoder: JSONEncoder
    let decoder = JSONDecoder()
    /// The JSON of actors and history changes seen recently: the same few values repeat in every write.
    var actorJSONCache: [Actor: String] = [:]
    var changeJSONCache: [TicketHistoryEntry.Change: String] = [:]

    /// Opens a store, creating the file if it does not exist and bringing its schema up to date (or, as
    /// ``SQLiteConfiguration/access`` says, only an existing store, or only for reading).
    ///
    /// Nothing is written to an existing file before it is known to be a SupportDesk store: one carrying
    /// SupportDesk's mark (`PRAGMA application_id` `0x5344534B`), an empty database (initialised and
    /// marked), or an unmarked store of an earlier version (recognised by its exact schema, then marked).
    /// Any other file is refused and left byte-for-byte as it was.
    /// - Parameters:
    ///   - path: The database file; its directory must exist. An empty path, `:memory:` and `file:` URIs
    ///     are refused (see ``throwaway(configuration:)`` for a store that keeps nothing).
    ///   - configuration: Durability, locking and access settings (durable, read-write, by default).
    /// - Throws: ``StorageError``: `invalidLocation` (empty path, `:memory:`, `file:` URI),
    ///   `noSuchDatabase` (missing or empty file when the access does not create one), `foreignDatabase`
    ///   (another application's database), `unreadableStore` (not a SQLite database, or damaged),
    ///   `incompatibleSchema` (written by a newer version; or, read-only, an older one), `backendFailure`
    ///   (cannot open or create the file, a migration failed). ``StorageError/Context/location`` is
    ///   `path`, ``StorageError/Context/underlying`` SQLite's own error text.
    public init(path: String, configuration: SQLiteConfiguration = .default) throws(StorageError) {
        let connection: SQLiteConnection
        do {
            connection = try SQLiteConnection(
                path: path, configuration: configuration, migrations: SQLiteSchema.migrations)
        } catch {
            throw Self.storageError(error)
        }
        self.init(connection: connection)
    }

    /// Opens a throwaway store in memory: it works like a file store, but **everything written to it is
    /// lost when it is released**. Meant for tests, previews and demos, never for data that must be kept.
    /// - Parameter configuration: The statement-cache and page-cache settings (access and durability do
    ///   not apply).
    /// - Returns: An empty store whose ``path`` is `:memory:`.
    /// - Throws: ``StorageError`` `backendFailure` when SQLite cannot open it.
    public static func throwaway(configuration: SQLiteConfiguration = .default) throws(StorageError) -> SQLiteStore {
        do {
            return SQLiteStore(
                connection: try SQLiteConnection(inMemoryWith: configuration, migrations: SQLiteSchema.migrations))
        } catch {
            throw storageError(error)
        }
    }

    private init(connection: SQLiteConnection) {
        self.path = connection.path
        self.connection = connection
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
            case .newerSchemaVersion, .olderSchemaVersion: .incompatibleSchema
            case .foreignDatabase: .foreignDatabase
            case .noSuchDatabase: .noSuchDatabase
            case .invalidLocation: .invalidLocation
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

    func decode<T: Decodable>(
        _ type: T.Type, _ text: String, column: String, of row: SQLiteStoredRow
    ) throws(StorageError) -> T {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw row.undecodable(column, error)
        }
    }

    /// A ticket's row, for errors about it.
    func ticketRow(_ id: Ticket.ID, number: Ticket.Number?) -> SQLiteStoredRow {
        SQLiteStoredRow(
            table: "tickets", record: number.map { "ticket \($0) (id \(id))" } ?? "ticket \(id)",
            context: StorageError.Context(ticketID: id, ticketNumber: number, location: path))
    }

    static func checkLimit(_ limit: Int) throws(StorageError) {
        guard limit >= 1 else { throw StorageError.invalidLimit(limit) }
    }
}
