import Foundation
import SupportDesk

/// Generates realistic Russian support tickets from a catalog's vocabulary, deterministically.
///
/// Ticket `i` depends only on the seed, the catalog and `i`: the 10k corpus is the first 10k tickets of
/// the 100k one, and Swift benchmarks and the Python baselines (which read the exported JSONL) see the
/// same texts. Each ticket has a summary, a description (greeting, when it started, the problem in the
/// topic's own words, an id or a number from the topic's form, what was tried, a sign-off) and one or two
/// comments. About 2% of the longer words carry a typo (swap, drop, doubled or neighbouring letter), 5% of
/// tickets have a word typed with the English layout active, a quarter are typed all lowercase.
struct TicketGenerator: Sendable {
    /// The default seed of the benchmark corpus.
    static let defaultSeed: UInt64 = 0x5D_2026_0007

    /// The share of words (of five letters or more) that get a typo.
    var typoRate = 0.02
    /// The share of tickets with one word typed in the wrong keyboard layout.
    var wrongLayoutRate = 0.05

    let seed: UInt64
    let topics: [TopicVocabulary]
    /// Cumulative topic weights: a few topics get most tickets (Zipf-like, s = 0.8, in catalog order).
    private let topicWeights: [Double]

    /// Creates a generator.
    /// - Parameters:
    ///   - catalog: The catalog whose topics and words tickets are about.
    ///   - seed: The seed; equal seeds and catalogs give equal corpora.
    /// - Throws: ``CorpusError`` when the catalog has nothing to build tickets from.
    init(catalog: Catalog, seed: UInt64 = TicketGenerator.defaultSeed) throws(CorpusError) {
        self.seed = seed
        self.topics = try TopicVocabulary.all(from: catalog)
        var total = 0.0
        self.topicWeights = topics.indices.map { index in
            total += 1 / pow(Double(index + 1), 0.8)
            return total
        }
    }

    /// A topic drawn by the corpus's topic weights.
    func pickTopic(using random: inout SplitMix64) -> TopicVocabulary {
        topics[random.pick(cumulative: topicWeights)]
    }

    /// How many customer accounts file the tickets.
    var accountCount = 5_000

    /// The `index`-th ticket of the corpus.
    /// - Parameter index: The position, from 0.
    /// - Returns: The ticket.
    func ticket(_ index: Int) -> GeneratedTicket {
        var random = SplitMix64.forItem(seed: seed, index: index)
        let topic = pickTopic(using: &random)
        let accounts = max(1, accountCount)
        // Squaring a uniform number skews towards low account numbers: big customers file more tickets.
        let u = random.unit()
        let account = min(accounts - 1, Int(Double(accounts) * u * u))
        let status = SupportPhrasing.statuses[
            random.pick(cumulative: SupportPhrasing.statuses.map(\.cumulative))
        ].status
        let lowercase = random.chance(0.25)
        let summary = makeSummary(topic, using: &random)
        var description = makeDescription(topic, using: &random)
        if random.chance(wrongLayoutRate) { description = typeOneWordInEnglishLayout(description, using: &random) }
        var comments = [makeComment(topic, first: true, using: &random)]
        if random.chance(0.5) { comments.append(makeComment(topic, first: false, using: &random)) }
        return GeneratedTicket(
            number: "TW-\(index + 1)", accountID: "acc-\(account + 1)", topicID: topic.topicID,
            categoryID: topic.categoryID, status: status,
            summary: addTypos(lowercase ? summary.lowercased() : summary, using: &random),
            description: addTypos(lowercase ? description.lowercased() : description, using: &random),
            comments: comments.map { addTypos($0, using: &random) })
    }

    /// The first `count` tickets.
    func tickets(_ count: Int) -> [GeneratedTicket] { (0..<count).map(ticket) }

    // MARK: - Texts

    private func makeSummary(_ topic: TopicVocabulary, using random: inout SplitMix64) -> String {
        var summary: String
        switch random.below(20) {
        case 0..<11: summary = random.pick(topic.problemPhrases)
        case 11..<15: summary = topic.title
        default: summary = random.pick(topic.clauses)
        }
        if random.chance(0.3) { summary += " " + random.pick(SupportPhrasing.contexts) }
        if random.chance(0.05) { summary += random.chance(0.5) ? ", срочно" : "!!!" }
        return summary.capitalizedFirst
    }

