/// A trie over the index vocabulary for typo-tolerant and prefix look-ups.
///
/// Typo look-up walks the trie once with a Damerau–Levenshtein (optimal string alignment) row per depth and
/// abandons every branch whose best distance already exceeds the allowed number of typos, so it visits a
/// small part of the vocabulary instead of comparing the word with every term.
///
/// Children are kept twice: as linked sibling lists, which the typo walk enumerates, and in an
/// open-addressing table keyed by (parent, letter), which finds one child in a probe or two. A walk down
/// sibling lists alone costs a scan per letter (some 70 first letters at the root, ten digits per level of a
/// phone number, each sibling a scattered node): inserting the one-off words of a large corpus — ids,
/// numbers, typos — was a tenth of the whole index build. A node's fields sit together in one record, so
/// reaching a node costs one cache line, in an insertion and in a typo walk alike.
struct TermTrie: Sendable {
    struct Node {
        var label: UInt32
        /// The parent node (−1 for the root); with ``label`` it tells which edge a slot of `edges` holds.
        var parent: Int32
        var firstChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// The term id of the word ending here, or −1.
        var term: Int32 = -1
        /// The length of the longest word below (lets a typo look-up skip branches of short words).
        var longestBelow: Int32 = 0
    }

    private var nodes = [Node(label: 0, parent: -1)]
    /// Open addressing over edges: a slot holds a child node (−1: empty), placed by hashing its parent and
    /// label; at most half the slots are used.
    private var edges = [Int32](repeating: -1, count: 64)
    private var edgeMask = 63

    /// The number of nodes.
    var nodeCount: Int { nodes.count }

    @inline(__always)
    private static func edgeSlot(parent: Int, label: UInt32, mask: Int) -> Int {
        let key = UInt64(UInt32(truncatingIfNeeded: parent)) << 32 | UInt64(label)
        return hashSlot(of: key, mask: mask)
    }

    /// The child of a node by a label, or −1, and the slot where the search for it ended (where a new child
    /// with that label would go).
    @inline(__always)
    private func child(of node: Int, label: UInt32) -> (child: Int32, slot: Int) {
        var slot = Self.edgeSlot(parent: node, label: label, mask: edgeMask)
        while true {
            let child = edges[slot]
            if child < 0 { return (child, slot) }
            let candidate = nodes[Int(child)]
            if candidate.parent == Int32(node) && candidate.label == label { return (child, slot) }
            slot = (slot + 1) & edgeMask
        }
    }

    /// Adds a word with its term id (a word already present keeps its first id).
    mutating func insert(_ word: some Collection<UInt32>, term: UInt32) {
        var node = 0
        let length = Int32(word.count)
        if nodes[0].longestBelow < length { nodes[0].longestBelow = length }
        for value in word {
            var (found, slot) = child(of: node, label: value)
            if found < 0 {
                found = Int32(nodes.count)
                nodes.append(Node(label: value, parent: Int32(node), nextSibling: nodes[node].firstChild))
                nodes[node].firstChild = found
                edges[slot] = found
                if nodes.count * 2 > edges.count { growEdges() }
            }
            node = Int(found)
            if nodes[node].longestBelow < length { nodes[node].longestBelow = length }
        }
        if nodes[node].term < 0 { nodes[node].term = Int32(term) }
    }

    /// Doubles the edge table and places every node again.
    private mutating func growEdges() {
        let capacity = edges.count * 2
        edges = Array(repeating: -1, count: capacity)
        edgeMask = capacity - 1
        for node in 1..<nodes.count {
            var slot = Self.edgeSlot(parent: Int(nodes[node].parent), label: nodes[node].label, mask: edgeMask)
            while edges[slot] >= 0 { slot = (slot + 1) & edgeMask }
            edges[slot] = Int32(node)
        }
    }

    /// The node reached by a prefix.
    private func node(for prefix: some Collection<UInt32>) -> Int? {
        var node = 0
        for value in prefix {
            let child = child(of: node, label: value).child
            if child < 0 { return nil }
            node = Int(child)
        }
        return node
    }

