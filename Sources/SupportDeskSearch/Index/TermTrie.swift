/// A trie over the index vocabulary for typo-tolerant and prefix look-ups.
///
/// Typo look-up walks the trie once with a Damerau–Levenshtein (optimal string alignment) row per depth and
/// abandons every branch whose best distance already exceeds the allowed number of typos, so it visits a
/// small part of the vocabulary instead of comparing the word with every term.
struct TermTrie: Sendable {
    private var labels: [UInt32] = [0]
    private var firstChild: [Int32] = [-1]
    private var nextSibling: [Int32] = [-1]
    private var terms: [Int32] = [-1]

    /// The number of nodes.
    var nodeCount: Int { labels.count }

    /// Adds a word with its term id (a word already present keeps its first id).
    mutating func insert(_ word: some Collection<UInt32>, term: UInt32) {
        var node = 0
        for value in word {
            var child = firstChild[node]
            var found: Int32 = -1
            while child >= 0 {
                if labels[Int(child)] == value {
                    found = child
                    break
                }
                child = nextSibling[Int(child)]
            }
            if found < 0 {
                found = Int32(labels.count)
                labels.append(value)
                firstChild.append(-1)
                nextSibling.append(firstChild[node])
                terms.append(-1)
                firstChild[node] = found
            }
            node = Int(found)
        }
        if terms[node] < 0 { terms[node] = Int32(term) }
    }

    /// The node reached by a prefix.
    private func node(for prefix: some Collection<UInt32>) -> Int? {
        var node = 0
        for value in prefix {
            var child = firstChild[node]
            while child >= 0 && labels[Int(child)] != value { child = nextSibling[Int(child)] }
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
            if terms[Int(node)] >= 0 {
                results.append(UInt32(terms[Int(node)]))
                if results.count >= limit { return }
            }
            var child = firstChild[Int(node)]
            while child >= 0 {
                stack.append(child)
                child = nextSibling[Int(child)]
            }
        }
    }

    /// Term ids within `maxDistance` edits of a word, with their distances.
    func fuzzyMatches(_ word: [UInt32], maxDistance: Int, into results: inout [(term: UInt32, distance: Int)]) {
        let width = word.count + 1
        let maxDepth = word.count + maxDistance
        var rows = [Int](repeating: 0, count: (maxDepth + 1) * width)
        for j in 0..<width { rows[j] = j }
        var path = [UInt32](repeating: 0, count: maxDepth + 1)
        var child = firstChild[0]
        while child >= 0 {
            visit(
                Int(child), depth: 1, word: word, maxDistance: maxDistance, maxDepth: maxDepth, width: width,
                rows: &rows, path: &path, results: &results)
            child = nextSibling[Int(child)]
        }
    }

    private func visit(
        _ node: Int, depth: Int, word: [UInt32], maxDistance: Int, maxDepth: Int, width: Int, rows: inout [Int],
        path: inout [UInt32], results: inout [(term: UInt32, distance: Int)]
    ) {
        let label = labels[node]
        path[depth] = label
        let row = depth * width
        let above = row - width
        rows[row] = depth
        var rowMinimum = depth
        for j in 1..<width {
            let cost = word[j - 1] == label ? 0 : 1
            var value = min(rows[above + j] + 1, rows[row + j - 1] + 1, rows[above + j - 1] + cost)
            if depth > 1 && j > 1 && label == word[j - 2] && path[depth - 1] == word[j - 1] {
                value = min(value, rows[above - width + j - 2] + 1)
            }
            rows[row + j] = value
            if value < rowMinimum { rowMinimum = value }
        }
        if terms[node] >= 0 && rows[row + width - 1] <= maxDistance {
            results.append((UInt32(terms[node]), rows[row + width - 1]))
        }
        guard rowMinimum <= maxDistance, depth < maxDepth else { return }
        var child = firstChild[node]
        while child >= 0 {
            visit(
                Int(child), depth: depth + 1, word: word, maxDistance: maxDistance, maxDepth: maxDepth, width: width,
                rows: &rows, path: &path, results: &results)
            child = nextSibling[Int(child)]
        }
    }
}