    private func makeDescription(_ topic: TopicVocabulary, using random: inout SplitMix64) -> String {
        var sentences: [String] = []
        if random.chance(0.8) { sentences.append(random.pick(SupportPhrasing.greetings)) }
        let problem = random.chance(0.6) ? random.pick(topic.problemPhrases) : random.pick(topic.clauses)
        if random.chance(0.5) {
            sentences.append((random.pick(SupportPhrasing.contexts) + " " + problem).capitalizedFirst + ".")
        } else {
            sentences.append(problem.capitalizedFirst + ".")
        }
        if random.chance(0.6) {
            let clause = random.pick(topic.clauses)
            if clause != problem { sentences.append(clause.capitalizedFirst + ".") }
        }
        if random.chance(0.3) {
            sentences.append("Вообще " + random.pick(topic.words) + " и " + random.pick(topic.problemPhrases) + ".")
        }
        if random.chance(0.7), !topic.fields.isEmpty {
            sentences.append(mention(random.pick(topic.fields), using: &random))
        }
        if random.chance(0.4) { sentences.append("Номер ЛК " + random.digits(6) + ".") }
        if random.chance(0.5) { sentences.append(random.pick(SupportPhrasing.fillers)) }
        if random.chance(0.1), !topic.englishKeywords.isEmpty {
            sentences.append("В логах пишет \(random.pick(topic.englishKeywords)).")
        }
        if random.chance(0.6) { sentences.append(random.pick(SupportPhrasing.closings)) }
        return sentences.joined(separator: " ")
    }

    private func makeComment(_ topic: TopicVocabulary, first: Bool, using random: inout SplitMix64) -> String {
        if first, random.chance(0.7) {
            if random.chance(0.6), !topic.fields.isEmpty {
                let label = TopicVocabulary.lowercasingFirst(random.pick(topic.fields).label)
                return random.pick(SupportPhrasing.agentQuestions).replacingOccurrences(of: "%@", with: label)
            }
            return random.pick(SupportPhrasing.agentAnswers)
        }
        let followUp = random.pick(SupportPhrasing.customerFollowUps)
        var text = followUp.replacingOccurrences(of: "%@", with: random.pick(topic.problemPhrases))
        if random.chance(0.5), !topic.fields.isEmpty {
            text += " " + mention(random.pick(topic.fields), using: &random)
        }
        return text
    }

    /// A form field named with a plausible value: “Идентификатор чата: 4815162.”
    private func mention(_ field: TopicVocabulary.FieldMention, using random: inout SplitMix64) -> String {
        let value: String
        switch field.kind {
        case .identifier: value = random.chance(0.7) ? random.digits(random.between(5...8)) : hexID(using: &random)
        case .phone: value = "+7 9\(random.digits(2)) \(random.digits(3))-\(random.digits(2))-\(random.digits(2))"
        case .date: value = String(format: "%02d.%02d.2026", random.between(1...28), random.between(1...12))
        case .url: value = "https://shop\(random.digits(3)).ru/\(random.chance(0.5) ? "catalog" : "contacts")"
        case .integer, .decimal: value = String(random.between(1...5000))
        case .email: value = "manager\(random.digits(2))@shop.ru"
        default: value = random.pick(["не знаю", "все", "оба", "первый", "любой", "как в прошлый раз"])
        }
        return "\(field.label): \(value)."
    }

    private func hexID(using random: inout SplitMix64) -> String {
        String(random.next() & 0xFFFF_FFFF_FFFF, radix: 16)
    }

    // MARK: - Noise

    /// Words of five letters or more get a typo with probability ``typoRate``.
    private func addTypos(_ text: String, using random: inout SplitMix64) -> String {
        var changed = false
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { chunk -> String in
            let core = chunk.prefix { $0.isLetter }
            guard core.count >= 5, random.chance(typoRate) else { return String(chunk) }
            changed = true
            return Misspeller.misspell(String(core), using: &random) + chunk.dropFirst(core.count)
        }
        return changed ? words.joined(separator: " ") : text
    }

    /// One Russian word of the text typed with the English layout active.
    private func typeOneWordInEnglishLayout(_ text: String, using random: inout SplitMix64) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let candidates = words.indices.filter { index in
            words[index].count >= 4 && words[index].allSatisfy { $0.isLetter && !$0.isASCII }
        }
        guard !candidates.isEmpty else { return text }
        let index = random.pick(candidates)
        words[index] = KeyboardLayout.typedInEnglishLayout(words[index])
        return words.joined(separator: " ")
    }
}
