#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks an existing file's first 100 bytes (the SQLite database header) without opening it through
/// SQLite, so a file that is not a database, or is visibly damaged, is refused before anything could
/// write to it.
///
/// See <https://www.sqlite.org/fileformat.html#the_database_header>.
enum SQLiteFileHeader {
    /// The magic string every SQLite 3 database starts with, `"SQLite format 3\0"`.
    static let magic: [UInt8] = Array("SQLite format 3".utf8) + [0]

    /// What the file at a path holds, as far as its header tells.
    enum Found: Equatable {
        /// There is no file (or a dangling link).
        case missing
        /// The file is empty: a new database.
        case empty
        /// A SQLite database with a valid header and this `PRAGMA application_id` (0 when unset).
        case database(applicationID: UInt32)
    }

    /// Validates the file at `path` if it exists and is not empty (a missing or empty file is a new database).
    /// - Parameter path: The database file.
    /// - Returns: Whether the file is missing, empty, or a database (with the application id in its header).
    /// - Throws: ``SQLiteError`` `notADatabase` or `corrupt` naming the file and what is wrong.
    static func inspect(path: String) throws(SQLiteError) -> Found {
        var info = stat()
        guard stat(path, &info) == 0 else {
            // Missing: SQLite creates it (or reports why it can't).
            if errno == ENOENT { return .missing }
            throw SQLiteError(.openFailed, "cannot be examined: \(String(cString: strerror(errno)))", path: path)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw SQLiteError(.notADatabase, "is not a SQLite database: it is \(kind(of: info.st_mode))", path: path)
        }
        let size = Int64(info.st_size)
        guard size > 0 else { return .empty }
        guard size >= 100 else {
            throw SQLiteError(
                .notADatabase, "is not a SQLite database: it is \(size) bytes long, shorter than the 100-byte header",
                path: path)
        }
        let header = try readHeader(path: path)
        guard Array(header[0..<16]) == magic else {
            throw SQLiteError(
                .notADatabase, "is not a SQLite database: it does not start with the “SQLite format 3” header",
                path: path)
        }
        let rawPageSize = Int64(header[16]) << 8 | Int64(header[17])
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        guard pageSize >= 512, pageSize <= 65_536, pageSize & (pageSize - 1) == 0 else {
            throw SQLiteError(
                .corrupt, "is a damaged SQLite database: its header gives an impossible page size \(rawPageSize)",
                path: path)
        }
        let changeCounter = bigEndian32(header, at: 24)
        let pageCount = Int64(bigEndian32(header, at: 28))
        let validFor = bigEndian32(header, at: 92)
        // The in-header size is valid only when "version-valid-for" matches the change counter. While a
        // write-ahead log holds pages not yet copied back, the file may legitimately be shorter (a
        // checkpoint interrupted by a crash); SQLite recovers from the log, so the check is skipped then.
        if validFor == changeCounter, pageCount > 0, !hasNonEmptyWriteAheadLog(path: path) {
            let expected = pageCount * pageSize
            guard size >= expected else {
                throw SQLiteError(
                    .corrupt,
                    "is a damaged SQLite database: it is truncated (\(size) bytes, its header says \(pageCount) pages of \(pageSize) bytes = \(expected) bytes)",
                    path: path)
            }
        }
        return .database(applicationID: bigEndian32(header, at: 68))
    }

    private static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    private static func readHeader(path: String) throws(SQLiteError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw SQLiteError(.openFailed, "cannot be read: \(String(cString: strerror(errno)))", path: path)
        }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 100)
        var filled = 0
        while filled < 100 {
            let count = header.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + filled }, 100 - filled)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw SQLiteError(.openFailed, "cannot read its first 100 bytes", path: path)
            }
            filled += count
        }
        return header
    }

    private static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }

    private static func hasNonEmptyWriteAheadLog(path: String) -> Bool {
        var info = stat()
        return stat(path + "-wal", &info) == 0 && info.st_size > 0
    }
}
