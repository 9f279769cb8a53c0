public import ArgumentParser
public import Foundation
public import SupportDesk

/// Options every command accepts.
public struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Use this catalog file instead of the shipped Twin catalog.", valueName: "file")
    )
    public var catalog: String?

    @Option(name: .long, help: ArgumentHelp("The SQLite database file.", valueName: "path"))
    public var db: String = "./support-desk.sqlite"

    @Option(
        name: .long,
        help: ArgumentHelp("Act as if it were this moment (ISO 8601, e.g. 2026-11-25T10:00:00Z).", valueName: "time"))
    public var now: String?

    @Option(name: .long, help: ArgumentHelp("The language of texts and messages: ru or en.", valueName: "ru|en"))
    public var locale: String = "ru"

    @Flag(name: .long, help: "Print machine-readable JSON instead of text.")
    public var json = false

    public init() {}

    /// The language chosen with `--locale`.
    public var language: LanguageCode { LanguageCode(rawValue: locale) }

    public func validate() throws {
        guard ["ru", "en"].contains(locale.lowercased()) else {
            throw ValidationError("--locale must be ru or en, not “\(locale)”")
        }
        if let now, Self.parseDate(now) == nil {
            throw ValidationError("--now must be an ISO 8601 time such as 2026-11-25T10:00:00Z, not “\(now)”")
        }
    }

    /// The current moment: `--now` when given, else the system clock.
    public var currentDate: Date { now.flatMap(Self.parseDate) ?? Date() }

    /// Parses an ISO 8601 time with or without fractional seconds, or a plain date (midnight UTC).
    public static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)
    }

    /// Loads the catalog named by `--catalog`, or the shipped one.
    /// - Throws: ``CatalogError`` listing every problem.
    public func loadCatalog() throws -> Catalog {
        if let catalog { return try Catalog.load(contentsOfFile: catalog) }
        return try Catalog.twinHelpCenter()
    }
}
