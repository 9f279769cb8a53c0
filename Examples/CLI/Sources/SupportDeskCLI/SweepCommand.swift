public import ArgumentParser
import SupportDesk

/// `support-desk sweep`: close tickets whose customer did not reply in time, send due reminders.
public struct SweepCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Close the tickets waiting more than 2 days for the customer (as of --now); prints what it closed.",
        discussion: "Idempotent and safe to run from several processes at once; run it from cron every few minutes.")
    @OptionGroup public var global: GlobalOptions
    public init() {}

    public func run() async throws {
        try await HelpCenterSession.run(global) {
            let session = try HelpCenterSession(global)
            let report = try await session.center.sweep()
            if global.json {
                Output.printJSON([
                    "closed": .array(report.closed.map { .string($0.number.description) }),
                    "reminded": .array(report.reminded.map { .string($0.number.description) }),
                    "skipped": .array(report.skipped.map { .string($0.description) }),
                ])
                return
            }
            let ru = global.language == .ru
            for ticket in report.closed {
                print(
                    ru
                        ? "закрыта: \(ticket.number) (нет ответа клиента)"
                        : "closed: \(ticket.number) (no customer reply)")
            }
            for ticket in report.reminded { print(ru ? "напоминание: \(ticket.number)" : "reminded: \(ticket.number)") }
            if report.closed.isEmpty, report.reminded.isEmpty {
                print(ru ? "Нечего закрывать." : "Nothing is due.")
            }
        }
    }
}
