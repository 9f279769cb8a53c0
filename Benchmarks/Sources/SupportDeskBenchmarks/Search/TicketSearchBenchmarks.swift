import Foundation
import SupportDesk
import SupportDeskSearch

/// Ticket search on generated corpora: index build, query latency by kind, memory, and how often the top 10
/// holds a ticket of the query's topic (the same metrics `Scripts/baselines.py` prints for tantivy and FTS5).
///
/// `search.tickets.<size>` prints:
/// - `build` (tickets/s): indexing summary, description and comments of every ticket, one core, per second of
///   CPU time (`build.wall`: per second of wall-clock time, which on the shared machine includes other jobs);
/// - `memory.rss_per_ticket` (bytes): the process's resident memory grown by the build, per ticket;
/// - `query.<kind>.p50` / `.p99` (ms) and `query.<kind>.topic_hit@10` (ratio) for the kinds plain, typo,
///   prefix and layout of the generated query set (1,000 each; each query's CPU time is its best over
///   ``CPUTime/passes`` passes of ``CPUTime/repeats`` runs after an untimed one, see
///   ``CPUTime/bestOfPasses(over:passes:repeats:_:)``).
enum TicketSearchBenchmarks {
    /// The ticket fields and their weights: the summary above the description and comments.
    static let fields = [SearchField("summary", weight: 2), SearchField("description"), SearchField("comments")]

    /// The benchmark for a corpus of `count` tickets.
    /// - Parameters:
    ///   - count: Tickets to index.
    ///   - isOptIn: Whether it runs only with `--large`.
    static func tickets(_ count: Int, isOptIn: Bool = false) -> Benchmark {
        let name = "search.tickets.\(sizeLabel(count))"
        return Benchmark(name: name, isOptIn: isOptIn) { report in
            let catalog = try Catalog.twinHelpCenter()
            let generator = try TicketGenerator(catalog: catalog)
            let tickets = generator.tickets(count)
            let queries = QueryGenerator(tickets: generator).queries(
                perKind: 1_000, kinds: BenchmarkQuery.Kind.ticketSearch)

            let memoryBefore = residentMemoryBytes()
            let cpuStart = CPUTime.now()
            let start = nanosecondsNow()
            var index = SearchIndex<Int>(fields: fields, configuration: SearchConfiguration(synonyms: catalog.synonyms))
            index.add(contentsOf: tickets.indices.lazy.map { document(tickets[$0], key: $0) })
            let seconds = Double(nanosecondsNow() - start) / 1e9
            let cpuSeconds = Double(CPUTime.now() - cpuStart) / 1e9
            let memoryAfter = residentMemoryBytes()
            report(Measurement(name: name, metric: "build", value: Double(count) / cpuSeconds, unit: "tickets/s"))
            report(Measurement(name: name, metric: "build.wall", value: Double(count) / seconds, unit: "tickets/s"))
            report(
                Measurement(
                    name: name, metric: "memory.rss_per_ticket",
                    value: Double(memoryAfter - memoryBefore) / Double(count), unit: "bytes"))

            var scratch = SearchScratch()
            for kind in BenchmarkQuery.Kind.ticketSearch {
                let ofKind = queries.filter { $0.kind == kind }
                var samples = LatencySamples(capacity: ofKind.count)
                var topicHits = 0
                var slowest: [(nanoseconds: UInt64, text: String)] = []
                let (times, found) = CPUTime.bestOfPasses(over: ofKind) {
                    index.search($0.text, limit: 10, scratch: &scratch)
                }
                for (position, query) in ofKind.enumerated() {
                    let nanoseconds = times[position]
                    let results = found[position]
                    samples.record(nanoseconds)
                    slowest.append((nanoseconds, query.text))
                    if results.hits.contains(where: { tickets[$0.key].topicID == query.topicID }) { topicHits += 1 }
                }
                reportSlowest(slowest, of: "\(name) \(kind.rawValue)")
                report(
                    Measurement(
                        name: name, metric: "query.\(kind.rawValue).p50", value: samples.percentileMilliseconds(50),
                        unit: "ms"))
                report(
                    Measurement(
                        name: name, metric: "query.\(kind.rawValue).p99", value: samples.percentileMilliseconds(99),
                        unit: "ms"))
                report(
                    Measurement(
                        name: name, metric: "query.\(kind.rawValue).topic_hit@10",
                        value: Double(topicHits) / Double(max(1, ofKind.count)), unit: "ratio"))
            }
            blackHole(index)
        }
    }

    /// The unit ``reportSlowest(_:of:unit:)`` prints times in.
    enum TimeUnit {
        case milliseconds, microseconds
    }

    /// Writes the five slowest queries to standard error (the JSON lines stay on standard output), so a
    /// p99 can be traced to the queries behind it.
    static func reportSlowest(
        _ samples: [(nanoseconds: UInt64, text: String)], of label: String, unit: TimeUnit = .milliseconds
    ) {
        let lines = samples.sorted { $0.nanoseconds > $1.nanoseconds }.prefix(5).map {
            let time =
                switch unit {
                case .milliseconds: String(format: "%.2f ms", Double($0.nanoseconds) / 1e6)
                case .microseconds: String(format: "%.1f µs", Double($0.nanoseconds) / 1e3)
                }
            return time + " «\($0.text)»"
        }
        FileHandle.standardError.write(Data("slowest \(label): \(lines.joined(separator: ", "))\n".utf8))
    }

