/// One step of a database schema: the SQL that takes the schema from `version - 1` to `version`.
///
/// Migrations are applied on open, in version order, in one `BEGIN IMMEDIATE` transaction that also
/// sets `PRAGMA user_version`; if any step fails nothing of them is kept.
package struct SQLiteMigration: Sendable {
    /// The schema version this step produces (1, 2, 3, … without gaps).
    package let version: Int
    /// The statements, separated by semicolons.
    package let sql: String

    /// Creates a migration step.
    /// - Parameters:
    ///   - version: The schema version this step produces.
    ///   - sql: The statements that produce it.
    package init(version: Int, sql: String) {
        self.version = version
        self.sql = sql
    }
}
