import Foundation
import SupportDesk
import Testing

@Suite struct StorageErrorTests {
    @Test func duplicateCompanyNamesTheExistingAccount() {
        let error = StorageError.duplicateCompany("Ромашка", existing: "acc-1")
        #expect(error.code == .duplicateCompany)
        #expect(error.context.accountID == "acc-1")
        #expect(error.context.company == "Ромашка")
        #expect(error.message.contains("acc-1") && error.message.contains("Ромашка"))
        #expect(error.description.hasPrefix("duplicateCompany: "))
    }

    @Test func duplicateMemberNamesEmailAndAccount() throws {
        let email = try EmailAddress("anna@romashka.ru")
        let error = StorageError.duplicateMember(email, existing: "acc-2")
        #expect(error.code == .duplicateMember)
        #expect(error.context.email == email)
        #expect(error.context.accountID == "acc-2")
        #expect(error.message.contains("anna@romashka.ru"))
    }

    @Test func versionConflictCarriesBothVersions() {
        let error = StorageError.versionConflict(ticket: "t-1", expected: 3, actual: 5)
        #expect(error.code == .versionConflict)
        #expect(error.context.expectedVersion == 3)
        #expect(error.context.actualVersion == 5)
        #expect(error.context.ticketID == "t-1")
        #expect(error.message.contains("3") && error.message.contains("5"))
    }

    @Test func codesAreDistinctAndNamed() {
        let codes: [StorageError.Code] = [
            .duplicateCompany, .duplicateMember, .duplicateID, .duplicateTicketNumber, .notFound, .versionConflict,
            .invalidCursor, .invalidArgument, .invalidChange, .unreadableStore, .incompatibleSchema, .backendFailure,
        ]
        #expect(Set(codes).count == codes.count)
        #expect(Set(codes.map(\.description)).count == codes.count)
        #expect(StorageError.Code.notFound.description == "notFound")
    }

    @Test func notFoundFactoriesNameTheRecord() {
        #expect(StorageError.ticketNotFound("t-9").context.ticketID == "t-9")
        #expect(StorageError.accountNotFound("a-9").context.accountID == "a-9")
        #expect(StorageError.notificationNotFound("n-9").context.notificationID == "n-9")
        #expect(StorageError.invalidLimit(0).code == .invalidArgument)
        #expect(StorageError.invalidCursor(PageCursor(rawValue: "zz")).message.contains("zz"))
    }
}
