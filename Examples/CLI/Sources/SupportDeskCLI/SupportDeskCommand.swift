public import ArgumentParser

/// The `support-desk` command: a help center on a SQLite file, driven from the terminal.
public struct SupportDeskCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "support-desk",
        abstract: "A technical-support help center: catalog, forms, tickets, queue and search.",
        discussion: """
            Every command reads the help-center catalog (the shipped Twin catalog unless --catalog names \
            another file). Commands that keep data use the SQLite file given by --db.
            """,
        // One line per command group; keep the list in the order a newcomer meets them.
        subcommands: [
            CatalogCommand.self,
            FormCommand.self,
            AccountCommand.self,
            TicketCommand.self,
            QueueCommand.self,
            SweepCommand.self,
            OutboxCommand.self,
            DemoCommand.self,
            SuggestCommand.self,
            EvalCommand.self,
        ]
    )

    public init() {}
}
