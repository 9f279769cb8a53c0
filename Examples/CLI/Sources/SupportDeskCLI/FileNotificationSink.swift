import Foundation
public import SupportDesk

/// A ``NotificationSink`` that appends each notification to a file as one JSON line — a stand-in for an
/// email gateway in the examples (the library sends no email).
public struct FileNotificationSink: NotificationSink {
    /// The file appended to.
    public let path: String

    /// Creates a sink.
    /// - Parameter path: The file; created when missing.
    public init(path: String) { self.path = path }

    /// Appends `{"to": …, "ticket": …, "kind": …, "body": …}` and a newline, and syncs the file.
    /// - Parameter notification: The notification.
    /// - Throws: File-system errors.
    public func deliver(_ notification: OutboxNotification) async throws {
        let line: JSONValue = [
            "id": .string(notification.id.rawValue), "to": .string(notification.recipient.rawValue),
            "ticket": .string(notification.ticketNumber.description), "kind": .string(notification.kind.rawValue),
            "createdAt": .string(TicketRendering.iso(notification.createdAt)), "body": .string(notification.body),
        ]
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line.serialized() + "\n").utf8))
        try handle.synchronize()
    }
}
