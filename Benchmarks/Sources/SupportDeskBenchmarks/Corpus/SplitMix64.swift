/// A small, fast, seeded pseudo-random generator (Steele, Lea & Flood's SplitMix64).
///
/// The benchmark corpus must be the same on every machine, Swift version and run, so the generator uses
/// this generator and its own `below`/`chance` helpers instead of the standard library's `random(in:)`,
/// whose algorithm is not specified.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    /// - Parameter seed: Any 64-bit value; equal seeds give equal sequences.
    init(seed: UInt64) { state = seed }

    /// A generator for the `index`-th item of a stream, independent of how many items come before it.
    /// - Parameters:
    ///   - seed: The stream's seed.
    ///   - index: The item's position.
    /// - Returns: A generator whose sequence depends only on `seed` and `index`.
    static func forItem(seed: UInt64, index: Int) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD6E8_FEB8_6659_FD93))
        return SplitMix64(seed: mixer.next())
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (Lemire's multiply-high mapping; the bias is below 2⁻⁵⁰ for our bounds).
    /// - Parameter bound: The exclusive upper bound, at least 1.
    /// - Returns: A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "below(_:) needs a positive bound")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A number in a closed range.
    mutating func between(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform number in `[0, 1)`.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// `true` with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// An element of a non-empty array, uniformly.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// An index drawn from cumulative weights (`cumulative.last` is the total).
    mutating func pick(cumulative: [Double]) -> Int {
        let target = unit() * (cumulative.last ?? 0)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// A string of `count` decimal digits, the first one not zero.
    mutating func digits(_ count: Int) -> String {
        var text = String(between(1...9))
        for _ in 1..<max(1, count) { text.append(String(below(10))) }
        return text
    }
}
