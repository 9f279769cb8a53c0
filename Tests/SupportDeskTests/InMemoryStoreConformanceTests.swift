import SupportDesk
import SupportDeskTesting
import Testing

/// Runs the whole storage conformance kit against ``InMemoryStore``.
@Suite struct InMemoryStoreConformanceTests {
    @Test(arguments: StoreConformance.checkNames)
    func conformance(_ check: String) async throws {
        try await StoreConformance(makeStore: { InMemoryStore() }).run(check)
    }

    @Test func conformanceAlsoHoldsWithNumbersStartingHigh() async throws {
        try await StoreConformance(makeStore: { InMemoryStore(firstTicketSequence: 1_042) }).runAll()
    }
}
