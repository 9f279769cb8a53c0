#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a catalog file with bounded memory: the file's kind and size are checked (`stat`) before it is
/// opened, it is opened without blocking (a FIFO never stalls the caller), and at most `limit + 1` bytes
/// are read, whatever the file claims.
struct CatalogFileReader {
    /// The path read, named in every error.
    let path: String
    /// The most bytes accepted.
    let limit: Int

    /// Reads the whole file.
    /// - Returns: The file's bytes (at most `limit`).
    /// - Throws: ``CatalogError`` with a file code (`fileNotFound`, `fileIsDirectory`, `fileTooLarge`, …).
    func read() throws(CatalogError) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else { throw failure(errno: errno, doing: "inspect") }
        try check(status)
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw failure(errno: errno, doing: "open") }
        defer { _ = close(descriptor) }
        // The path may have been swapped between `stat` and `open`: check what was actually opened.
        guard fstat(descriptor, &status) == 0 else { throw failure(errno: errno, doing: "inspect") }
        try check(status)
        return try readAll(descriptor)
    }

    private func check(_ status: stat) throws(CatalogError) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw error(.fileIsDirectory, "is a directory, not a catalog file")
        case S_IFIFO, S_IFSOCK: throw error(.fileIsPipe, "is a pipe or socket, not a regular file; it is not read")
        case S_IFCHR, S_IFBLK: throw error(.fileIsDevice, "is a device, not a regular file; it is not read")
        default: throw error(.fileUnreadable, "is not a regular file")
        }
        if status.st_size > limit { throw tooLarge(Int(status.st_size)) }
    }

    private func readAll(_ descriptor: Int32) throws(CatalogError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(errno: errno, doing: "read")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
        throw tooLarge(nil)
    }

    private func tooLarge(_ size: Int?) -> CatalogError {
        let actual = size.map { " (\($0) bytes)" } ?? ""
        return error(.fileTooLarge, "is larger than the \(limit)-byte limit for a catalog file\(actual)")
    }

    private func failure(errno code: Int32, doing action: String) -> CatalogError {
        let reason = String(cString: strerror(code))
        switch code {
        case ENOENT, ENOTDIR: return error(.fileNotFound, "does not exist")
        case EISDIR: return error(.fileIsDirectory, "is a directory, not a catalog file")
        default: return error(.fileUnreadable, "cannot be read (\(action): \(reason))")
        }
    }

    private func error(_ code: CatalogIssue.Code, _ problem: String) -> CatalogError {
        CatalogError(
            source: path, issues: [CatalogIssue(path: "", code: code, message: "the catalog file \(path) \(problem)")])
    }
}

/// `read(2)`, named apart from ``CatalogFileReader/read()``.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
