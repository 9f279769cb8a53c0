/// How a query word that the index did not know was repaired.
public enum QueryRepair: String, Hashable, Sendable, CaseIterable {
    /// Typed with the other keyboard layout active (`ghjcnj` → `просто`).
    case keyboardLayout = "layout"
    /// Russian typed in Latin letters (`obzvon` → `обзвон`).
    case transliteration = "translit"
    /// A misspelling corrected to the nearest vocabulary word (`сохраняеться` → `сохраняется`).
    case typo
}
