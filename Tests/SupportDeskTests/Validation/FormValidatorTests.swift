import SupportDesk
import Testing

@Suite struct FormValidatorTests {
    let validator: FormValidator

    init() throws { validator = try ValidationFixtures.validator() }

    @Test func validInputBecomesASubmission() throws {
        let submission = try validator.validate(topic: "every-kind", input: ValidationFixtures.validInput).get()
        #expect(submission.topicID == "every-kind")
        #expect(submission.categoryID == "all")
        #expect(submission["summary"] == .text("Бот молчит"))
        #expect(submission["count"] == .integer(5))
        #expect(submission["agree"] == .flag(true))
        #expect(submission["description"] == nil)
    }

    @Test func everyIssueIsReportedInFormOrder() throws {
        let input = ValidationFixtures.input([
            "accountNumber": "12", "summary": nil, "count": "many", "zzz": 1, "agree": false,
        ])
        let failure = try #require(validator.validate(topic: "every-kind", input: input).failure)
        #expect(failure.codes == [.pattern, .required, .notAnInteger, .required, .unknownField])
        #expect(failure.issues.map(\.path) == [
            "fields.accountNumber", "fields.summary", "fields.count", "fields.agree", "fields.zzz",
        ])
    }

    @Test func unknownTopicIsAnIssue() throws {
        let failure = try #require(validator.validate(topic: "nope", input: [:]).failure)
        #expect(failure.codes == [.unknownTopic])
        #expect(failure.issues[0].path == "topic")
    }
}