    /// A ticket as a search document: summary, description and the comments in their fields.
    static func document(_ ticket: GeneratedTicket, key: Int) -> SearchDocument<Int> {
        var document = SearchDocument(key: key)
        document.append(ticket.summary, to: 0)
        document.append(ticket.description, to: 1)
        for comment in ticket.comments { document.append(comment, to: 2) }
        return document
    }
}

/// `10k`, `100k`, `1m`: the size part of a benchmark name (the same as `baselines.py`'s).
func sizeLabel(_ count: Int) -> String {
    if count % 1_000_000 == 0 { return "\(count / 1_000_000)m" }
    if count % 1_000 == 0 { return "\(count / 1_000)k" }
    return String(count)
}

extension TicketSearchBenchmarks {
    /// `search.ticket-index.<size>`: the SDK's `TicketSearchIndex` (five weighted fields, scopes, filters) over
    /// domain tickets: `build` (tickets/s of CPU time; converting the generated tickets to `Ticket` values is
    /// not timed), `memory.rss_per_ticket`, and CPU-time latencies (best over ``CPUTime/passes`` passes) of plain
    /// queries as an agent (`agent.plain.p50/p99`), as the customer who owns a ticket
    /// (`customer.plain.p50/p99`, only that account's tickets), and of the similar-open-tickets check on a
    /// pasted description (`similar.long.p50/p99`, the generated `long` queries).
    static func ticketIndex(_ count: Int, isOptIn: Bool = false) -> Benchmark {
        let name = "search.ticket-index.\(sizeLabel(count))"
        return Benchmark(name: name, isOptIn: isOptIn) { report in
            let catalog = try Catalog.twinHelpCenter()
            let generator = try TicketGenerator(catalog: catalog)
            let generated = generator.tickets(count)
            let values = generated.enumerated().map { $0.element.domainValue(index: $0.offset) }
            let queries = QueryGenerator(tickets: generator)

            let memoryBefore = residentMemoryBytes()
            let cpuStart = CPUTime.now()
            var index = TicketSearchIndex(catalog: catalog)
            index.index(contentsOf: values)
            let cpuSeconds = Double(CPUTime.now() - cpuStart) / 1e9
            report(Measurement(name: name, metric: "build", value: Double(count) / cpuSeconds, unit: "tickets/s"))
            report(
                Measurement(
                    name: name, metric: "memory.rss_per_ticket",
                    value: Double(residentMemoryBytes() - memoryBefore) / Double(count), unit: "bytes"))

            var scratch = SearchScratch()
            let numbers = Array(0..<1_000)
            // The customer who filed ticket number × 97 (spread over the corpus) searches their tickets.
            let accounts = numbers.map { values[($0 * 97) % values.count].ticket.accountID }
            // The queries are generated before timing (generating one costs more than searching with it).
            let plain = numbers.map { queries.query($0, kind: .plain).text }
            let drafts = numbers.map { queries.query($0, kind: .long).text }
            let agent = LatencySamples(
                CPUTime.bestOfPasses(over: numbers) {
                    index.search(plain[$0], scope: .agent(), limit: 10, scratch: &scratch)
                }.nanoseconds)
            let customer = LatencySamples(
                CPUTime.bestOfPasses(over: numbers) {
                    index.search(plain[$0], scope: .customer(accounts[$0]), limit: 10, scratch: &scratch)
                }.nanoseconds)
            let similar = LatencySamples(
                CPUTime.bestOfPasses(over: numbers) {
                    index.similarOpenTickets(to: drafts[$0], account: accounts[$0], scratch: &scratch)
                }.nanoseconds)
            for (metric, samples) in [("agent.plain", agent), ("customer.plain", customer), ("similar.long", similar)] {
                report(
                    Measurement(
                        name: name, metric: "\(metric).p50", value: samples.percentileMilliseconds(50), unit: "ms"))
                report(
                    Measurement(
                        name: name, metric: "\(metric).p99", value: samples.percentileMilliseconds(99), unit: "ms"))
            }
            blackHole(index)
        }
    }
}

extension TicketSearchBenchmarks {
    /// `search.build.<size>`: only the index build of `search.tickets.<size>` (same tickets, fields and
    /// configuration), repeated `runs` times on fresh indexes, so a build change can be measured in seconds
    /// and without one noisy run deciding: `build.median` and `build.best` (tickets/s of CPU time),
    /// `vocabulary` (distinct words as written, the part of the build that grows with one-off tokens).
    static func build(_ count: Int, runs: Int = 5) -> Benchmark {
        let name = "search.build.\(sizeLabel(count))"
        return Benchmark(name: name) { report in
            let catalog = try Catalog.twinHelpCenter()
            let generator = try TicketGenerator(catalog: catalog)
            let tickets = generator.tickets(count)
            let configuration = SearchConfiguration(synonyms: catalog.synonyms)
            var rates: [Double] = []
            var vocabulary = 0
            for _ in 0..<runs {
                let cpuStart = CPUTime.now()
                var index = SearchIndex<Int>(fields: fields, configuration: configuration)
                index.add(contentsOf: tickets.indices.lazy.map { document(tickets[$0], key: $0) })
                rates.append(Double(count) / (Double(CPUTime.now() - cpuStart) / 1e9))
                vocabulary = index.vocabularyCount
                blackHole(index)
            }
            rates.sort()
            report(Measurement(name: name, metric: "build.median", value: rates[rates.count / 2], unit: "tickets/s"))
            report(Measurement(name: name, metric: "build.best", value: rates[rates.count - 1], unit: "tickets/s"))
            report(Measurement(name: name, metric: "vocabulary", value: Double(vocabulary), unit: "words"))
        }
    }
}
