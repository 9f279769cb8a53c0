public import ArgumentParser
import SupportDesk

/// `support-desk catalog …`: look at and check help-center catalogs.
public struct CatalogCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List categories and topics, show a topic's form, check a catalog file.",
        subcommands: [List.self, Show.self, Lint.self]
    )

    public init() {}

    /// `catalog list`: categories and their topics.
    public struct List: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(abstract: "List the categories and their topics.")
        @OptionGroup public var global: GlobalOptions
        public init() {}

        public func run() async throws {
            let catalog = try global.loadCatalog()
            let language = global.language
            if global.json {
                Output.printJSON(
                    .array(
                        catalog.categories.map { category in
                            [
                                "id": .string(category.id.rawValue),
                                "title": .string(category.title[language]),
                                "topics": .array(
                                    category.topics.map { topic in
                                        ["id": .string(topic.id.rawValue), "title": .string(topic.title[language])]
                                    }),
                            ]
                        }))
                return
            }
            for category in catalog.categories {
                print("\(category.title[language])  [\(category.id)]")
                for topic in category.topics {
                    print("  • \(topic.title[language])  [\(topic.id)]")
                }
            }
            let topicCount = catalog.topics.count
            print(
                "\n\(catalog.categories.count) categories, \(topicCount) topics. Show a form: support-desk catalog show <topic-id>"
            )
        }
    }

    /// `catalog show <topic-id>`: a topic's form with labels and hints.
    public struct Show: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Show a topic's form: fields, labels, hints, rules.")
        @OptionGroup public var global: GlobalOptions
        @Argument(help: "The topic id, e.g. chat-dialog.") public var topicID: String
        public init() {}

        public func run() async throws {
            let catalog = try global.loadCatalog()
            guard let topic = catalog.topic(Topic.ID(topicID)) else {
                let known = catalog.topics.map(\.id.rawValue).joined(separator: ", ")
                throw ValidationError("no topic has the id “\(topicID)”; topics: \(known)")
            }
            let language = global.language
            if global.json {
                Output.printJSON(
                    [
                        "id": .string(topic.id.rawValue),
                        "category": .string(topic.categoryID.rawValue),
                        "title": topic.title.jsonValue,
                        "description": topic.description.jsonValue,
                        "fields": .array(topic.form.fields.map(\.jsonValue)),
                    ], pretty: true)
                return
            }
            let category = catalog.category(topic.categoryID)
            print("\(category?.title[language] ?? topic.categoryID.rawValue) → \(topic.title[language])  [\(topic.id)]")
            print(topic.description[language])
            print("")
            for field in topic.form.fields {
                var line = "\(field.label[language])  [\(field.id), \(field.kind.rawValue)"
                if field.isRequired { line += ", \(language == .ru ? "обязательное" : "required")" }
                if let condition = field.requiredWhen { line += ", required when \(condition.jsonValue.serialized())" }
                if let condition = field.visibleWhen { line += ", shown when \(condition.jsonValue.serialized())" }
                print(line + "]")
                if let hint = field.hint { print("    \(hint[language])") }
                if !field.options.isEmpty {
                    print("    " + field.options.map { "\($0.value) (\($0.label[language]))" }.joined(separator: ", "))
                }
            }
        }
    }

    /// `catalog lint <file>`: check a catalog file and list every problem.
    public struct Lint: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Check a catalog file; exit 1 with every problem and its JSON path.")
        @OptionGroup public var global: GlobalOptions
        @Argument(help: "The catalog JSON file.") public var file: String
        public init() {}

        public func run() async throws {
            do {
                let catalog = try Catalog.load(contentsOfFile: file)
                if global.json {
                    Output.printJSON([
                        "valid": true, "issues": [], "categories": .number(String(catalog.categories.count)),
                        "topics": .number(String(catalog.topics.count)),
                    ])
                } else {
                    print("\(file): OK (\(catalog.categories.count) categories, \(catalog.topics.count) topics)")
                }
            } catch {
                if global.json {
                    Output.printJSON(
                        [
                            "valid": false,
                            "issues": .array(
                                error.issues.map {
                                    [
                                        "path": .string($0.path), "code": .string($0.code.rawValue),
                                        "message": .string($0.message),
                                    ]
                                }),
                        ])
                } else {
                    print("\(file): \(error.issues.count) problem\(error.issues.count == 1 ? "" : "s")")
                    for issue in error.issues {
                        print("  \(issue.path.isEmpty ? "(document)" : issue.path): \(issue.message) [\(issue.code)]")
                    }
                }
                throw ExitCode(1)
            }
        }
    }
}
