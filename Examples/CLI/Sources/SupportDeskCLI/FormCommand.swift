public import ArgumentParser
import Foundation
import SupportDesk

/// `support-desk form …`: check a topic's form the way the help center will, before creating a ticket.
public struct FormCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Validate a topic's form, or show which fields and options apply to a partly filled one.",
        subcommands: [Validate.self, State.self]
    )

    public init() {}

    /// `form validate <topic-id>`: field values as a JSON object on standard input.
    public struct Validate: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Validate field values (a JSON object on standard input) against a topic's form.",
            discussion: """
                Exit 0 and the normalized submission when the form is valid; exit 1 and every problem, each \
                with its field path, code and message (in --locale), when it is not. With --json: \
                {"valid": true, "topic": …, "category": …, "fields": {…}} or \
                {"valid": false, "issues": [{"field": …, "code": …, "message": …}]}.
                """)
        @OptionGroup public var global: GlobalOptions
        @Argument(help: "The topic id, e.g. chat-dialog.") public var topicID: String
        public init() {}

        public func run() async throws {
            let validator = FormValidator(catalog: try global.loadCatalog())
            switch validator.validate(topic: Topic.ID(topicID), json: Output.readStandardInput()) {
            case .success(let submission):
                guard case .object(var object) = submission.json else { return }
                if global.json {
                    var withFlag = JSONObject([("valid", true)])
                    for (key, value) in object { withFlag[key] = value }
                    object = withFlag
                    Output.printJSON(.object(object))
                } else {
                    Output.printJSON(.object(object), pretty: true)
                }
            case .failure(let failure):
                FormCommand.printIssues(failure, global: global)
                throw ExitCode(1)
            }
        }
    }

    /// `form state <topic-id>`: what a UI shows for a partly filled form.
    public struct State: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Show the visible and required fields and the offered options for partial input on stdin.",
            discussion: "Standard input is a JSON object of the values filled so far (empty input: nothing filled).")
        @OptionGroup public var global: GlobalOptions
        @Argument(help: "The topic id, e.g. chat-dialog.") public var topicID: String
        public init() {}

        public func run() async throws {
            let validator = FormValidator(catalog: try global.loadCatalog())
            var input = Output.readStandardInput()
            if input.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { input = Data("{}".utf8) }
            let state: FormState
            do {
                state = try validator.formState(topic: Topic.ID(topicID), json: input)
            } catch {
                FormCommand.printIssues(error, global: global)
                throw ExitCode(1)
            }
            let language = global.language
            if global.json {
                Output.printJSON(
                    [
                        "complete": .bool(state.isComplete),
                        "fields": .array(
                            state.fields.filter(\.isVisible).map { field in
                                var object = JSONObject()
                                object["id"] = .string(field.id.rawValue)
                                object["label"] = .string(field.definition.label.text(in: language))
                                object["required"] = .bool(field.isRequired)
                                if field.definition.kind.hasOptions {
                                    object["options"] = .array(field.allowedOptions.map { .string($0.value) })
                                }
                                if let value = field.value { object["value"] = value.inputJSON }
                                return .object(object)
                            }),
                        "missing": .array(state.missingRequiredFields.map { .string($0.rawValue) }),
                        "issues": FormCommand.issuesJSON(state.issues, language: language),
                    ])
                return
            }
            for field in state.fields where field.isVisible {
                let mark = field.isRequired ? (field.value == nil ? "*" : "✓") : (field.value == nil ? " " : "✓")
                var line = "\(mark) \(field.definition.label.text(in: language))  [\(field.id)]"
                if let value = field.value { line += " = \(value.inputJSON.serialized())" }
                print(line)
                if field.definition.kind.hasOptions {
                    print(
                        "    "
                            + field.allowedOptions.map { "\($0.value) (\($0.label.text(in: language)))" }.joined(
                                separator: ", "))
                }
            }
            for issue in state.issues { print("  ! \(issue.path): \(issue.message(in: language)) [\(issue.code)]") }
        }
    }

    /// Issues as JSON: `[{"field": path, "code": …, "message": …}]`.
    static func issuesJSON(_ issues: [ValidationIssue], language: LanguageCode) -> JSONValue {
        .array(
            issues.map {
                [
                    "field": .string($0.path), "code": .string($0.code.rawValue),
                    "message": .string($0.message(in: language)),
                ]
            })
    }

    /// Prints every issue: `{"valid": false, "issues": […]}` with `--json`, else one line per issue.
    static func printIssues(_ failure: ValidationFailure, global: GlobalOptions) {
        if global.json {
            Output.printJSON(failure.jsonValue(in: global.language))
            return
        }
        let count = failure.issues.count
        print(
            global.language == .ru
                ? "Форма не прошла проверку, проблем: \(count)"
                : "The form has \(count) problem\(count == 1 ? "" : "s"):")
        for issue in failure.issues {
            print(
                "  \(issue.path.isEmpty ? "(input)" : issue.path): \(issue.message(in: global.language)) [\(issue.code)]"
            )
        }
    }
}
