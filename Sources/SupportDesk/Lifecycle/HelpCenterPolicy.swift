#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The rules a help center applies that a deployment may tune: the reply period before an automatic
/// close, an optional reminder, the refresh window, the ticket number prefix and the language of
/// notifications.
public struct HelpCenterPolicy: Hashable, Sendable {
    /// One day in seconds.
    public static let day: TimeInterval = 24 * 60 * 60

    /// How long the customer has to answer support's question. A ticket waiting longer than this is
    /// closed by the sweep with reason no customer reply (default 2 days, as in the guide).
    public var replyPeriod: TimeInterval
    /// When set, the customer is reminded once this long after the question (it must be shorter than
    /// ``replyPeriod``); `nil` (the default) sends no reminder.
    public var reminderAfter: TimeInterval?
    /// How long after an automatic close the customer may still refresh the ticket (default 30 days).
    public var refreshWindow: TimeInterval
    /// The prefix of ticket numbers (`TW` gives `TW-1042`): letters and digits.
    public var ticketNumberPrefix: String
    /// The language notification texts are written in.
    public var language: LanguageCode
    /// Whether the customer gets a confirmation with the ticket number when a ticket is created.
    public var confirmsCreation: Bool
    /// How many times an operation is retried when another writer changed the ticket in between.
    public var conflictRetries: Int
    /// How a ``NotificationDeliveryWorker`` retries failed deliveries and when it gives up.
    public var delivery: DeliveryPolicy

    /// Creates a policy.
    /// - Parameters:
    ///   - replyPeriod: The reply period (default 2 days).
    ///   - reminderAfter: When to remind the customer, or `nil` for no reminder (default).
    ///   - refreshWindow: The refresh window (default 30 days).
    ///   - ticketNumberPrefix: The number prefix (default `TW`).
    ///   - language: The notification language (default Russian).
    ///   - confirmsCreation: Whether to confirm creation by notification (default `true`).
    ///   - conflictRetries: Retries after a version conflict (default 5).
    ///   - delivery: Notification delivery retries and backoff (default: 5 attempts, 1 minute doubling to 1 hour).
    public init(
        replyPeriod: TimeInterval = 2 * day, reminderAfter: TimeInterval? = nil, refreshWindow: TimeInterval = 30 * day,
        ticketNumberPrefix: String = "TW", language: LanguageCode = .ru, confirmsCreation: Bool = true,
        conflictRetries: Int = 5, delivery: DeliveryPolicy = DeliveryPolicy()
    ) {
        self.replyPeriod = replyPeriod
        self.reminderAfter = reminderAfter
        self.refreshWindow = refreshWindow
        self.ticketNumberPrefix = ticketNumberPrefix
        self.language = language
        self.confirmsCreation = confirmsCreation
        self.conflictRetries = conflictRetries
        self.delivery = delivery
    }

    /// Checks the settings.
    /// - Throws: ``HelpCenterError`` `invalidPolicy` naming the setting: a reply period or refresh window
    ///   that is not positive, a reminder not strictly inside the reply period, a prefix that is empty or not
    ///   letters and digits, negative retries.
    public func validate() throws(HelpCenterError) {
        guard replyPeriod > 0, replyPeriod.isFinite else {
            throw HelpCenterError(.invalidPolicy, "replyPeriod must be a positive duration, not \(replyPeriod) s")
        }
        if let reminderAfter, !(reminderAfter > 0 && reminderAfter < replyPeriod) {
            throw HelpCenterError(
                .invalidPolicy,
                "reminderAfter (\(reminderAfter) s) must be positive and shorter than replyPeriod (\(replyPeriod) s)")
        }
        guard refreshWindow > 0, refreshWindow.isFinite else {
            throw HelpCenterError(.invalidPolicy, "refreshWindow must be a positive duration, not \(refreshWindow) s")
        }
        guard !ticketNumberPrefix.isEmpty,
            ticketNumberPrefix.unicodeScalars.allSatisfy({
                ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
            })
        else {
            throw HelpCenterError(
                .invalidPolicy, "ticketNumberPrefix must be ASCII letters and digits, not “\(ticketNumberPrefix)”")
        }
        guard conflictRetries >= 0 else {
            throw HelpCenterError(.invalidPolicy, "conflictRetries must not be negative, not \(conflictRetries)")
        }
    }
}
