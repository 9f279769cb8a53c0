import Foundation
import SupportDesk

/// The Russian and English words of one catalog topic that tickets about it are made of.
struct TopicVocabulary: Sendable {
    /// A form field a customer or an agent mentions with a value (“ID сценария: 48213”).
    struct FieldMention: Sendable {
        var label: String
        var kind: FieldKind
    }

    var topicID: String
    var categoryID: String
    /// The Russian title.
    var title: String
    /// Russian keywords of two or more words (“бот не отвечает”).
    var problemPhrases: [String]
    /// Russian keywords of one word (“обзвон”).
    var words: [String]
    /// Pieces of the Russian description between punctuation, of two or more words.
    var clauses: [String]
    /// English keywords.
    var englishKeywords: [String]
    /// The topic's own form fields (the catalog's common fields left out).
    var fields: [FieldMention]

    /// Every phrase a customer might type as a short query: problem phrases and words of Cyrillic letters.
    var queryPhrases: [String] {
        (problemPhrases + words).filter { phrase in
            let words = phrase.split(separator: " ")
            return words.count <= 3
                && words.allSatisfy { $0.allSatisfy { $0.isLetter && !$0.isASCII } }
        }
    }

    /// The vocabulary of every topic of a catalog, in catalog order.
    /// - Parameter catalog: The catalog.
    /// - Returns: One vocabulary per topic.
    /// - Throws: ``CorpusError`` when the catalog has no topics or a topic has no Russian keywords or
    ///   description to build tickets from.
    static func all(from catalog: Catalog) throws(CorpusError) -> [TopicVocabulary] {
        let common = Set(CommonField.all)
        var result: [TopicVocabulary] = []
        for topic in catalog.topics {
            let keywords = topic.keywords[.ru] ?? []
            let phrases = keywords.filter { $0.contains(" ") }
            let words = keywords.filter { !$0.contains(" ") }
            let clauses = splitClauses(topic.description[.ru])
            guard !phrases.isEmpty, !clauses.isEmpty else {
                throw CorpusError(
                    "topic \(topic.id) has no Russian keyword phrases or description to generate tickets from")
            }
            result.append(
                TopicVocabulary(
                    topicID: topic.id.rawValue, categoryID: topic.categoryID.rawValue, title: topic.title[.ru],
                    problemPhrases: phrases, words: words.isEmpty ? phrases : words, clauses: clauses,
                    englishKeywords: topic.keywords[.en] ?? [],
                    fields: topic.form.fields.filter { !common.contains($0.id) }.map {
                        FieldMention(label: $0.label[.ru], kind: $0.kind)
                    }))
        }
        guard !result.isEmpty else { throw CorpusError("the catalog has no topics to generate tickets about") }
        return result
    }

    /// The description cut at `, ; : .`, dashes and brackets, lowercased at the start; pieces of one word
    /// and the tails of lists of names (“…в Telegram, WhatsApp, Авито или в виджете”) are dropped.
    static func splitClauses(_ text: String) -> [String] {
        var clauses: [String] = []
        var current = ""
        var afterComma = false
        func finish(_ separator: Character?) {
            let clause = current.trimmingCharacters(in: .whitespaces)
            current = ""
            defer { afterComma = separator == "," }
            guard clause.split(separator: " ").count >= 2, let first = clause.first else { return }
            // After a comma a capitalized word continues a list of names, not a new clause.
            if afterComma && first.isUppercase { return }
            clauses.append(lowercasingFirst(clause))
        }
        for character in text {
            if ",;:.—()«»!?".contains(character) { finish(character) } else { current.append(character) }
        }
        finish(nil)
        return clauses
    }

    /// The text with its first letter lowercased unless the first word looks like a name (`Telegram`, `SIP`).
    static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        let firstWord = text.prefix { $0 != " " }
        if first.isASCII || firstWord.dropFirst().contains(where: \.isUppercase) { return text }
        return first.lowercased() + text.dropFirst()
    }
}
