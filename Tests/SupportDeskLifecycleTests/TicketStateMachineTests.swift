import Foundation
import SupportDesk
import Testing

@Suite struct TicketStateMachineTests {
    /// The full table: every transition from every status, legal or not, and where it leads.
    static let table: [TicketTransition: [Ticket.Status: Ticket.Status]] = [
        .claim: [.new: .inProgress],
        .ask: [.inProgress: .waitingForCustomer, .waitingForCustomer: .waitingForCustomer],
        .customerReply: [.waitingForCustomer: .inProgress],
        .resolve: [.inProgress: .resolved, .waitingForCustomer: .resolved],
        .close: [.new: .closed, .inProgress: .closed, .waitingForCustomer: .closed],
        .autoClose: [.waitingForCustomer: .closed],
        .refresh: [.closed: .new],
    ]

    static var pairs: [(TicketTransition, Ticket.Status)] {
        TicketTransition.allCases.flatMap { transition in Ticket.Status.allCases.map { (transition, $0) } }
    }

    static func ticket(_ status: Ticket.Status, closeReason: Ticket.CloseReason? = nil) -> Ticket {
        Ticket(
            number: Ticket.Number(prefix: "TW", sequence: 1042), accountID: "acc", topicID: "chat-dialog",
            categoryID: "chats", fields: FieldValues(), status: status, assignee: status == .new ? nil : "ivan",
            closeReason: status == .closed ? (closeReason ?? .noCustomerReply) : nil,
            createdAt: Date(timeIntervalSince1970: 0))
    }

    @Test(arguments: pairs)
    func everyTransitionFromEveryStatus(transition: TicketTransition, status: Ticket.Status) throws {
        let ticket = Self.ticket(status)
        if let expected = Self.table[transition]?[status] {
            #expect(try TicketStateMachine.check(transition, for: ticket) == expected)
            #expect(TicketStateMachine.allows(transition, for: ticket))
        } else {
            do {
                _ = try TicketStateMachine.check(transition, for: ticket)
                Issue.record("\(transition) from \(status) should be refused")
            } catch {
                #expect(error.code == .illegalTransition)
                // The message names the ticket, the transition and the statuses involved, and says why.
                #expect(error.message.contains("TW-1042"))
                #expect(error.message.contains(transition.rawValue))
                #expect(error.message.contains(status.rawValue))
                #expect(error.message.contains("not allowed: "))
            }
            #expect(!TicketStateMachine.allows(transition, for: ticket))
        }
    }

    @Test(arguments: [Ticket.CloseReason.closedByAgent, .closedByCustomer])
    func onlyTicketsClosedForNoReplyCanBeRefreshed(reason: Ticket.CloseReason) {
        let ticket = Self.ticket(.closed, closeReason: reason)
        #expect(throws: DomainError.self) { try TicketStateMachine.check(.refresh, for: ticket) }
        do {
            _ = try TicketStateMachine.check(.refresh, for: ticket)
        } catch {
            #expect(error.message.contains(reason.rawValue))
            #expect(error.message.contains("create a new ticket"))
        }
    }

    @Test func recordedChangesAreCheckedAgainstTheTable() {
        for from in Ticket.Status.allCases {
            for to in Ticket.Status.allCases {
                let expected = Self.table.values.contains { $0[from] == to }
                #expect(TicketStateMachine.isLegalChange(from: from, to: to) == expected, "\(from) → \(to)")
            }
        }
    }

    @Test func theReasonTellsWhatToDo() {
        #expect(throws: DomainError.self) { try TicketStateMachine.check(.ask, for: Self.ticket(.new)) }
        do { _ = try TicketStateMachine.check(.ask, for: Self.ticket(.new)) } catch {
            #expect(error.message.contains("claim it first"))
        }
        do { _ = try TicketStateMachine.check(.claim, for: Self.ticket(.inProgress)) } catch {
            #expect(error.message.contains("agent ivan"))
        }
        do { _ = try TicketStateMachine.check(.customerReply, for: Self.ticket(.closed)) } catch {
            #expect(error.message.contains("refresh"))
        }
    }
}
