/// How a SQLite database is opened: durability, lock waiting and the statement cache.
///
/// The defaults are durable: `synchronous=FULL` in WAL mode makes every committed transaction survive
/// a crash of the process **and** a power loss or operating-system crash. `NORMAL` keeps the database
/// consistent after any crash and keeps every commit across a crash of the process, but the last
/// transactions before a power loss may roll back; it is roughly twice as fast for small writes.
public struct SQLiteConfiguration: Hashable, Sendable {
    /// SQLite's `PRAGMA synchronous` levels that make sense in WAL mode.
    public enum Synchronous: String, Hashable, Sendable {
        /// Every commit is synced to disk before it returns (the default): durable across power loss.
        case full = "FULL"
        /// Syncs only at checkpoints: consistent after any crash; the last commits may be lost on power loss.
        case normal = "NORMAL"
    }

    /// How a store may use its file: create it, only open an existing one, or only read it.
    public enum Access: String, Hashable, Sendable {
        /// Opens the file for reading and writing, creating it when it does not exist, and brings an older
        /// schema up to date (the default).
        case readWrite
        /// Opens an existing store for reading and writing (and brings an older schema up to date); a
        /// missing file is refused with `noSuchDatabase` and nothing is created.
        case readWriteExisting
        /// Opens an existing store for reading only: nothing is created, migrated or written (writes fail).
        /// A missing file, an empty one, or a database without SupportDesk's tables is refused with
        /// `noSuchDatabase`; a schema older or newer than this version's with `incompatibleSchema`.
        case readOnly

        /// Whether a missing file is created.
        var createsFile: Bool { self == .readWrite }
        /// Whether the file may be written (marked, switched to WAL, migrated).
        var writes: Bool { self != .readOnly }
    }

    /// How the file is opened; ``Access/readWrite`` (create if missing) by default.
    public var access: Access
    /// The durability level (`PRAGMA synchronous`); ``Synchronous/full`` by default.
    public var synchronous: Synchronous
    /// How long a statement waits for another connection's lock before failing with `busy`, in
    /// milliseconds (`PRAGMA busy_timeout`); 5,000 by default.
    public var busyTimeoutMilliseconds: Int
    /// The most prepared statements kept for reuse; 64 by default.
    public var statementCacheCapacity: Int
    /// The page cache of the connection in KiB (`PRAGMA cache_size=-N`); 8,192 (8 MiB) by default.
    public var pageCacheKilobytes: Int
    /// Whether opening runs `PRAGMA quick_check` (reads the whole file, so it costs in proportion to its
    /// size) and refuses a damaged database; off by default (damage to the header and schema is always
    /// detected).
    public var verifiesIntegrityOnOpen: Bool

    /// Creates a configuration.
    /// - Parameters:
    ///   - synchronous: The durability level.
    ///   - busyTimeoutMilliseconds: How long to wait for another connection's lock.
    ///   - statementCacheCapacity: The most prepared statements kept for reuse.
    ///   - pageCacheKilobytes: The page cache in KiB.
    ///   - verifiesIntegrityOnOpen: Whether opening checks the whole file.
    ///   - access: Whether the file is created, must exist, or is only read.
    public init(
        synchronous: Synchronous = .full, busyTimeoutMilliseconds: Int = 5_000, statementCacheCapacity: Int = 64,
        pageCacheKilobytes: Int = 8_192, verifiesIntegrityOnOpen: Bool = false, access: Access = .readWrite
    ) {
        self.access = access
        self.pageCacheKilobytes = pageCacheKilobytes
        self.synchronous = synchronous
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.statementCacheCapacity = statementCacheCapacity
        self.verifiesIntegrityOnOpen = verifiesIntegrityOnOpen
    }

    /// The durable default: `synchronous=FULL`, a 5-second busy timeout, read-write, created if missing.
    public static let `default` = SQLiteConfiguration()

    /// The default settings for reading an existing store only (``Access/readOnly``).
    public static let readOnly = SQLiteConfiguration(access: .readOnly)
}
