/// A complete storage backend for the help center: accounts, tickets, the outbox and the change feed,
/// sharing one transactional store.
///
/// Backends: ``InMemoryStore`` (tests, embedding) and `SQLiteStore` in `SupportDeskSQLite`. Every backend
/// runs the conformance kit in `SupportDeskTesting` against itself; see
/// `Documentation/ImplementingAStorageBackend.md`.
///
/// ## Implementation requirements
///
/// Those of ``AccountStore``, ``TicketStore``, ``NotificationOutbox`` and ``ChangeFeed``. In addition,
/// ticket writes that produce notifications or feed entries commit them in the same transaction, so
/// all four views of the store always agree.
public protocol SupportDeskStore: AccountStore, TicketStore, NotificationOutbox, ChangeFeed {}
