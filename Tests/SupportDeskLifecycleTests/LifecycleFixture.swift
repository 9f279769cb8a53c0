import Foundation
import SupportDesk
import SupportDeskSQLite
import Testing

/// The stores every lifecycle test runs on.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inMemory
    case sqlite

    var testDescription: String { rawValue }

    func makeStore() throws -> (any SupportDeskStore, TemporaryDatabase?) {
        switch self {
        case .inMemory:
            return (InMemoryStore(), nil)
        case .sqlite:
            let file = try TemporaryDatabase()
            return (try SQLiteStore(path: file.path, configuration: SQLiteConfiguration(synchronous: .normal)), file)
        }
    }
}

/// A database file in a fresh temporary directory, removed with the fixture.
final class TemporaryDatabase: Sendable {
    let directory: URL
    var path: String { directory.appendingPathComponent("support-desk.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "supportdesk-lifecycle-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

/// A help center on a fresh store, with a movable clock and a few accounts.
struct LifecycleFixture {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
    static let hour: TimeInterval = 3600
    static let minute: TimeInterval = 60

    let store: any SupportDeskStore
    let database: TemporaryDatabase?
    let time: ManualTime
    let center: HelpCenter

    init(_ kind: StoreKind, policy: HelpCenterPolicy = HelpCenterPolicy()) throws {
        (store, database) = try kind.makeStore()
        time = ManualTime(Self.start)
        center = try HelpCenter(store: store, catalog: try Catalog.twinHelpCenter(), policy: policy, now: time.now)
    }

    static func email(_ text: String) -> EmailAddress {
        // Test addresses are literals known to be valid.
        (try? EmailAddress(text)) ?? EmailAddress.placeholder
    }

    /// A chat-dialog form that the validator would accept.
    static func submission(summary: String = "Бот не отвечает в Telegram") -> ValidatedSubmission {
        ValidatedSubmission(
            topicID: "chat-dialog", categoryID: "chats",
            values: FieldValues([
                CommonField.accountNumber: .text("123456"),
                CommonField.summary: .text(summary),
                CommonField.description: .text("Пишу боту — он молчит. Шаги: открыть чат, написать «привет»."),
                "chatId": .text("3f2c9a10-1b2c-4d5e-8f90-a1b2c3d4e5f6"),
                "channel": .option("telegram"),
            ]))
    }

    /// Creates the accounts used by most tests: a mailing group (Ромашка), all employees (Лютик).
    func makeAccounts() async throws -> (group: Account, employees: Account) {
        let group = try await center.createAccount(
            company: "Ромашка", members: [Self.email("support@romashka.ru")],
            sharing: .mailingGroup(fanOut: [Self.email("anna@romashka.ru"), Self.email("boris@romashka.ru")]))
        let employees = try await center.createAccount(
            company: "Лютик", members: [Self.email("olga@lutik.ru"), Self.email("petr@lutik.ru")])
        return (group, employees)
    }

    /// Creates a ticket for a customer and returns it.
    func ticket(by customer: String = "support@romashka.ru", summary: String = "Бот не отвечает") async throws -> Ticket
    {
        try await center.createTicket(Self.submission(summary: summary), by: .customer(Self.email(customer)))
    }

    /// Creates a ticket, lets `agent` claim it and ask a question; returns the ticket waiting for the customer.
    func waitingTicket(by customer: String = "support@romashka.ru", agent: Agent.ID = "ivan") async throws -> Ticket {
        let created = try await ticket(by: customer)
        let claimed = try await center.claimNext(agent: agent)
        #expect(claimed?.id == created.id)
        let view = try await center.comment(
            on: created.number, by: .agent(agent), text: "Пришлите, пожалуйста, идентификатор диалога.", asks: true)
        return view.ticket
    }

    /// All notifications in the outbox, in order.
    func outbox() async throws -> [OutboxNotification] {
        var all: [OutboxNotification] = []
        var cursor: PageCursor?
        repeat {
            let page = try await store.notifications(after: cursor, limit: 100)
            all += page.items
            cursor = page.next
        } while cursor != nil
        return all
    }
}

extension EmailAddress {
    /// Only reached if a test literal were invalid; the tests' expectations then fail visibly.
    static let placeholder: EmailAddress = {
        guard let value = try? EmailAddress("invalid@invalid.invalid") else { preconditionFailure("unreachable") }
        return value
    }()
}

/// Expects an operation to fail with a help-center error of the given code; returns the error.
@discardableResult
func expectHelpCenterError<T>(
    _ code: HelpCenterError.Code, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> T
) async -> HelpCenterError? {
    do {
        _ = try await body()
        Issue.record("expected \(code), but the operation succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let error as HelpCenterError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
