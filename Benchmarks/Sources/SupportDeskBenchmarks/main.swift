import Foundation

// Every benchmark of the SDK, by name. Add yours to this list (one line each).
let allBenchmarks: [Benchmark] = [
    CatalogBenchmarks.load,
]

var filter: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--filter":
        guard let value = arguments.popFirst() else {
            FileHandle.standardError.write(Data("--filter needs a benchmark name (or part of one)\n".utf8))
            exit(2)
        }
        filter = value
    case "--list":
        for benchmark in allBenchmarks { print(benchmark.name) }
        exit(0)
    case "--help", "-h":
        print("usage: support-desk-benchmarks [--filter NAME] [--list]")
        exit(0)
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument); see --help\n".utf8))
        exit(2)
    }
}

#if DEBUG
FileHandle.standardError.write(Data("warning: a debug build; benchmark numbers mean something only with -c release\n".utf8))
#endif

let selected = allBenchmarks.filter { benchmark in filter.map { benchmark.name.contains($0) } ?? true }
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
