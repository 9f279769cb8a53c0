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
    public init(
        synchronous: Synchronous = .full, busyTimeoutMilliseconds: Int = 5_000, statementCacheCapacity: Int = 64,
        pageCacheKilobytes: Int = 8_192, verifiesIntegrityOnOpen: Bool = false
    ) {
        self.pageCacheKilobytes = pageCacheKilobytes
        self.synchronous = synchronous
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.statementCacheCapacity = statementCacheCapacity
        self.verifiesIntegrityOnOpen = verifiesIntegrityOnOpen
    }

    /// The durable default: `synchronous=FULL`, a 5-second busy timeout.
    public static let `default` = SQLiteConfiguration()
}
