/// The home slot of a 64-bit key in an open-addressing table of `mask + 1` slots (a power of two), shared by
/// the index's tables (``TermTable``, ``TermTrie``'s edges, ``DeletionTable``, ``PairTable``): Fibonacci
/// hashing, the key times 2⁶⁴/φ, from the product's upper half, so keys that differ only in low bits (packed
/// letters, neighbouring ids) still spread over the table.
@inline(__always)
func hashSlot(of key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
}
