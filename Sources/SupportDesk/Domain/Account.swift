#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The one help-center account of a company, shared by the company's people.
///
/// A company registered on the platform has exactly one account. Its members are email addresses that
/// may sign in and act for the company; an address belongs to at most one account. How the account is
/// shared is recorded in ``sharing`` and decides who receives notifications (see ``notificationRecipients``).
public struct Account: Identifiable, Hashable, Sendable, Codable {
    /// The account's identifier.
    public typealias ID = Identifier<Account>

    /// How a company shares its single account among its people (the three arrangements of the guide).
    public enum Sharing: Hashable, Sendable, Codable {
        /// Every employee who works with the platform signs in with their own address.
        case allEmployees
        /// Only the bot architect, who works with the platform most, uses the account.
        case botArchitect
        /// A mailing-group address is registered; mail to it fans out to every address of the group.
        /// - Parameter fanOut: The addresses the group delivers to.
        case mailingGroup(fanOut: [EmailAddress])
    }

    /// The account's identifier.
    public var id: ID
    /// The company's name, unique within a help center (compared case-insensitively, see ``companyKey``).
    public var company: String
    /// The addresses that may sign in and act for the company.
    public var members: [EmailAddress]
    /// How the account is shared.
    public var sharing: Sharing
    /// When the account was created.
    public var createdAt: Date

    /// Creates an account after checking its rules.
    /// - Parameters:
    ///   - id: The identifier (a new random one by default).
    ///   - company: The company name, cleaned like a single-line form field: control characters (escape
    ///     sequences), bidi overrides and other invisible characters removed, whitespace runs collapsed,
    ///     surrounding whitespace trimmed.
    ///   - members: Member addresses; at least one, no duplicates.
    ///   - sharing: How the account is shared.
    ///   - createdAt: Creation time.
    /// - Throws: ``DomainError`` `duplicateEmail` when one address is listed twice, in whatever case
    ///   (``EmailAddress/matchKey``); `invalidAccount` for an empty company name, no members, or a mailing
    ///   group without addresses or with more than one member address.
    public init(
        id: ID = .random(), company: String, members: [EmailAddress], sharing: Sharing = .allEmployees,
        createdAt: Date
    ) throws(DomainError) {
        let name = TextNormalizer.singleLine(company)
        guard !name.isEmpty else { throw DomainError(.invalidAccount, "the company name is empty") }
        guard name.count <= 200 else {
            throw DomainError(.invalidAccount, "the company name is longer than 200 characters")
        }
        guard !members.isEmpty else {
            throw DomainError(.invalidAccount, "the account of “\(name)” has no member email")
        }
        if let (first, again) = Self.repeatedMember(members) {
            let spelling = first.rawValue == again.rawValue ? "" : " (as \(first) and \(again))"
            throw DomainError(
                .duplicateEmail,
                "\(again) is listed twice among the members of “\(name)”\(spelling); addresses compare ignoring case")
        }
        if case .mailingGroup(let fanOut) = sharing {
            guard members.count == 1 else {
                throw DomainError(
                    .invalidAccount, "a mailing-group account has exactly one member: the group address")
            }
            guard !fanOut.isEmpty else {
                throw DomainError(.invalidAccount, "the mailing group \(members[0]) has no addresses to fan out to")
            }
        }
        self.id = id
        self.company = name
        self.members = members
        self.sharing = sharing
        self.createdAt = createdAt
    }

    /// The first address listed twice (compared by ``EmailAddress/matchKey``), with its two spellings.
    /// - Parameter members: Addresses as listed.
    /// - Returns: The first listing and the repeated one, or `nil` when every address is listed once.
    public static func repeatedMember(_ members: [EmailAddress]) -> (first: EmailAddress, again: EmailAddress)? {
        var seen: [String: EmailAddress] = [:]
        for member in members {
            if let first = seen[member.matchKey] { return (first, member) }
            seen[member.matchKey] = member
        }
        return nil
    }

    /// The key under which company names are unique: trimmed, whitespace collapsed, case-folded.
    public var companyKey: String { Self.companyKey(for: company) }

    /// The uniqueness key of a company name.
    /// - Parameter company: A company name as typed.
    /// - Returns: The name trimmed, with inner whitespace collapsed and lowercased.
    public static func companyKey(for company: String) -> String {
        company.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }

    /// Everyone who must receive the account's notifications: the members, or for a mailing group,
    /// every address of the group.
    public var notificationRecipients: [EmailAddress] {
        switch sharing {
        case .allEmployees, .botArchitect: members
        case .mailingGroup(let fanOut): fanOut
        }
    }
}
