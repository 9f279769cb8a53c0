public import ArgumentParser
import SupportDesk

/// `support-desk outbox …`: the notifications written with ticket events.
public struct OutboxCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "List the notification outbox or deliver what is due to a file.",
        subcommands: [List.self, Deliver.self])

    public init() {}

    /// `outbox list`.
    public struct List: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "List every notification in the order written.")
        @OptionGroup public var global: GlobalOptions
        public init() {}

        public func run() async throws {
            try await HelpCenterSession.run(global) {
                let session = try HelpCenterSession(global)
                var all: [OutboxNotification] = []
                var cursor: PageCursor?
                repeat {
                    let page = try await session.store.notifications(after: cursor, limit: 200)
                    all += page.items
                    cursor = page.next
                } while cursor != nil
                if global.json {
                    Output.printJSON(.array(all.map(TicketRendering.json)))
                    return
                }
                for notification in all {
                    print(
                        "#\(notification.sequence)  \(notification.ticketNumber)  \(notification.kind)  → "
                            + "\(notification.recipient)  [\(notification.status.rawValue)"
                            + (notification.attempts > 0 ? ", \(notification.attempts) failed" : "") + "]")
                }
                if all.isEmpty { print(global.language == .ru ? "Уведомлений нет." : "No notifications.") }
            }
        }
    }

    /// `outbox deliver [--to <file>]`.
    public struct Deliver: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Deliver the due notifications by appending them to a file, one JSON line each.",
            discussion: "Stands in for an email gateway: failures are retried with backoff, then dead-lettered.")
        @OptionGroup public var global: GlobalOptions
        @Option(name: .long, help: ArgumentHelp("The file to append to.", valueName: "path"))
        public var to: String = "./outbox.jsonl"
        public init() {}

        public func run() async throws {
            try await HelpCenterSession.run(global) {
                let session = try HelpCenterSession(global)
                let worker = session.center.deliveryWorker(to: FileNotificationSink(path: to))
                let report = try await worker.deliverDue()
                if global.json {
                    Output.printJSON([
                        "delivered": .number(String(report.delivered.count)),
                        "retried": .number(String(report.retried.count)),
                        "deadLettered": .number(String(report.deadLettered.count)), "file": .string(to),
                    ])
                } else {
                    print(
                        global.language == .ru
                            ? "Доставлено: \(report.delivered.count), отложено: \(report.retried.count), "
                                + "в недоставленные: \(report.deadLettered.count) → \(to)"
                            : "Delivered \(report.delivered.count), retrying \(report.retried.count), "
                                + "dead-lettered \(report.deadLettered.count) → \(to)")
                }
            }
        }
    }
}
