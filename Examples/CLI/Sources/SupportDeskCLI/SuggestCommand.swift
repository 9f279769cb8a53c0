public import ArgumentParser
import SupportDesk
import SupportDeskSearch

/// `support-desk suggest`: the help center's search box — topics and categories for a phrase.
public struct SuggestCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest request topics and categories for a phrase, as the help center's search box does.",
        discussion: """
            Typos, the wrong keyboard layout, Russian typed in Latin letters, slang and unfinished words are \
            understood. With --jsonl, reads one query per line on standard input and writes one JSON line per \
            query: {"query": "...", "suggestions": [{"topic": "<id>", "category": "<id>", "score": <number>}, …]}.
            """
    )

    @OptionGroup public var global: GlobalOptions

    @Argument(help: "The phrase, as a customer would type it (omit with --jsonl).")
    public var phrase: [String] = []

    @Flag(name: .long, help: "Read queries from standard input, one per line; write one JSON line each (top 10).")
    public var jsonl = false

    @Option(name: .long, help: "The most topics to show.")
    public var limit: Int = 5

    public init() {}

    public func validate() throws {
        if !jsonl && phrase.isEmpty { throw ValidationError("give a phrase to search for, or --jsonl to read queries") }
        if jsonl && !phrase.isEmpty {
            throw ValidationError("--jsonl reads queries from standard input; give no phrase")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    public func run() async throws {
        let suggester = TopicSuggester(catalog: try global.loadCatalog())
        let language = global.language
        var scratch = SearchScratch()
        if jsonl {
            while let line = readLine(strippingNewline: true) {
                let query = line.hasSuffix("\r") ? String(line.dropLast()) : line
                let result = suggester.suggest(query, locale: language, limit: 10, scratch: &scratch)
                let suggestions: [JSONValue] = result.topics.map { suggestion in
                    [
                        "topic": .string(suggestion.topic.id.rawValue),
                        "category": .string(suggestion.category.id.rawValue),
                        "score": Self.number(suggestion.score),
                    ]
                }
                Output.printJSON(["query": .string(query), "suggestions": .array(suggestions)])
            }
            return
        }
        let query = phrase.joined(separator: " ")
        let result = suggester.suggest(query, locale: language, limit: limit, scratch: &scratch)
        let tips = suggester.searchTips(in: language)
        if global.json {
            Output.printJSON(
                [
                    "query": .string(query),
                    "correction": result.correction.map(JSONValue.string) ?? .null,
                    "topics": .array(
                        result.topics.map { suggestion in
                            [
                                "topic": .string(suggestion.topic.id.rawValue),
                                "category": .string(suggestion.category.id.rawValue),
                                "title": .string(suggestion.topic.title[language]),
                                "categoryTitle": .string(suggestion.category.title[language]),
                                "score": Self.number(suggestion.score),
                                "matched": .array(suggestion.matches.map { .string($0.queryWord) }),
                            ]
                        }),
                    "categories": .array(
                        result.categories.map { category in
                            [
                                "category": .string(category.category.id.rawValue),
                                "title": .string(category.category.title[language]),
                                "score": Self.number(category.score),
                            ]
                        }),
                    "searchTips": .array(tips.map(JSONValue.string)),
                ], pretty: true)
            return
        }
        let ru = language == .ru
        if let correction = result.correction {
            print(ru ? "Возможно, вы имели в виду: «\(correction)»" : "Showing results for: “\(correction)”")
            print("")
        }
        if result.topics.isEmpty {
            print(ru ? "Ничего не нашлось. Выберите категорию вручную." : "Nothing found. Choose a category yourself.")
        } else {
            print(ru ? "Подходящие темы:" : "Matching topics:")
            for (index, suggestion) in result.topics.enumerated() {
                let score = Self.rounded(suggestion.score)
                print(
                    "  \(index + 1). \(suggestion.category.title[language]) → \(suggestion.topic.title[language])"
                        + "  [\(suggestion.topic.id)]  \(score)")
            }
            print("")
            print(ru ? "Категории:" : "Categories:")
            for category in result.categories {
                print(
                    "  • \(category.category.title[language])  [\(category.category.id)]  \(Self.rounded(category.score))"
                )
            }
        }
        if !tips.isEmpty {
            print("")
            print(ru ? "Советы по поиску:" : "Search tips:")
            for tip in tips { print("  – \(tip)") }
        }
    }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    static func number(_ value: Double) -> JSONValue { .number(String(rounded(value))) }
}
