/// One page of a listing, and the cursor of the next page.
///
/// Listings return items in a documented order; pass ``next`` to the same listing to continue after
/// the last item of this page. Items created while paging appear on a later page when they sort after
/// the cursor, and never twice.
public struct Page<Item: Sendable>: Sendable {
    /// The items of this page, at most the requested limit.
    public var items: [Item]
    /// Where the next page starts, or `nil` when this page is the last.
    public var next: PageCursor?

    /// Creates a page.
    /// - Parameters:
    ///   - items: The items.
    ///   - next: The cursor of the next page, `nil` on the last page.
    public init(items: [Item], next: PageCursor?) {
        self.items = items
        self.next = next
    }
}

extension Page: Equatable where Item: Equatable {}
extension Page: Hashable where Item: Hashable {}