    /// Term ids of words that start with a prefix (the prefix itself included), at most `limit`.
    func completions(of prefix: some Collection<UInt32>, limit: Int, into results: inout [UInt32]) {
        guard let start = node(for: prefix) else { return }
        var stack: [Int32] = [Int32(start)]
        while let node = stack.popLast() {
            let record = nodes[Int(node)]
            if record.term >= 0 {
                results.append(UInt32(record.term))
                if results.count >= limit { return }
            }
            var child = record.firstChild
            while child >= 0 {
                stack.append(child)
                child = nodes[Int(child)].nextSibling
            }
        }
    }

    /// Term ids within `maxDistance` edits of a word, with their distances.
    ///
    /// Only the diagonal band of each distance row (columns within `maxDistance` of the depth) is computed:
    /// cells outside it always exceed the allowance (Ukkonen's cut-off).
    func fuzzyMatches(_ word: [UInt32], maxDistance: Int, into results: inout [(term: UInt32, distance: Int)]) {
        let width = word.count + 1
        let maxDepth = word.count + maxDistance
        var rows = [Int32](repeating: Int32(maxDistance + 1), count: (maxDepth + 1) * width)
        for j in 0..<width { rows[j] = Int32(j) }
        var path = [UInt32](repeating: 0, count: maxDepth + 1)
        nodes.withUnsafeBufferPointer { nodes in
            word.withUnsafeBufferPointer { word in
                rows.withUnsafeMutableBufferPointer { rows in
                    path.withUnsafeMutableBufferPointer { path in
                        let walk = FuzzyWalk(
                            nodes: nodes, word: word, rows: rows, path: path, width: width,
                            maxDistance: Int32(maxDistance), maxDepth: maxDepth,
                            minLength: Int32(word.count - maxDistance))
                        var child = nodes[0].firstChild
                        while child >= 0 {
                            if nodes[Int(child)].longestBelow >= walk.minLength {
                                walk.visit(Int(child), depth: 1, results: &results)
                            }
                            child = nodes[Int(child)].nextSibling
                        }
                    }
                }
            }
        }
    }
}

/// One typo look-up over a trie: raw buffers, one distance row per depth.
private struct FuzzyWalk {
    let nodes: UnsafeBufferPointer<TermTrie.Node>
    let word: UnsafeBufferPointer<UInt32>
    let rows: UnsafeMutableBufferPointer<Int32>
    let path: UnsafeMutableBufferPointer<UInt32>
    let width: Int
    let maxDistance: Int32
    let maxDepth: Int
    /// Words shorter than this are more than `maxDistance` edits away whatever their letters.
    let minLength: Int32

    func visit(_ node: Int, depth: Int, results: inout [(term: UInt32, distance: Int)]) {
        let record = nodes[node]
        let label = record.label
        path[depth] = label
        let row = depth * width
        let above = row - width
        let m = width - 1
        let band = Int(maxDistance)
        let low = max(1, depth - band)
        let high = min(m, depth + band)
        rows[row] = Int32(depth)
        if low > 1 { rows[row + low - 1] = maxDistance + 1 }
        if high < m { rows[row + high + 1] = maxDistance + 1 }
        var rowMinimum = Int32(depth)
        if low <= high {
            for j in low...high {
                let cost: Int32 = word[j - 1] == label ? 0 : 1
                var value = min(rows[above + j] + 1, rows[row + j - 1] + 1, rows[above + j - 1] + cost)
                if depth > 1 && j > 1 && label == word[j - 2] && path[depth - 1] == word[j - 1] {
                    value = min(value, rows[above - width + j - 2] + 1)
                }
                rows[row + j] = value
                if value < rowMinimum { rowMinimum = value }
            }
        }
        if record.term >= 0 && high == m && rows[row + m] <= maxDistance {
            results.append((UInt32(record.term), Int(rows[row + m])))
        }
        guard rowMinimum <= maxDistance, depth < maxDepth else { return }
        var child = record.firstChild
        while child >= 0 {
            let next = nodes[Int(child)]
            if next.longestBelow >= minLength { visit(Int(child), depth: depth + 1, results: &results) }
            child = next.nextSibling
        }
    }
}
