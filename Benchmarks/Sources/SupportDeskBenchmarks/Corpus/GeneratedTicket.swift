/// A support ticket of the benchmark corpus: who, about what, and the texts search indexes.
struct GeneratedTicket: Sendable, Hashable {
    /// The ticket number (`TW-1`, `TW-2`, …; the position in the corpus plus one).
    var number: String
    /// The account (`acc-17`); a few accounts have many tickets, most have few.
    var accountID: String
    /// The catalog topic the ticket is about.
    var topicID: String
    /// The topic's category.
    var categoryID: String
    /// The status as stored (`new`, `in_progress`, `waiting_for_customer`, `resolved`, `closed`).
    var status: String
    /// The customer's short summary.
    var summary: String
    /// The customer's description.
    var description: String
    /// One or two comments, from support or the customer.
    var comments: [String]

    /// The ticket as one JSON line (the corpus export format read by `Scripts/baselines.py`).
    var jsonLine: String {
        var line = "{\"id\":" + JSONText.quoted(number)
        line += ",\"account\":" + JSONText.quoted(accountID)
        line += ",\"topic\":" + JSONText.quoted(topicID)
        line += ",\"category\":" + JSONText.quoted(categoryID)
        line += ",\"status\":" + JSONText.quoted(status)
        line += ",\"summary\":" + JSONText.quoted(summary)
        line += ",\"description\":" + JSONText.quoted(description)
        line += ",\"comments\":[" + comments.map(JSONText.quoted).joined(separator: ",") + "]}"
        return line
    }

    /// The bytes of text indexed (summary, description and comments as UTF-8).
    var textBytes: Int { summary.utf8.count + description.utf8.count + comments.reduce(0) { $0 + $1.utf8.count } }
}

/// JSON string literals, written by hand so the export is fast and byte-for-byte stable.
enum JSONText {
    /// The text as a JSON string literal (quotes, backslashes and control characters escaped).
    static func quoted(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
