extension SQLiteStore {
    public func createAccount(_ account: Account) async throws {
        let sharing = try perform { try json(account.sharing) }
        try writing {
            if let existing = try accountID(sql: "SELECT id FROM accounts WHERE company_key = ?", account.companyKey) {
                throw StorageError.duplicateCompany(account.company, existing: existing)
            }
            var seen = Set<String>()
            for member in account.members {
                guard seen.insert(Self.emailKey(member)).inserted else {
                    throw StorageError.duplicateMember(member, existing: account.id)
                }
                let lookup = try connection.statement(
                    "SELECT account_id, email FROM account_members WHERE email_key = ?")
                try lookup.bind(Self.emailKey(member), at: 1)
                defer { lookup.reset() }
                if try lookup.step() {
                    let stored = (try? EmailAddress(lookup.text(1))) ?? member
                    throw StorageError.duplicateMember(stored, existing: Account.ID(lookup.text(0)))
                }
            }
            if try accountID(sql: "SELECT id FROM accounts WHERE id = ?", account.id.rawValue) != nil {
                throw StorageError(
                    .duplicateID, "an account with id \(account.id) already exists",
                    context: StorageError.Context(accountID: account.id))
            }
            try connection.run(
                "INSERT INTO accounts (id, company, company_key, sharing, created_at) VALUES (?, ?, ?, ?, ?)",
                account.id.rawValue, account.company, account.companyKey, sharing, account.createdAt)
            for (position, member) in account.members.enumerated() {
                try connection.run(
                    "INSERT INTO account_members (email_key, email, account_id, position) VALUES (?, ?, ?, ?)",
                    Self.emailKey(member), member.rawValue,
                    account.id.rawValue, position)
            }
        }
    }

    public func account(id: Account.ID) async throws -> Account? {
        try reading { try readAccount(id: id) }
    }

    public func account(memberEmail email: EmailAddress) async throws -> Account? {
        try reading {
            guard
                let id = try accountID(
                    sql: "SELECT account_id FROM account_members WHERE email_key = ?", Self.emailKey(email))
            else { return nil }
            return try readAccount(id: id)
        }
    }

    public func account(company: String) async throws -> Account? {
        try reading {
            guard
                let id = try accountID(
                    sql: "SELECT id FROM accounts WHERE company_key = ?", Account.companyKey(for: company))
            else { return nil }
            return try readAccount(id: id)
        }
    }

    /// The key under which member emails are unique: the whole address lowercased.
    static func emailKey(_ email: EmailAddress) -> String { email.rawValue.lowercased() }

    private func accountID(sql: String, _ value: String) throws -> Account.ID? {
        let statement = try connection.statement(sql)
        try statement.bind(value, at: 1)
        defer { statement.reset() }
        return try statement.step() ? Account.ID(statement.text(0)) : nil
    }

    private func readAccount(id: Account.ID) throws -> Account? {
        let row = try connection.statement("SELECT company, sharing, created_at FROM accounts WHERE id = ?")
        try row.bind(id.rawValue, at: 1)
        defer { row.reset() }
        guard try row.step() else { return nil }
        let company = row.text(0)
        let stored = SQLiteStoredRow(
            table: "accounts", record: "account \(id)", context: StorageError.Context(accountID: id, location: path))
        let sharing = try decode(Account.Sharing.self, row.text(1), column: "sharing", of: stored)
        let createdAt = row.date(2)

        let memberRows = try connection.statement(
            "SELECT email FROM account_members WHERE account_id = ? ORDER BY position")
        try memberRows.bind(id.rawValue, at: 1)
        defer { memberRows.reset() }
        var members: [EmailAddress] = []
        while try memberRows.step() {
            let text = memberRows.text(0)
            do { members.append(try EmailAddress(text)) } catch {
                throw SQLiteStoredRow(
                    table: "account_members", record: "a member of account \(id)",
                    context: StorageError.Context(accountID: id, location: path)
                )
                .unreadable("email", "is not a valid email address")
            }
        }
        do {
            return try Account(id: id, company: company, members: members, sharing: sharing, createdAt: createdAt)
        } catch {
            throw stored.unreadable("row", "does not make a valid account: \(error.message)")
        }
    }
}
