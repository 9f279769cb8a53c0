/// The SupportDesk schema in SQLite, as versioned migrations (`PRAGMA user_version`).
///
/// Dates are `REAL` seconds since 2001-01-01; structured values (field values, actors, history changes,
/// attachments, an account's sharing) are JSON text of the domain types' `Codable` form.
///
/// Add a version by appending a migration; never edit a released one.
package enum SQLiteSchema {
    /// The mark of a SupportDesk database file, `PRAGMA application_id` = `0x5344534B` (“SDSK” in ASCII),
    /// set when a file is created. A database carrying another mark is never opened for writing.
    package static let applicationID: UInt32 = 0x5344_534B

    /// The schema version this code writes.
    package static var latestVersion: Int { migrations.count }

    /// Every schema step, oldest first.
    package static let migrations: [SQLiteMigration] = [
        SQLiteMigration(
            version: 1,
            sql: """
                CREATE TABLE accounts (
                    id TEXT PRIMARY KEY NOT NULL,
                    company TEXT NOT NULL,
                    company_key TEXT NOT NULL UNIQUE,
                    sharing TEXT NOT NULL,
                    created_at REAL NOT NULL
                );
                -- Member emails are unique case-insensitively (email_key is the lowercased address).
                CREATE TABLE account_members (
                    email_key TEXT PRIMARY KEY NOT NULL,
                    email TEXT NOT NULL,
                    account_id TEXT NOT NULL REFERENCES accounts(id),
                    position INTEGER NOT NULL
                );
                CREATE INDEX account_members_by_account ON account_members(account_id, position);

                -- The last ticket number sequence handed out; updated inside the creating transaction, so
                -- a number is never given twice and never reused.
                CREATE TABLE ticket_number_sequence (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    last INTEGER NOT NULL
                );
                INSERT INTO ticket_number_sequence (id, last) VALUES (1, 0);

                -- The number sequence is unique across the store, so it is the rowid.
                CREATE TABLE tickets (
                    number_sequence INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    number_prefix TEXT NOT NULL,
                    account_id TEXT NOT NULL REFERENCES accounts(id),
                    topic_id TEXT NOT NULL,
                    category_id TEXT NOT NULL,
                    fields TEXT NOT NULL,
                    status TEXT NOT NULL,
                    assignee TEXT,
                    close_reason TEXT,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    queued_at REAL,
                    reply_deadline REAL,
                    reminder_at REAL,
                    closed_at REAL,
                    version INTEGER NOT NULL CHECK (version >= 1)
                );
                -- The support queue, oldest first (ties by number): only queued tickets are indexed. A ticket
                -- without a queue time queues at its creation time (queries repeat this exact expression).
                CREATE INDEX tickets_queue ON tickets(coalesce(queued_at, created_at), number_sequence)
                    WHERE status = 'new';
                -- Tickets waiting for the customer, by deadline: the due query reads only the due entries.
                CREATE INDEX tickets_reply_deadline ON tickets(reply_deadline)
                    WHERE status = 'waiting_for_customer' AND reply_deadline IS NOT NULL;
                CREATE INDEX tickets_reminder ON tickets(reminder_at)
                    WHERE status = 'waiting_for_customer' AND reminder_at IS NOT NULL;
                -- An account's tickets (the rowid, the number, follows the account in the index).
                CREATE INDEX tickets_by_account ON tickets(account_id);

                -- Comments and history point at their ticket by its number sequence (the rowid), so the
                -- rows of new tickets append at the end of their index instead of landing at random UUIDs.
                CREATE TABLE comments (
                    position INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    ticket_seq INTEGER NOT NULL REFERENCES tickets(number_sequence),
                    author TEXT NOT NULL,
                    visibility TEXT NOT NULL,
                    body TEXT NOT NULL,
                    attachments TEXT NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE INDEX comments_by_ticket ON comments(ticket_seq, position);

                CREATE TABLE ticket_history (
                    position INTEGER PRIMARY KEY,
                    ticket_seq INTEGER NOT NULL REFERENCES tickets(number_sequence),
                    at REAL NOT NULL,
                    actor TEXT NOT NULL,
                    change TEXT NOT NULL,
                    reason TEXT NOT NULL
                );
                CREATE INDEX ticket_history_by_ticket ON ticket_history(ticket_seq, position);

                CREATE TABLE outbox (
                    sequence INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    account_id TEXT NOT NULL,
                    ticket_id TEXT NOT NULL REFERENCES tickets(id),
                    ticket_number TEXT NOT NULL,
                    recipient TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    body TEXT NOT NULL,
                    comment_id TEXT,
                    created_at REAL NOT NULL,
                    status TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    next_attempt_at REAL NOT NULL,
                    last_error TEXT,
                    delivered_at REAL
                );
                -- Notifications due for delivery: only pending ones are indexed.
                CREATE INDEX outbox_due ON outbox(next_attempt_at, sequence) WHERE status = 'pending';

                -- The change feed: the rowid increases in commit order (writers are serialized).
                CREATE TABLE changes (
                    sequence INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    ticket_id TEXT NOT NULL,
                    comment_id TEXT,
                    ticket_version INTEGER NOT NULL,
                    recorded_at REAL NOT NULL
                );
                """)
    ]
}
