extension Ticket {
    /// The ticket as a customer sees it: its ``version`` and ``updatedAt`` count only what customers can
    /// see, so agents' internal activity (internal comments) leaves no trace in a customer's view.
    ///
    /// - ``version`` becomes the **customer-visible version**: the number of history entries visible to
    ///   customers (``TicketView/isVisibleToCustomers(_:)``). It starts at 1 (the creation) and moves only
    ///   with a change a customer can see; it is not the store's version and cannot be used as an expected
    ///   version for an update.
    /// - ``updatedAt`` becomes the time of the last customer-visible change (the creation if none).
    ///
    /// Agents keep the stored values: ``HelpCenter`` applies this only to what it returns to customers
    /// (``HelpCenter/view(_:as:)``, ``HelpCenter/tickets(by:account:after:limit:)``, the results of their
    /// comments, closes and refreshes).
    /// - Parameter history: The ticket's whole history (entries of other tickets are ignored).
    /// - Returns: The ticket with the customer-visible version and update time.
    public func seenByCustomers(history: [TicketHistoryEntry]) -> Ticket {
        var copy = self
        var count = 0
        var last: TicketHistoryEntry?
        for entry in history where entry.ticketID == id && TicketView.isVisibleToCustomers(entry) {
            count += 1
            last = entry
        }
        copy.version = max(1, count)
        copy.updatedAt = last?.at ?? createdAt
        return copy
    }
}
