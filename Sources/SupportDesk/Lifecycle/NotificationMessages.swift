#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The texts of the notifications the lifecycle writes to the outbox, in Russian and English.
///
/// A sink may wrap them in its own template; the body is complete on its own (it names the ticket and
/// says what happened and what the customer can do).
enum NotificationMessages {
    static func body(
        _ kind: OutboxNotification.Kind, ticket: Ticket, language: LanguageCode, comment: String? = nil,
        policy: HelpCenterPolicy
    ) -> String {
        let number = ticket.number.description
        let summary = ticket.summary.isEmpty ? "" : " «\(ticket.summary)»"
        let quoted = comment.map { "\n\n\($0)" } ?? ""
        let deadline = ticket.replyDeadline.map(timestamp) ?? ""
        let days = Self.duration(policy.refreshWindow, language)
        let replyDays = Self.duration(policy.replyPeriod, language)
        if language == .ru {
            switch kind {
            case .ticketCreated:
                return "Заявка \(number)\(summary) создана и поставлена в очередь поддержки."
            case .agentComment:
                return "Новый комментарий поддержки к заявке \(number)\(summary):\(quoted)"
            case .waitingForReply:
                return "Поддержка ждёт вашего ответа по заявке \(number)\(summary):\(quoted)\n\n"
                    + "Ответьте до \(deadline), иначе заявка будет закрыта автоматически."
            case .reminder:
                return "Напоминание: поддержка ждёт вашего ответа по заявке \(number)\(summary). "
                    + "Без ответа до \(deadline) заявка будет закрыта."
            case .closedNoReply:
                return "Заявка \(number)\(summary) закрыта: нет ответа клиента более \(replyDays). "
                    + "В течение \(days) её можно актуализировать, написав комментарий."
            case .resolved:
                return "Заявка \(number)\(summary) решена.\(quoted)"
            case .refreshed:
                return "Заявка \(number)\(summary) актуализирована и снова в очереди поддержки."
            default:
                return "Заявка \(number): \(kind.rawValue)"
            }
        }
        switch kind {
        case .ticketCreated:
            return "Ticket \(number)\(summary) was created and is in the support queue."
        case .agentComment:
            return "Support commented on ticket \(number)\(summary):\(quoted)"
        case .waitingForReply:
            return "Support is waiting for your answer on ticket \(number)\(summary):\(quoted)\n\n"
                + "Please answer before \(deadline), or the ticket will be closed automatically."
        case .reminder:
            return "Reminder: support is waiting for your answer on ticket \(number)\(summary). "
                + "Without an answer before \(deadline) the ticket will be closed."
        case .closedNoReply:
            return "Ticket \(number)\(summary) was closed: no customer reply for more than \(replyDays). "
                + "You can refresh it with a comment within \(days)."
        case .resolved:
            return "Ticket \(number)\(summary) is resolved.\(quoted)"
        case .refreshed:
            return "Ticket \(number)\(summary) was refreshed and is back in the support queue."
        default:
            return "Ticket \(number): \(kind.rawValue)"
        }
    }

    /// The confirmation of a new ticket; the number travels in the outbox row, since the store allocates it
    /// in the same transaction.
    static func createdBody(summary fields: FieldValues, language: LanguageCode) -> String {
        var summary = ""
        if case .text(let text)? = fields[CommonField.summary], !text.isEmpty { summary = " «\(text)»" }
        return language == .ru
            ? "Ваша заявка\(summary) создана и поставлена в очередь поддержки. Номер заявки указан в теме письма."
            : "Your ticket\(summary) was created and is in the support queue. Its number is in the subject."
    }

    /// A duration in whole days when it is one (`2 days` / `2 дн.`), else in hours.
    static func duration(_ interval: TimeInterval, _ language: LanguageCode) -> String {
        let days = interval / HelpCenterPolicy.day
        if days == days.rounded(), days >= 1 {
            return language == .ru ? "\(Int(days)) дн." : "\(Int(days)) day\(days == 1 ? "" : "s")"
        }
        let hours = Int((interval / 3600).rounded())
        return language == .ru ? "\(hours) ч" : "\(hours) h"
    }

    /// A UTC timestamp such as `2026-11-27 10:00 UTC`.
    static func timestamp(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let dayNumber = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - dayNumber * 86_400
        // Civil-from-days (Howard Hinnant's algorithm).
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day)) \(pad(secondOfDay / 3600)):\(pad(secondOfDay % 3600 / 60)) UTC"
    }
}
