public import ArgumentParser
import SupportDesk

/// `support-desk account …`: company accounts.
public struct AccountCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Create a company's help-center account.", subcommands: [Create.self])

    public init() {}

    /// `account create --company <name> --email <e> [--email <e>…] [--group | --bot-architect]`.
    public struct Create: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Create a company's account (one per company; an email belongs to one account).",
            discussion: """
                Without a flag every --email signs in (access for all employees). With --bot-architect the \
                single --email is the bot architect's. With --group the first --email is a mailing-group \
                address that signs in, and the others are the addresses it fans out to: every notification \
                goes to each of them.
                """)
        @OptionGroup public var global: GlobalOptions
        @Option(name: .long, help: "The company's name.") public var company: String
        @Option(name: .long, help: ArgumentHelp("A member email (repeat for several).", valueName: "email"))
        public var email: [String] = []
        @Flag(name: .long, help: "The first --email is a mailing group fanning out to the other emails.")
        public var group = false
        @Flag(name: .long, help: "The account is used by the bot architect only (one --email).")
        public var botArchitect = false
        public init() {}

        public func validate() throws {
            guard !email.isEmpty else { throw ValidationError("give at least one --email") }
            if group, botArchitect { throw ValidationError("--group and --bot-architect exclude each other") }
            if group, email.count < 2 {
                throw ValidationError("--group needs the group address and at least one address it fans out to")
            }
        }

        public func run() async throws {
            try await HelpCenterSession.run(global) {
                let session = try HelpCenterSession(global)
                let addresses = try email.map { try EmailAddress($0) }
                let account: Account
                if group {
                    account = try await session.center.createAccount(
                        company: company, members: [addresses[0]],
                        sharing: .mailingGroup(fanOut: Array(addresses.dropFirst())))
                } else {
                    account = try await session.center.createAccount(
                        company: company, members: addresses, sharing: botArchitect ? .botArchitect : .allEmployees)
                }
                if global.json {
                    Output.printJSON([
                        "id": .string(account.id.rawValue), "company": .string(account.company),
                        "members": .array(account.members.map { .string($0.rawValue) }),
                        "recipients": .array(account.notificationRecipients.map { .string($0.rawValue) }),
                    ])
                } else {
                    print("\(account.company): \(account.id)")
                    print("  sign in: " + account.members.map(\.rawValue).joined(separator: ", "))
                    print("  notify:  " + account.notificationRecipients.map(\.rawValue).joined(separator: ", "))
                }
            }
        }
    }
}
