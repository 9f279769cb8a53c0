public import ArgumentParser
import Foundation
import SupportDesk

/// `support-desk ticket …`: create, comment on, show, list and refresh tickets.
public struct TicketCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ticket", abstract: "Create, comment on, show, list and refresh tickets.",
        subcommands: [Create.self, Comment.self, Show.self, List.self, Refresh.self, Resolve.self, Close.self])

    public init() {}

    /// `ticket create --as <email> --topic <topic-id>` with the form's values as JSON on standard input.
    public struct Create: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Create a ticket from a form (field values as a JSON object on standard input).",
            discussion: "Prints the ticket number. Validation problems are listed with their field paths; exit 1.")
        @OptionGroup public var global: GlobalOptions
        @Option(name: .customLong("as"), help: ArgumentHelp("The customer (a member email).", valueName: "email"))
        public var customer: String
        @Option(name: .long, help: ArgumentHelp("The topic, e.g. chat-dialog.", valueName: "topic-id"))
        public var topic: String
        public init() {}

        public func run() async throws {
            try await HelpCenterSession.run(global) {
                let session = try HelpCenterSession(global)
                let input = Output.readStandardInput()
                let validator = FormValidator(catalog: session.catalog)
                switch validator.validate(topic: Topic.ID(topic), json: input) {
                case .failure(let failure):
                    FormCommand.printIssues(failure, global: global)
                    throw ExitCode(1)
                case .success(let submission):
                    let ticket = try await session.center.createTicket(
                        submission, by: .customer(try EmailAddress(customer)))
                    if global.json {
                        Output.printJSON(TicketRendering.json(ticket))
                    } else {
                        print(ticket.number)
                    }
                }
            }
        }
    }

    /// `ticket comment <number> --as <email>|--agent <name> [--internal] [--ask] --text <text>`.
    public struct Comment: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Comment on a ticket as the customer or an agent.",
            discussion: """
                An agent's --ask puts the ticket into waiting for the customer with a reply deadline; the \
                customer's comment on such a ticket is the answer and moves it back to in progress. \
                --internal comments are for agents only.
                """)
        @OptionGroup public var global: GlobalOptions
        @Argument(help: "The ticket number, e.g. TW-1042.") public var number: String
        @OptionGroup public var actor: ActorOptions
        @Flag(name: .long, help: "An internal note, never shown to the customer (agents only).") public var `internal` =
            false
        @Flag(name: .long, help: "The comment asks the customer something (agents only).") public var ask = false
        @Option(name: .long, help: "The comment's text.") public var text: String
        public init() {}

        public func run() async throws {
            try await HelpCenterSession.run(global) {
                let session = try HelpCenterSession(global)
                let view = try await session.center.comment(
                    on: try Ticket.Number(number), by: try actor.requiredActor(), text: text,
                    visibility: `internal` ? .internal : .public,
                    asks: ask)
                if global.json {
                    Output.printJSON(TicketRendering.json(view))
                } else {
                    print(TicketRendering.line(view.ticket, global.language))
                }
            }
        }
    }

    /// `ticket show <number> [--as <email>|--agent <name>]`.
    public struct Show: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Show a ticket as one person may see it (a customer never sees internal comments).",
            discussion: "Without --as or --agent the ticket is shown as an agent (\"support\") sees it.")
        @OptionGroup public var global: GlobalOptions
        @Argument(help: "The ticket number, e.g. TW-1042.") public var number: String
        @OptionGroup public var actor: ActorOptions
        public init() {}

        public func run() async throws {
            try await HelpCenterSession.run(global) {
                let session = try HelpCenterSession(global)
                let view = try await session.center.view(
                    try Ticket.Number(number), as: try actor.actor() ?? .agent("support"))
                if global.json {
                    Output.printJSON(TicketRendering.json(view))
                } else {
                    print(TicketRendering.text(view, catalog: session.catalog, language: global.language))
                }
            }
        }
    }

    /// `ticket list --as <email>`.
    public struct List: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "List the customer's account's tickets, newest first.")
        @OptionGroup public var global: GlobalOptions
        @Option(name: .customLong("as"), help: ArgumentHelp("The customer (a member email).", valueName: "email"))
        public var customer: String
        public init() {}

        public func run() async throws {
            try await HelpCenterSession.run(global) {
                let session = try HelpCenterSession(global)
                let actor = Actor.customer(try EmailAddress(customer))
                var tickets: [Ticket] = []
                var cursor: PageCursor?
                repeat {
                    let page = try await session.center.tickets(by: actor, after: cursor, limit: 100)
                    tickets += page.items
                    cursor = page.next
                } while cursor != nil
                if global.json {
                    Output.printJSON(.array(tickets.map(TicketRendering.json)))
                } else {
                    for ticket in tickets { print(TicketRendering.line(ticket, global.language)) }
                    if tickets.isEmpty { print(global.language == .ru ? "Заявок нет." : "No tickets.") }
                }
            }
        }
    }

    /// `ticket refresh <number> --as <email> --text <text>`.
    public struct Refresh: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Refresh (актуализировать) a ticket closed for no reply: it returns to the queue.",
            discussion: "Allowed within 30 days of the automatic close; after that, create a new ticket.")
        @OptionGroup public var global: GlobalOptions
        @Argument(help: "The ticket number, e.g. TW-1042.") public var number: String
        @Option(name: .customLong("as"), help: ArgumentHelp("The customer (a member email).", valueName: "email"))
        public var customer: String
        @Option(name: .long, help: "What is still wrong.") public var text: String
        public init() {}

        public func run() async throws {
            try await HelpCenterSession.run(global) {
                let session = try HelpCenterSession(global)
                let view = try await session.center.refresh(
                    try Ticket.Number(number), by: try EmailAddress(customer), text: text)
                if global.json {
                    Output.printJSON(TicketRendering.json(view))
                } else {
                    print(TicketRendering.line(view.ticket, global.language))
                }
            }
        }
    }

    /// `ticket resolve <number> --agent <name> [--text <text>]`.
    public struct Resolve: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(abstract: "Mark a ticket resolved (agents).")
        @OptionGroup public var global: GlobalOptions
        @Argument(help: "The ticket number, e.g. TW-1042.") public var number: String
        @Option(name: .long, help: "The agent.") public var agent: String
        @Option(name: .long, help: "How it was solved (a public comment).") public var text: String?
        public init() {}

        public func run() async throws {
            try await HelpCenterSession.run(global) {
                let session = try HelpCenterSession(global)
                let ticket = try await session.center.resolve(
                    try Ticket.Number(number), by: Agent.ID(agent), text: text)
                if global.json {
                    Output.printJSON(TicketRendering.json(ticket))
                } else {
                    print(TicketRendering.line(ticket, global.language))
                }
            }
        }
    }

    /// `ticket close <number> --as <email>|--agent <name> [--reason <text>]`.
    public struct Close: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Close an open ticket at the customer's request or an agent's decision (cannot be refreshed).")
        @OptionGroup public var global: GlobalOptions
        @Argument(help: "The ticket number, e.g. TW-1042.") public var number: String
        @OptionGroup public var actor: ActorOptions
        @Option(name: .long, help: "Why, for the history.") public var reason: String = ""
        public init() {}

        public func run() async throws {
            try await HelpCenterSession.run(global) {
                let session = try HelpCenterSession(global)
                let ticket = try await session.center.close(
                    try Ticket.Number(number), by: try actor.requiredActor(), reason: reason)
                if global.json {
                    Output.printJSON(TicketRendering.json(ticket))
                } else {
                    print(TicketRendering.line(ticket, global.language))
                }
            }
        }
    }
}
