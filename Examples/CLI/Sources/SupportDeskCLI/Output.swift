public import Foundation
public import SupportDesk

/// Writing results: text for people, JSON for programs, errors to standard error.
public enum Output {
    /// Prints a JSON value on one line (or pretty when asked).
    public static func printJSON(_ value: JSONValue, pretty: Bool = false) {
        print(value.serialized(pretty: pretty))
    }

    /// Writes a line to standard error.
    public static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Reads all of standard input.
    public static func readStandardInput() -> Data {
        FileHandle.standardInput.readDataToEndOfFile()
    }
}
