import Foundation

/// Starts the `SupportDeskSQLiteCrashWriter` helper executable (built next to the test bundle) and
/// collects what it printed.
struct CrashWriterProcess {
    struct NotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String {
            "the SupportDeskSQLiteCrashWriter executable was not found (looked in \(searched.joined(separator: ", "))); build the package with `swift build` first"
        }
    }

    /// The helper executable.
    static func executable() throws -> URL {
        var directories: [URL] = []
        if let main = Bundle.main.executableURL { directories.append(main.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        directories.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for directory in directories {
            let candidate = directory.appendingPathComponent("SupportDeskSQLiteCrashWriter")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw NotFound(searched: directories.map(\.path))
    }

    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()

    /// Starts the helper with `arguments`.
    init(_ arguments: [String]) throws {
        process.executableURL = try Self.executable()
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    /// Kills the helper with SIGKILL (no chance to clean up) and waits for it to be gone.
    func kill() {
        _ = Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Waits for the helper to exit by itself, reading its output meanwhile (so a full pipe never blocks it),
    /// and returns the complete lines it printed.
    func waitForLines() -> [Substring] {
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Self.completeLines(data)
    }

    /// The complete lines the helper printed (a line cut by the kill is dropped), once it has exited.
    func lines() -> [Substring] {
        Self.completeLines(output.fileHandleForReading.readDataToEndOfFile())
    }

    private static func completeLines(_ data: Data) -> [Substring] {
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()  // Empty after a final newline, or an incomplete last line.
        return lines
    }

    /// What the helper wrote to standard error.
    func errorText() -> String {
        String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
}
