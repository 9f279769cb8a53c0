/// Generates the benchmark query set from the same vocabulary as the tickets, deterministically.
///
/// Query `i` of a kind depends only on the seed, the catalog, the kind and `i`.
struct QueryGenerator: Sendable {
    let tickets: TicketGenerator

    /// Creates a query generator over a ticket generator's vocabulary and seed.
    init(tickets: TicketGenerator) { self.tickets = tickets }

    /// `perKind` queries of each kind, kind after kind.
    /// - Parameters:
    ///   - perKind: How many queries of each kind.
    ///   - kinds: The kinds, in output order.
    /// - Returns: The queries.
    func queries(perKind: Int, kinds: [BenchmarkQuery.Kind] = BenchmarkQuery.Kind.allCases) -> [BenchmarkQuery] {
        kinds.flatMap { kind in (0..<perKind).map { query($0, kind: kind) } }
    }

    /// The `index`-th query of a kind.
    func query(_ index: Int, kind: BenchmarkQuery.Kind) -> BenchmarkQuery {
        let salt = UInt64((BenchmarkQuery.Kind.allCases.firstIndex(of: kind) ?? 0) + 1) &* 0x9E37_79B9_7F4A_7C15
        var random = SplitMix64.forItem(seed: tickets.seed ^ salt ^ 0x0051_E5B9, index: index)
        let topic = tickets.pickTopic(using: &random)
        let phrases = topic.queryPhrases.isEmpty ? topic.problemPhrases : topic.queryPhrases
        switch kind {
        case .plain:
            let phrase = random.pick(phrases)
            return BenchmarkQuery(text: phrase, kind: kind, topicID: topic.topicID, intended: phrase)
        case .typo:
            let candidates = phrases.filter { $0.split(separator: " ").contains { Misspeller.canMisspell(String($0)) } }
            let phrase = candidates.isEmpty ? random.pick(phrases) : random.pick(candidates)
            var words = phrase.split(separator: " ").map(String.init)
            let longest = words.indices.filter { Misspeller.canMisspell(words[$0]) }
            if !longest.isEmpty {
                let index = random.pick(longest)
                words[index] = Misspeller.misspell(words[index], using: &random)
            }
            return BenchmarkQuery(
                text: words.joined(separator: " "), kind: kind, topicID: topic.topicID, intended: phrase)
        case .prefix:
            let candidates = phrases.filter { ($0.split(separator: " ").last?.count ?? 0) >= 5 }
            let phrase = candidates.isEmpty ? random.pick(phrases) : random.pick(candidates)
            var words = phrase.split(separator: " ").map(String.init)
            if let last = words.last, last.count >= 5 {
                words[words.count - 1] = String(last.prefix(random.between(3...(last.count - 2))))
            }
            return BenchmarkQuery(
                text: words.joined(separator: " "), kind: kind, topicID: topic.topicID, intended: phrase)
        case .layout:
            let phrase = random.pick(phrases)
            return BenchmarkQuery(
                text: KeyboardLayout.typedInEnglishLayout(phrase), kind: kind, topicID: topic.topicID,
                intended: phrase)
        case .translit:
            let phrase = random.pick(phrases)
            let transliterator = Transliterator(using: &random)
            return BenchmarkQuery(
                text: transliterator.transliterate(phrase), kind: kind, topicID: topic.topicID, intended: phrase)
        case .english:
            let phrase = topic.englishKeywords.isEmpty ? random.pick(phrases) : random.pick(topic.englishKeywords)
            return BenchmarkQuery(text: phrase, kind: kind, topicID: topic.topicID, intended: phrase)
        case .long:
            let phrase = random.pick(topic.problemPhrases)
            var parts = [random.pick(SupportPhrasing.greetings)]
            parts.append(random.pick(SupportPhrasing.contexts).capitalizedFirst + " у нас " + phrase + ".")
            if random.chance(0.5) { parts.append(random.pick(topic.clauses).capitalizedFirst + ".") }
            parts.append(random.pick(SupportPhrasing.fillers))
            if random.chance(0.5) { parts.append(random.pick(SupportPhrasing.closings)) }
            return BenchmarkQuery(
                text: parts.joined(separator: " "), kind: kind, topicID: topic.topicID, intended: phrase)
        }
    }
}

extension String {
    /// The text with its first character uppercased.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
