extension SQLiteStore {
    public func changes(since position: Int64, limit: Int) async throws -> [ChangeFeedEntry] {
        try Self.checkLimit(limit)
        return try perform {
            let rows = try connection.statement(
                """
                SELECT sequence, kind, ticket_id, comment_id, ticket_version, recorded_at FROM changes
                WHERE sequence > ? ORDER BY sequence LIMIT ?
                """)
            try rows.bind(position, limit)
            defer { rows.reset() }
            var entries: [ChangeFeedEntry] = []
            while try rows.step() {
                let kindText = rows.text(1)
                guard let kind = ChangeFeedEntry.Kind(rawValue: kindText) else {
                    let stored = SQLiteStoredRow(
                        table: "changes", record: "change \(rows.int64(0))",
                        context: StorageError.Context(ticketID: Ticket.ID(rows.text(2)), location: path))
                    throw stored.unknownValue("kind", kindText)
                }
                entries.append(
                    ChangeFeedEntry(
                        sequence: rows.int64(0), kind: kind, ticketID: Ticket.ID(rows.text(2)),
                        commentID: rows.optionalText(3).map(Comment.ID.init(rawValue:)),
                        ticketVersion: Int(rows.int64(4)), recordedAt: rows.date(5)))
            }
            return entries
        }
    }

    public func latestChangeSequence() async throws -> Int64 {
        try perform { try connection.scalarInt("SELECT coalesce(max(sequence), 0) FROM changes") }
    }
}
