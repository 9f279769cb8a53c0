import Foundation
import SupportDesk

/// The `--export-corpus` mode's options: where to write, how many tickets and queries, seed and catalog.
struct CorpusExportOptions {
    /// The output directory; `nil` when the mode was not asked for.
    var directory: String?
    var tickets = 100_000
    var queriesPerKind = 1_000
    var seed = TicketGenerator.defaultSeed
    /// A catalog file to read instead of the shipped one.
    var catalogPath: String?

    /// Sets an option from its command-line flag.
    /// - Returns: `false` when the value is not valid for the flag.
    mutating func set(_ flag: String, _ value: String) -> Bool {
        switch flag {
        case "--export-corpus": directory = value
        case "--tickets":
            guard let count = Int(value.replacingOccurrences(of: "_", with: "")), count > 0 else { return false }
            tickets = count
        case "--queries-per-kind":
            guard let count = Int(value), count > 0 else { return false }
            queriesPerKind = count
        case "--seed":
            guard let number = UInt64(value) else { return false }
            seed = number
        case "--catalog": catalogPath = value
        default: return false
        }
        return true
    }

    /// Generates and writes the corpus.
    /// - Throws: ``CorpusError`` or ``CatalogError`` when the catalog cannot be read or a file written.
    func export(to directory: String) throws {
        let catalog =
            try catalogPath.map { path throws(CatalogError) in try Catalog.load(contentsOfFile: path) }
            ?? Catalog.twinHelpCenter()
        let generator = try TicketGenerator(catalog: catalog, seed: seed)
        let start = nanosecondsNow()
        try CorpusExporter(generator: generator, ticketCount: tickets, queriesPerKind: queriesPerKind)
            .export(to: directory)
        let seconds = Double(nanosecondsNow() - start) / 1e9
        FileHandle.standardError.write(
            Data(
                "wrote \(tickets) tickets and \(queriesPerKind) queries of each of \(BenchmarkQuery.Kind.allCases.count) kinds to \(directory) in \(String(format: "%.1f", seconds)) s\n"
                    .utf8))
    }
}
