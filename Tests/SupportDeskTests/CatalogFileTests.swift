import Foundation
import SupportDesk
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `Catalog.load(contentsOfFile:)` on files that are not catalogs: every case gets its own code and a
/// message naming the path, and nothing is read beyond the size limit.
@Suite struct CatalogFileTests {
    /// A fresh temporary directory, removed after `body`.
    private func withDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "catalog-file-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    /// The single issue of loading `path`, checked to name the path.
    private func issue(loading path: String) throws -> CatalogIssue {
        let error = try #require(throws: CatalogError.self) { try Catalog.load(contentsOfFile: path) }
        #expect(error.source == path)
        #expect(error.issues.count == 1)
        let issue = try #require(error.issues.first)
        #expect(issue.message.contains(path), "\(issue.message)")
        return issue
    }

    /// Expects loading `path` to fail with `code` alone.
    private func expectCode(_ code: CatalogIssue.Code, loading path: String) throws {
        let found = try issue(loading: path)
        #expect(found.code == code, "\(found)")
    }

    @Test func theShippedFileLoads() throws {
        let path = try #require(Catalog.twinHelpCenterPath)
        #expect(try Catalog.load(contentsOfFile: path).topics.count == 17)
    }

    @Test func aMissingFileIsFileNotFound() throws {
        try withDirectory { directory in
            try expectCode(.fileNotFound, loading: directory + "/absent.json")
            let file = directory + "/plain"
            #expect(FileManager.default.createFile(atPath: file, contents: Data("{}".utf8)))
            try expectCode(.fileNotFound, loading: file + "/below-a-file.json")
        }
    }

    @Test func aDirectoryIsFileIsDirectory() throws {
        try withDirectory { directory in
            try expectCode(.fileIsDirectory, loading: directory)
        }
    }

    @Test func aFIFOIsRejectedWithoutBlocking() throws {
        try withDirectory { directory in
            let path = directory + "/pipe.json"
            try #require(mkfifo(path, 0o600) == 0)
            // No writer ever opens the FIFO: a blocking open or read would hang this test.
            try expectCode(.fileIsPipe, loading: path)
        }
    }

    @Test(arguments: ["/dev/null", "/dev/zero", "/dev/urandom"])
    func aDeviceIsFileIsDevice(path: String) throws {
        try expectCode(.fileIsDevice, loading: path)
    }

    @Test func aHugeSparseFileIsTooLargeWithoutBeingRead() throws {
        try withDirectory { directory in
            let path = directory + "/huge.json"
            #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8)))
            try #require(truncate(path, 1 << 30) == 0)
            let found = try issue(loading: path)
            #expect(found.code == .fileTooLarge)
            #expect(found.message.contains(String(Catalog.maxFileBytes)))
        }
    }

    @Test func aFileOneByteOverTheLimitIsTooLarge() throws {
        try withDirectory { directory in
            let path = directory + "/big.json"
            let atLimit = Data(repeating: UInt8(ascii: " "), count: Catalog.maxFileBytes)
            #expect(FileManager.default.createFile(atPath: path, contents: atLimit))
            // At the limit the file is read and parsed (only whitespace: not JSON).
            let parsed = try #require(throws: CatalogError.self) { try Catalog.load(contentsOfFile: path) }
            #expect(parsed.issues.map(\.code) == [.invalidJSON])
            #expect(FileManager.default.createFile(atPath: path, contents: atLimit + Data(" ".utf8)))
            try expectCode(.fileTooLarge, loading: path)
        }
    }

    @Test func contentProblemsStillNameTheFile() throws {
        try withDirectory { directory in
            let path = directory + "/broken.json"
            #expect(FileManager.default.createFile(atPath: path, contents: Data("{\"schemaVersion\": 1,".utf8)))
            let error = try #require(throws: CatalogError.self) { try Catalog.load(contentsOfFile: path) }
            #expect(error.source == path)
            #expect(error.issues.map(\.code) == [.invalidJSON])
        }
    }
}
