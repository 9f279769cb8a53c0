public import ArgumentParser
public import Foundation
public import SupportDesk
import SupportDeskSQLite

/// What a help-center command works with: the catalog, the SQLite store at `--db`, and a ``HelpCenter``
/// whose clock is `--now` when given.
public struct HelpCenterSession {
    /// The options the command was run with.
    public let global: GlobalOptions
    /// The catalog.
    public let catalog: Catalog
    /// The store.
    public let store: any SupportDeskStore
    /// The help center.
    public let center: HelpCenter

    /// Opens the store and builds the help center.
    /// - Parameters:
    ///   - global: The global options.
    ///   - path: The database file (`--db` unless given).
    ///   - now: The time source (`--now`, else the system clock, unless given).
    /// - Throws: ``CatalogError`` or ``StorageError`` when the catalog or the database cannot be opened.
    public init(_ global: GlobalOptions, path: String? = nil, now: (@Sendable () -> Date)? = nil) throws {
        self.global = global
        catalog = try global.loadCatalog()
        store = try SQLiteStore(path: path ?? global.db)
        let fixed = global.now.flatMap(GlobalOptions.parseDate)
        center = try HelpCenter(
            store: store, catalog: catalog, policy: HelpCenterPolicy(language: global.language),
            now: now ?? { fixed ?? Date() })
    }

    /// Runs a command body, turning help-center and storage errors into a clear message and exit code 1.
    /// - Parameters:
    ///   - global: The global options (`--json` prints the error as JSON on standard output too).
    ///   - body: The command's work.
    /// - Throws: `ExitCode(1)` after printing the error; other errors unchanged.
    public static func run(_ global: GlobalOptions, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as HelpCenterError {
            try fail(global, code: error.code.description, message: error.message)
        } catch let error as StorageError {
            try fail(global, code: error.code.description, message: error.message)
        } catch let error as DomainError {
            try fail(global, code: error.code.rawValue, message: error.message)
        }
    }

    private static func fail(_ global: GlobalOptions, code: String, message: String) throws -> Never {
        if global.json { Output.printJSON(["error": ["code": .string(code), "message": .string(message)]]) }
        Output.printError("error: \(message) [\(code)]")
        throw ExitCode(1)
    }
}

/// Who performs a command: `--as <email>` (a customer) or `--agent <name>`.
public struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("Act as this customer (a member email).", valueName: "email"))
    public var customer: String?

    @Option(name: .long, help: ArgumentHelp("Act as this support agent.", valueName: "name"))
    public var agent: String?

    public init() {}

    public func validate() throws {
        if customer != nil, agent != nil {
            throw ValidationError("give either --as <email> or --agent <name>, not both")
        }
    }

    /// The actor named, if any.
    /// - Throws: ``DomainError`` for a malformed email.
    public func actor() throws -> Actor? {
        if let customer { return .customer(try EmailAddress(customer)) }
        if let agent { return .agent(Agent.ID(agent)) }
        return nil
    }

    /// The actor named, required.
    /// - Throws: `ValidationError` when neither option was given.
    public func requiredActor() throws -> Actor {
        guard let actor = try actor() else { throw ValidationError("say who acts: --as <email> or --agent <name>") }
        return actor
    }
}
