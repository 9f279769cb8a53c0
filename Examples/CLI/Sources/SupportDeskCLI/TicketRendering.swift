public import Foundation
public import SupportDesk

/// How tickets, views and notifications are printed: text for people, JSON for programs.
public enum TicketRendering {
    /// A UTC time as `2026-11-25 10:00 UTC`.
    public static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    /// An ISO 8601 time for JSON.
    public static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// The status in words.
    public static func status(_ status: Ticket.Status, _ language: LanguageCode) -> String {
        switch (status, language == .ru) {
        case (.new, true): "новая, в очереди"
        case (.inProgress, true): "в работе"
        case (.waitingForCustomer, true): "ждёт ответа клиента"
        case (.resolved, true): "решена"
        case (.closed, true): "закрыта"
        case (.new, false): "new, in the queue"
        case (.inProgress, false): "in progress"
        case (.waitingForCustomer, false): "waiting for the customer"
        case (.resolved, false): "resolved"
        case (.closed, false): "closed"
        }
    }

    /// One line per ticket for lists.
    public static func line(_ ticket: Ticket, _ language: LanguageCode) -> String {
        var line = "\(ticket.number)  [\(ticket.status.rawValue)]  \(ticket.summary)"
        if let assignee = ticket.assignee { line += "  (\(assignee))" }
        if let deadline = ticket.replyDeadline {
            line += language == .ru ? "  ответ до \(time(deadline))" : "  reply due \(time(deadline))"
        }
        return line
    }

    /// A ticket as JSON.
    public static func json(_ ticket: Ticket) -> JSONValue {
        var object: [(String, JSONValue)] = [
            ("number", .string(ticket.number.description)), ("id", .string(ticket.id.rawValue)),
            ("account", .string(ticket.accountID.rawValue)), ("topic", .string(ticket.topicID.rawValue)),
            ("category", .string(ticket.categoryID.rawValue)), ("status", .string(ticket.status.rawValue)),
            ("summary", .string(ticket.summary)), ("createdAt", .string(iso(ticket.createdAt))),
            ("version", .number(String(ticket.version))),
        ]
        if let assignee = ticket.assignee { object.append(("assignee", .string(assignee.rawValue))) }
        if let reason = ticket.closeReason { object.append(("closeReason", .string(reason.rawValue))) }
        if let date = ticket.queuedAt { object.append(("queuedAt", .string(iso(date)))) }
        if let date = ticket.replyDeadline { object.append(("replyDeadline", .string(iso(date)))) }
        if let date = ticket.reminderAt { object.append(("reminderAt", .string(iso(date)))) }
        if let date = ticket.closedAt { object.append(("closedAt", .string(iso(date)))) }
        object.append(("fields", .object(JSONObject(ticket.fields.map { ($0.field.rawValue, $0.value.inputJSON) }))))
        return .object(JSONObject(object))
    }

    /// A ticket view (what one person may see) as JSON.
    public static func json(_ view: TicketView) -> JSONValue {
        var object: [(String, JSONValue)] = [
            ("viewer", .string(view.viewer.description)), ("ticket", json(view.ticket)),
            (
                "comments",
                .array(
                    view.comments.map {
                        [
                            "id": .string($0.id.rawValue), "author": .string($0.author.description),
                            "visibility": .string($0.visibility.rawValue), "body": .string($0.body),
                            "createdAt": .string(iso($0.createdAt)),
                        ]
                    })
            ),
            (
                "history",
                .array(
                    view.history.map {
                        [
                            "at": .string(iso($0.at)), "actor": .string($0.actor.description),
                            "change": .string(change($0.change)), "reason": .string($0.reason),
                        ]
                    })
            ),
        ]
        if let until = view.refreshableUntil { object.append(("refreshableUntil", .string(iso(until)))) }
        return .object(JSONObject(object))
    }

    /// A history change in words.
    public static func change(_ change: TicketHistoryEntry.Change) -> String {
        switch change {
        case .created: "created"
        case .status(let from, let to): "\(from.rawValue) → \(to.rawValue)"
        case .assigned(let agent): "assigned to \(agent)"
        case .commented(_, let visibility): visibility == .internal ? "internal comment" : "comment"
        case .reminded: "reminded"
        }
    }

    /// A ticket view as text.
    public static func text(_ view: TicketView, catalog: Catalog, language: LanguageCode) -> String {
        let ticket = view.ticket
        let ru = language == .ru
        var lines: [String] = []
        lines.append("\(ticket.number)  \(ticket.summary)")
        let topic = catalog.topic(ticket.topicID)
        let category = catalog.category(ticket.categoryID)
        lines.append(
            (ru ? "  Тема: " : "  Topic: ")
                + "\(category?.title[language] ?? ticket.categoryID.rawValue) → \(topic?.title[language] ?? ticket.topicID.rawValue)"
        )
        var status = (ru ? "  Статус: " : "  Status: ") + self.status(ticket.status, language)
        if let reason = ticket.closeReason { status += " (\(reason.rawValue))" }
        if let assignee = ticket.assignee { status += ru ? ", исполнитель \(assignee)" : ", assignee \(assignee)" }
        lines.append(status)
        if let deadline = ticket.replyDeadline {
            lines.append((ru ? "  Ответ клиента ждём до " : "  Customer reply due by ") + time(deadline))
        }
        if let until = view.refreshableUntil {
            lines.append((ru ? "  Можно актуализировать до " : "  Can be refreshed until ") + time(until))
        }
        lines.append(ru ? "  Поля формы:" : "  Form fields:")
        // Form order first, then anything the form no longer has.
        let formOrder = topic?.form.fields.map(\.id) ?? []
        let known = Set(formOrder)
        for field in formOrder + ticket.fields.fieldIDs.filter({ !known.contains($0) }) {
            guard let value = ticket.fields[field] else { continue }
            let label = topic?.form.fields.first { $0.id == field }?.label[language] ?? field.rawValue
            lines.append("    \(label): \(value.canonicalTexts.joined(separator: ", "))")
        }
        lines.append(ru ? "  Комментарии:" : "  Comments:")
        if view.comments.isEmpty { lines.append(ru ? "    (нет)" : "    (none)") }
        for comment in view.comments {
            let tag = comment.visibility == .internal ? (ru ? " [внутренний]" : " [internal]") : ""
            lines.append("    \(time(comment.createdAt))  \(comment.author)\(tag): \(comment.body)")
        }
        lines.append(ru ? "  История:" : "  History:")
        for entry in view.history {
            let reason = entry.reason.isEmpty ? "" : " — \(entry.reason)"
            lines.append("    \(time(entry.at))  \(entry.actor): \(change(entry.change))\(reason)")
        }
        return lines.joined(separator: "\n")
    }

    /// A notification as JSON.
    public static func json(_ notification: OutboxNotification) -> JSONValue {
        var object: [(String, JSONValue)] = [
            ("id", .string(notification.id.rawValue)), ("sequence", .number(String(notification.sequence))),
            ("ticket", .string(notification.ticketNumber.description)),
            ("recipient", .string(notification.recipient.rawValue)), ("kind", .string(notification.kind.rawValue)),
            ("status", .string(notification.status.rawValue)), ("attempts", .number(String(notification.attempts))),
            ("createdAt", .string(iso(notification.createdAt))), ("body", .string(notification.body)),
        ]
        if let error = notification.lastError { object.append(("lastError", .string(error))) }
        if let date = notification.deliveredAt { object.append(("deliveredAt", .string(iso(date)))) }
        return .object(JSONObject(object))
    }
}
