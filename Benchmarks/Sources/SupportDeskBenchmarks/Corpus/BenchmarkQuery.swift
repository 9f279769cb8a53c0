/// A query of the benchmark query set: what a customer or an agent types into a search box.
struct BenchmarkQuery: Sendable, Hashable {
    /// What makes the query hard for an engine.
    enum Kind: String, CaseIterable, Sendable {
        /// Words as they appear in tickets and the catalog (“обзвон не запускается”).
        case plain
        /// One word with one typo (“обзвон не запускаеться”).
        case typo
        /// The last word unfinished (“обзвон не запус”).
        case prefix
        /// Typed with the English layout active (“j,pdjy yt pfgecrftncz”).
        case layout
        /// Russian in Latin letters (“obzvon ne zapuskaetsya”).
        case translit
        /// An English keyword of the topic (“calling campaign”).
        case english
        /// A pasted paragraph: greeting, context, the problem, filler.
        case long

        /// The kinds the ticket-search latency benchmarks measure (the ones tantivy and FTS5 can be asked).
        static let ticketSearch: [Kind] = [.plain, .typo, .prefix, .layout]
    }

    /// The text as typed.
    var text: String
    var kind: Kind
    /// The topic the phrase came from (the expected suggestion).
    var topicID: String
    /// The phrase before typos, truncation, layout or transliteration.
    var intended: String

    /// The query as one JSON line (the export format read by `Scripts/baselines.py`).
    var jsonLine: String {
        "{\"q\":\(JSONText.quoted(text)),\"kind\":\"\(kind.rawValue)\",\"topic\":\(JSONText.quoted(topicID)),"
            + "\"intended\":\(JSONText.quoted(intended))}"
    }
}
