/// Stores accounts and enforces their uniqueness rules: one account per company, one account per email.
///
/// ## Implementation requirements
///
/// - Company names are unique by ``Account/companyKey`` (trimmed, whitespace collapsed, lowercased), not
///   by the name as typed: `"Ромашка"` and `" ромашка "` are the same company.
/// - Member emails (``Account/members``, which for a mailing-group account is the group address) are
///   unique across all accounts. The fan-out addresses of a mailing group are recipients, not members,
///   and are not unique.
/// - ``createAccount(_:)`` checks and inserts in one transaction, so two concurrent creates for the same
///   company or email cannot both succeed (in SQL: unique indexes on the company key and on member
///   emails, not a read-then-write).
/// - Errors are ``StorageError``s: `duplicateCompany` and `duplicateMember` carry the existing account in
///   ``StorageError/context``; a failed create stores nothing.
/// - Every method is safe to call concurrently from many tasks (and, for a shared database, many
///   processes).
public protocol AccountStore: Sendable {
    /// Stores a new account.
    /// - Parameter account: The account (already valid by ``Account``'s own rules).
    /// - Throws: ``StorageError`` `duplicateCompany` (context: the existing account and the company),
    ///   `duplicateMember` (context: the existing account and the email), `duplicateID`, or
    ///   `backendFailure`.
    func createAccount(_ account: Account) async throws

    /// Reads an account.
    /// - Parameter id: The account's identifier.
    /// - Returns: The account, or `nil` when there is none with that identifier.
    /// - Throws: ``StorageError`` `backendFailure`.
    func account(id: Account.ID) async throws -> Account?

    /// Finds the account an email is a member of.
    /// - Parameter email: The member email (normalized, as ``EmailAddress`` always is).
    /// - Returns: The account, or `nil` when the email is not a member of any account.
    /// - Throws: ``StorageError`` `backendFailure`.
    func account(memberEmail email: EmailAddress) async throws -> Account?

    /// Finds the account of a company.
    /// - Parameter company: The company name as typed; compared by ``Account/companyKey(for:)``.
    /// - Returns: The account, or `nil` when the company has none.
    /// - Throws: ``StorageError`` `backendFailure`.
    func account(company: String) async throws -> Account?
}
