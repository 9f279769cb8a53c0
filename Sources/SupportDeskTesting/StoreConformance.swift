#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The conformance kit: named checks that any ``SupportDeskStore`` backend runs against itself.
///
/// Each check gets a fresh, empty store from the factory, exercises one part of the contract documented
/// on ``AccountStore``, ``TicketStore``, ``NotificationOutbox`` and ``ChangeFeed``, and throws a
/// ``ConformanceFailure`` describing the first broken expectation. The kit does not depend on a test
/// framework, so it runs under Swift Testing, XCTest or a plain executable:
///
/// ```swift
/// import SupportDeskTesting
/// import Testing
///
/// @Suite struct MyStoreConformanceTests {
///     @Test(arguments: StoreConformance.checkNames)
///     func conformance(_ check: String) async throws {
///         try await StoreConformance(makeStore: { try await MyStore.temporary() }).run(check)
///     }
/// }
/// ```
public struct StoreConformance: Sendable {
    /// Creates a fresh, empty store for one check.
    public typealias StoreFactory = @Sendable () async throws -> any SupportDeskStore

    /// The factory of fresh stores.
    public let makeStore: StoreFactory
    /// How many tasks the concurrency checks run at once.
    public let concurrentTasks: Int

    /// Creates the kit for a backend.
    /// - Parameters:
    ///   - concurrentTasks: How many tasks the concurrency checks run at once (at least 2; 8 by default).
    ///   - makeStore: Returns a fresh, empty store; called once per check.
    public init(concurrentTasks: Int = 8, makeStore: @escaping StoreFactory) {
        self.concurrentTasks = max(2, concurrentTasks)
        self.makeStore = makeStore
    }

    /// The names of all checks, in a stable order (pass one to ``run(_:)``).
    public static let checkNames: [String] = [
        "accountsRoundTrip",
        "duplicateCompanyNamesTheExistingAccount",
        "duplicateMemberNamesTheExistingAccount",
        "memberEmailsMatchIgnoringCase",
        "concurrentAccountCreatesForOneCompany",
        "createTicketAllocatesNumberAndStoresEverything",
        "createTicketRejectsBadInputAndKeepsNothing",
        "concurrentCreatesGetUniqueNumbers",
        "valuesRoundTrip",
        "updateIsAtomicWithCommentHistoryAndOutbox",
        "failedUpdateLeavesNothingHalfWritten",
        "versionConflictReportsBothVersions",
        "concurrentUpdatesLoseNothing",
        "commentsKeepVisibilityAndOrder",
        "accountTicketsPageNewestFirst",
        "queueIsOldestFirstAndPages",
        "claimNextTakesTheOldestAndRecordsIt",
        "concurrentClaimsTakeEachTicketOnce",
        "dueQueryReturnsOnlyDueWaitingTickets",
        "reminderQueryReturnsOnlyDueReminders",
        "changeFeedIsMonotonicAndComplete",
        "concurrentWritesKeepTheChangeFeedComplete",
        "outboxIsWrittenWithTheEvent",
        "deliveryRetryAndDeadLetterBookkeeping",
        "importKeepsTicketsAndAdvancesNumbers",
        "failedImportKeepsNothing",
        "limitsAndCursorsAreValidated",
    ]

    /// Runs one check against a fresh store.
    /// - Parameter name: One of ``checkNames``.
    /// - Throws: ``ConformanceFailure`` when the backend breaks the contract (or the name is unknown); an
    ///   unexpected error from the backend is reported as a failure naming it.
    public func run(_ name: String) async throws {
        do {
            let store = try await makeStore()
            try await perform(name, on: store)
        } catch var failure as ConformanceFailure {
            failure.check = name
            throw failure
        } catch {
            throw ConformanceFailure(check: name, message: "unexpected error: \(String(describing: error))")
        }
    }

    /// Runs every check, each against its own fresh store.
    /// - Throws: The first ``ConformanceFailure``.
    public func runAll() async throws {
        for name in Self.checkNames { try await run(name) }
    }

    private func perform(_ name: String, on store: any SupportDeskStore) async throws {
        switch name {
        case "accountsRoundTrip": try await accountsRoundTrip(store)
        case "duplicateCompanyNamesTheExistingAccount": try await duplicateCompanyNamesTheExistingAccount(store)
        case "duplicateMemberNamesTheExistingAccount": try await duplicateMemberNamesTheExistingAccount(store)
        case "memberEmailsMatchIgnoringCase": try await memberEmailsMatchIgnoringCase(store)
        case "concurrentAccountCreatesForOneCompany": try await concurrentAccountCreatesForOneCompany(store)
        case "createTicketAllocatesNumberAndStoresEverything":
            try await createTicketAllocatesNumberAndStoresEverything(store)
        case "createTicketRejectsBadInputAndKeepsNothing": try await createTicketRejectsBadInputAndKeepsNothing(store)
        case "concurrentCreatesGetUniqueNumbers": try await concurrentCreatesGetUniqueNumbers(store)
        case "valuesRoundTrip": try await valuesRoundTrip(store)
        case "updateIsAtomicWithCommentHistoryAndOutbox": try await updateIsAtomicWithCommentHistoryAndOutbox(store)
        case "failedUpdateLeavesNothingHalfWritten": try await failedUpdateLeavesNothingHalfWritten(store)
        case "versionConflictReportsBothVersions": try await versionConflictReportsBothVersions(store)
        case "concurrentUpdatesLoseNothing": try await concurrentUpdatesLoseNothing(store)
        case "commentsKeepVisibilityAndOrder": try await commentsKeepVisibilityAndOrder(store)
        case "accountTicketsPageNewestFirst": try await accountTicketsPageNewestFirst(store)
        case "queueIsOldestFirstAndPages": try await queueIsOldestFirstAndPages(store)
        case "claimNextTakesTheOldestAndRecordsIt": try await claimNextTakesTheOldestAndRecordsIt(store)
        case "concurrentClaimsTakeEachTicketOnce": try await concurrentClaimsTakeEachTicketOnce(store)
        case "dueQueryReturnsOnlyDueWaitingTickets": try await dueQueryReturnsOnlyDueWaitingTickets(store)
        case "reminderQueryReturnsOnlyDueReminders": try await reminderQueryReturnsOnlyDueReminders(store)
        case "changeFeedIsMonotonicAndComplete": try await changeFeedIsMonotonicAndComplete(store)
        case "concurrentWritesKeepTheChangeFeedComplete": try await concurrentWritesKeepTheChangeFeedComplete(store)
        case "outboxIsWrittenWithTheEvent": try await outboxIsWrittenWithTheEvent(store)
        case "deliveryRetryAndDeadLetterBookkeeping": try await deliveryRetryAndDeadLetterBookkeeping(store)
        case "importKeepsTicketsAndAdvancesNumbers": try await importKeepsTicketsAndAdvancesNumbers(store)
        case "failedImportKeepsNothing": try await failedImportKeepsNothing(store)
        case "limitsAndCursorsAreValidated": try await limitsAndCursorsAreValidated(store)
        default:
            throw ConformanceFailure(
                message: "there is no check named “\(name)”; see StoreConformance.checkNames")
        }
    }
}
