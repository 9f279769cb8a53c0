import Foundation
import SupportDeskSQLite

// A child process for the SQLite crash-safety and multi-process tests (not a product; the tests start it).
//
//   SupportDeskSQLiteCrashWriter write <database>
//       Creates tickets (with their history entry and two outbox notifications) and comments in a loop,
//       forever. After each create returns it prints `ticket <id> <number>`, after each comment returns
//       `comment <ticket id> <comment id>`, one line each, written straight to file descriptor 1.
//       The test kills it with SIGKILL and checks that every printed record survived.
//
//   SupportDeskSQLiteCrashWriter claim <database> <agent> [<start at, ms since 1970>]
//       Waits until the start time (so two claimers start together), then claims from the queue until it
//       is empty, printing `claimed <ticket id>` after each claim returns.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one line to standard output without buffering, so a line printed before a SIGKILL is complete.
func emit(_ line: String) {
    var bytes = Array((line + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
        if written < 0 {
            if errno == EINTR { continue }
            exit(3)
        }
        offset += written
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("SupportDeskSQLiteCrashWriter: \(message)\n".utf8))
    exit(2)
}

func writeForever(path: String) async throws -> Never {
    let store = try SQLiteStore(path: path)
    let email = try EmailAddress("crash@writer.test")
    let account: Account
    if let existing = try await store.account(company: "Crash writer") {
        account = existing
    } else {
        account = try Account(
            company: "Crash writer", members: [email], sharing: .mailingGroup(fanOut: [email]), createdAt: Date())
        try await store.createAccount(account)
    }
    var round = 0
    while true {
        round += 1
        let now = Date()
        let draft = TicketDraft(
            numberPrefix: "CR", accountID: account.id, topicID: "chat-dialog", categoryID: "chats",
            fields: FieldValues([
                CommonField.summary: .text("Crash round \(round)"),
                CommonField.description: .text(String(repeating: "Подробное описание проблемы. ", count: 8)),
            ]),
            createdAt: now)
        let ticket = try await store.createTicket(
            draft,
            history: [TicketHistoryEntry(ticketID: draft.id, at: now, actor: .customer(email), change: .created)],
            outbox: [
                OutboxNotification.Draft(recipient: email, kind: .ticketCreated, body: "created"),
                OutboxNotification.Draft(
                    recipient: try EmailAddress("copy@writer.test"), kind: .ticketCreated, body: "copy"),
            ])
        emit("ticket \(ticket.id) \(ticket.number)")
        if round % 2 == 0 {
            let comment = Comment(
                ticketID: ticket.id, author: .agent("crash-agent"), body: "Ответ \(round)", createdAt: Date())
            var updated = ticket
            updated.updatedAt = comment.createdAt
            _ = try await store.updateTicket(
                updated, expectedVersion: ticket.version,
                history: [
                    TicketHistoryEntry(
                        ticketID: ticket.id, at: comment.createdAt, actor: comment.author,
                        change: .commented(comment.id, .public))
                ],
                outbox: [
                    OutboxNotification.Draft(
                        recipient: email, kind: .agentComment, body: comment.body, commentID: comment.id)
                ],
                comment: comment)
            emit("comment \(ticket.id) \(comment.id)")
        }
    }
}

func claimAll(path: String, agent: String, startAt: Double?) async throws {
    let store = try SQLiteStore(path: path)
    if let startAt {
        let wait = startAt / 1000 - Date().timeIntervalSince1970
        if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
    }
    while let ticket = try await store.claimNext(agent: Agent.ID(agent), now: Date()) {
        emit("claimed \(ticket.id)")
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch (arguments.first, arguments.count) {
    case ("write", 2):
        try await writeForever(path: arguments[1])
    case ("claim", 3), ("claim", 4):
        try await claimAll(
            path: arguments[1], agent: arguments[2], startAt: arguments.count == 4 ? Double(arguments[3]) : nil)
    default:
        fail("usage: write <database> | claim <database> <agent> [<start at ms>]")
    }
} catch {
    fail("\(error)")
}
