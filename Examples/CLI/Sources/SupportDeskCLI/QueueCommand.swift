public import ArgumentParser
import SupportDesk

/// `support-desk queue …`: the support queue.
public struct QueueCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "queue", abstract: "Claim the oldest ticket or list the support queue.",
        subcommands: [Claim.self, List.self])

    public init() {}

    /// `queue claim --agent <name>`.
    public struct Claim: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Take the oldest ticket of the queue (atomic: two agents never get the same ticket).")
        @OptionGroup public var global: GlobalOptions
        @Option(name: .long, help: "The agent.") public var agent: String
        public init() {}

        public func run() async throws {
            try await HelpCenterSession.run(global) {
                let session = try HelpCenterSession(global)
                let ticket = try await session.center.claimNext(agent: Agent.ID(agent))
                if global.json {
                    Output.printJSON(ticket.map(TicketRendering.json) ?? .null)
                } else if let ticket {
                    print(TicketRendering.line(ticket, global.language))
                } else {
                    print(global.language == .ru ? "Очередь пуста." : "The queue is empty.")
                }
            }
        }
    }

    /// `queue list`.
    public struct List: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "List the queue, oldest first (a refreshed ticket counts from its refresh).")
        @OptionGroup public var global: GlobalOptions
        public init() {}

        public func run() async throws {
            try await HelpCenterSession.run(global) {
                let session = try HelpCenterSession(global)
                var tickets: [Ticket] = []
                var cursor: PageCursor?
                repeat {
                    let page = try await session.center.queue(agent: "support", after: cursor, limit: 100)
                    tickets += page.items
                    cursor = page.next
                } while cursor != nil
                if global.json {
                    Output.printJSON(.array(tickets.map(TicketRendering.json)))
                } else {
                    for ticket in tickets { print(TicketRendering.line(ticket, global.language)) }
                    if tickets.isEmpty { print(global.language == .ru ? "Очередь пуста." : "The queue is empty.") }
                }
            }
        }
    }
}
