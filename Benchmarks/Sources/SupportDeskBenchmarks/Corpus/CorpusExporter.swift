import Foundation

/// Writes a generated corpus as JSONL files for the baselines (`Scripts/baselines.py`).
///
/// The directory gets `tickets.jsonl` (one ``GeneratedTicket`` a line, in corpus order),
/// `queries.jsonl` (one ``BenchmarkQuery`` a line) and `manifest.json` (seed, counts, how it was made).
struct CorpusExporter {
    var generator: TicketGenerator
    var ticketCount: Int
    var queriesPerKind: Int

    /// Writes the files, replacing earlier ones.
    /// - Parameter directory: The directory; created when missing.
    /// - Throws: ``CorpusError`` when a file cannot be written.
    func export(to directory: String) throws(CorpusError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CorpusError("cannot create \(directory): \(error.localizedDescription)")
        }
        try write(path: directory + "/tickets.jsonl", count: ticketCount) { generator.ticket($0).jsonLine }
        let queries = QueryGenerator(tickets: generator).queries(perKind: queriesPerKind)
        try write(path: directory + "/queries.jsonl", count: queries.count) { queries[$0].jsonLine }
        let manifest = """
            {"generator":"support-desk-benchmarks --export-corpus","seed":\(generator.seed),\
            "tickets":\(ticketCount),"queriesPerKind":\(queriesPerKind),\
            "kinds":[\(BenchmarkQuery.Kind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ","))]}

            """
        try write(path: directory + "/manifest.json", count: 1) { _ in manifest }
    }

    /// Writes `count` lines made by `line`, in blocks, to a temporary file moved into place at the end.
    private func write(path: String, count: Int, line: (Int) -> String) throws(CorpusError) {
        let temporary = path + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else { throw CorpusError("cannot write \(temporary)") }
        do {
            var block = ""
            block.reserveCapacity(1 << 20)
            for index in 0..<count {
                block += line(index)
                if !block.hasSuffix("\n") { block += "\n" }
                if block.utf8.count >= 1 << 20 {
                    try handle.write(contentsOf: Data(block.utf8))
                    block.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: Data(block.utf8))
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CorpusError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
