import Foundation

// Every benchmark of the SDK, by name. Add yours to this list (one line each).
let allBenchmarks: [Benchmark] = [
    CatalogBenchmarks.load,
    StemmerBenchmarks.stemming,
    TicketSearchBenchmarks.tickets(10_000),
    TicketSearchBenchmarks.tickets(100_000),
    TicketSearchBenchmarks.tickets(1_000_000, isOptIn: true),
    TicketSearchBenchmarks.build(100_000),
    TicketSearchBenchmarks.ticketIndex(100_000),
    TopicSuggestionBenchmarks.latency,
    TopicSuggestionBenchmarks.evaluation,
    LifecycleBenchmarks.sweep,
    LifecycleBenchmarks.claims,
    ValidationBenchmarks.chatForm,
    StorageBenchmarks.create,
    StorageBenchmarks.bulkImport,
    StorageBenchmarks.claim,
    StorageBenchmarks.due(100_000),
    StorageBenchmarks.due(1_000_000, isOptIn: true),
    InMemoryStoreBenchmarks.store(100_000),
    InMemoryStoreBenchmarks.store(1_000_000, isOptIn: true),
    AttachmentBenchmarks.throughput,
]

var filter: String?
var includeLarge = false
var corpusExport = CorpusExportOptions()
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--filter":
        guard let value = arguments.popFirst() else {
            FileHandle.standardError.write(Data("--filter needs a benchmark name (or part of one)\n".utf8))
            exit(2)
        }
        filter = value
    case "--large":
        includeLarge = true
    case "--export-corpus", "--tickets", "--queries-per-kind", "--seed", "--catalog":
        guard let value = arguments.popFirst(), corpusExport.set(argument, value) else {
            FileHandle.standardError.write(Data("\(argument) needs a value; see --help\n".utf8))
            exit(2)
        }
    case "--list":
        for benchmark in allBenchmarks { print(benchmark.name) }
        exit(0)
    case "--help", "-h":
        print(
            """
            usage: support-desk-benchmarks [--filter NAME] [--large] [--list]
                   support-desk-benchmarks --export-corpus DIR [--tickets N] [--queries-per-kind N] [--seed S] [--catalog PATH]
              --large            also run opt-in benchmarks (1M-ticket search runs: minutes and ~GBs of memory)
              --export-corpus    write the generated tickets and queries as JSONL to DIR (for Scripts/baselines.py)
            """)
        exit(0)
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument); see --help\n".utf8))
        exit(2)
    }
}

if let directory = corpusExport.directory {
    do {
        try corpusExport.export(to: directory)
    } catch {
        FileHandle.standardError.write(Data("corpus export failed: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}

#if DEBUG
FileHandle.standardError.write(
    Data("warning: a debug build; benchmark numbers mean something only with -c release\n".utf8))
#endif

let selected = allBenchmarks.filter { benchmark in
    (includeLarge || !benchmark.isOptIn) && (filter.map { benchmark.name.contains($0) } ?? true)
}
if selected.isEmpty {
    FileHandle.standardError.write(Data("no benchmark matches \(filter ?? "")\n".utf8))
    exit(2)
}
for benchmark in selected {
    do {
        try await benchmark.run { Reporter.emit($0) }
    } catch {
        FileHandle.standardError.write(Data("benchmark \(benchmark.name) failed: \(error)\n".utf8))
        exit(1)
    }
}
