/// A compiled `pattern` constraint: a regular expression the whole value must match.
///
/// Compiled once when the catalog loads, never per submission, into a small NFA that is simulated in
/// time linear in the input (no backtracking, so no pattern can be made to take exponential time).
///
/// Supported syntax (a portable subset of ECMAScript/PCRE): literals; `.` (any character but a line
/// break); classes `[a-z0-9_-]`, `[^…]`; escapes `\d \w \s \D \W \S` and `\` before any punctuation;
/// groups `( )` and `(?: )`; alternation `|`; quantifiers `* + ? {m} {m,} {m,n}` (n ≤ 1000). `^` and `$`
/// may stand at the very start and end; the whole value is matched either way.
///
/// Most field patterns are a plain sequence of character classes with counts (`\d{3,10}`, a UUID
/// `[0-9a-f]{8}-[0-9a-f]{4}-…`, `@?[A-Za-z0-9_]{5,32}`). When every variable count in such a sequence is
/// followed by classes it cannot share a character with, one greedy left-to-right pass decides the match
/// exactly; those patterns skip the NFA and match in a single pass without allocating.
public struct FieldPattern: Sendable, Hashable {
    /// The pattern as written in the catalog.
    public let source: String
    private let program: [Instruction]
    /// The greedy plan, when the pattern is a sequence that a greedy pass matches exactly.
    private let steps: [ClassStep]?

    /// Compiles a pattern.
    /// - Parameter source: The regular expression.
    /// - Throws: ``FieldPatternError`` naming the problem and its position.
    public init(_ source: String) throws(FieldPatternError) {
        self.source = source
        var parser = PatternParser(source: source)
        let node = try parser.parseWhole()
        self.steps = ClassStep.greedyPlan(for: node)
        var compiler = PatternCompiler()
        try compiler.emit(node, pattern: source)
        compiler.program.append(.match)
        self.program = compiler.program
    }

    /// Whether the whole text matches.
    /// - Parameter text: A normalized value.
    /// - Returns: `true` when the pattern matches all of `text`.
    public func matches(_ text: String) -> Bool {
        if let steps { return ClassStep.matches(text, steps: steps) }
        return simulate(text)
    }

    /// Runs the NFA (every pattern; the reference for the greedy pass).
    func simulate(_ text: String) -> Bool {
        var current = ThreadList(capacity: program.count)
        var next = ThreadList(capacity: program.count)
        current.add(0, program: program)
        for scalar in text.unicodeScalars {
            if current.isEmpty { return false }
            next.clear()
            for index in current.active {
                if case .consume(let scalarClass) = program[index], scalarClass.contains(scalar) {
                    next.add(index + 1, program: program)
                }
            }
            swap(&current, &next)
        }
        return current.active.contains { if case .match = program[$0] { true } else { false } }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}

/// A pattern that does not compile.
public struct FieldPatternError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The pattern.
    public let pattern: String
    /// Why it does not compile.
    public let reason: String
    public var description: String { "invalid pattern “\(pattern)”: \(reason)" }
}

// MARK: - Program

/// A set of scalars: ranges, possibly negated.
struct ScalarClass: Sendable, Hashable {
    var ranges: [ClosedRange<UInt32>]
    var negated = false

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        var found = false
        for range in ranges where range.contains(value) {
            found = true
            break
        }
        return found != negated
    }

    static let digit = ScalarClass(ranges: [0x30...0x39])
    static let word = ScalarClass(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    static let space = ScalarClass(ranges: [0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x2000...0x200A, 0x3000...0x3000])
    static let anyButNewline = ScalarClass(ranges: [0x0A...0x0A, 0x0D...0x0D], negated: true)
}

enum Instruction: Sendable, Hashable {
    case consume(ScalarClass)
    case split(Int, Int)
    case jump(Int)
    case match
}

/// The threads of the NFA simulation: a sparse set of instruction indexes.
private struct ThreadList {
    var active: [Int] = []
    var marks: [Bool]
    /// Every index marked since the last clear, jumps and splits included, so `clear` can unmark them all
    /// (a loop's split must be followed again at the next input position).
    var visited: [Int] = []

    init(capacity: Int) { marks = Array(repeating: false, count: capacity) }

    var isEmpty: Bool { active.isEmpty }

    mutating func clear() {
        for index in visited { marks[index] = false }
        visited.removeAll(keepingCapacity: true)
        active.removeAll(keepingCapacity: true)
    }

    /// Adds a thread and follows jumps and splits (the epsilon closure).
    mutating func add(_ index: Int, program: [Instruction]) {
        guard !marks[index] else { return }
        marks[index] = true
        visited.append(index)
        switch program[index] {
        case .jump(let target): add(target, program: program)
        case .split(let first, let second):
            add(first, program: program)
            add(second, program: program)
        case .consume, .match: active.append(index)
        }
    }
}

// MARK: - Greedy class sequences

/// One step of a class sequence: a class repeated `min…max` times.
struct ClassStep: Sendable {
    let scalars: ScalarClass
    let min: Int
    let max: Int

    /// The steps of a pattern that is a sequence of (possibly repeated) classes, when a greedy pass is
    /// exact: every step with a variable count shares no character with the steps after it, up to and
    /// including the first one that must match at least once.
    fileprivate static func greedyPlan(for node: PatternNode) -> [ClassStep]? {
        let items: [PatternNode]
        if case .sequence(let list) = node { items = list } else { items = [node] }
        var steps: [ClassStep] = []
        for item in items {
            switch item {
            case .scalars(let scalars): steps.append(ClassStep(scalars: scalars, min: 1, max: 1))
            case .repetition(.scalars(let scalars), let min, let max):
                steps.append(ClassStep(scalars: scalars, min: min, max: max ?? Int.max))
            default: return nil
            }
        }
        guard !steps.isEmpty else { return nil }
        for (index, step) in steps.enumerated() where step.min < step.max {
            for next in steps[(index + 1)...] {
                guard step.scalars.isDisjoint(with: next.scalars) else { return nil }
                if next.min > 0 { break }
            }
        }
        return steps
    }

    static func matches(_ text: String, steps: [ClassStep]) -> Bool {
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        for step in steps {
            var count = 0
            while count < step.max, let scalar = pending, step.scalars.contains(scalar) {
                count += 1
                pending = iterator.next()
            }
            if count < step.min { return false }
        }
        return pending == nil
    }
}

extension ScalarClass {
    /// Whether no scalar is in both classes (`false` when either is negated: not worth deciding).
    func isDisjoint(with other: ScalarClass) -> Bool {
        guard !negated, !other.negated else { return false }
        for range in ranges {
            for otherRange in other.ranges where range.overlaps(otherRange) { return false }
        }
        return true
    }
}

// MARK: - Parsing

private indirect enum PatternNode {
    case empty
    case scalars(ScalarClass)
    case sequence([PatternNode])
    case alternation([PatternNode])
    case repetition(PatternNode, min: Int, max: Int?)
}

private struct PatternParser {
    let source: String
    let scalars: [Unicode.Scalar]
    var position = 0

    init(source: String) {
        self.source = source
        self.scalars = Array(source.unicodeScalars)
    }

    func fail(_ reason: String) -> FieldPatternError {
        FieldPatternError(pattern: source, reason: "\(reason) at position \(position + 1)")
    }

    mutating func parseWhole() throws(FieldPatternError) -> PatternNode {
        guard scalars.count <= 1000 else {
            throw FieldPatternError(pattern: source, reason: "longer than 1000 characters")
        }
        var end = scalars.count
        if scalars.first == "^" { position = 1 }
        if end > position, scalars[end - 1] == "$", end < 2 || scalars[end - 2] != "\\" { end -= 1 }
        let node = try parseAlternation(end: end)
        guard position == end else {
            throw fail(scalars[position] == ")" ? "unbalanced “)”" : "unexpected “\(scalars[position])”")
        }
        return node
    }

    mutating func parseAlternation(end: Int) throws(FieldPatternError) -> PatternNode {
        var branches = [try parseSequence(end: end)]
        while position < end, scalars[position] == "|" {
            position += 1
            branches.append(try parseSequence(end: end))
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func parseSequence(end: Int) throws(FieldPatternError) -> PatternNode {
        var items: [PatternNode] = []
        while position < end, scalars[position] != "|", scalars[position] != ")" {
            var atom = try parseAtom(end: end)
            while position < end, let (min, max) = try parseQuantifier(end: end) {
                atom = .repetition(atom, min: min, max: max)
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .sequence(items))
    }

    mutating func parseAtom(end: Int) throws(FieldPatternError) -> PatternNode {
        let scalar = scalars[position]
        switch scalar {
        case "(":
            position += 1
            if position + 1 < end, scalars[position] == "?", scalars[position + 1] == ":" { position += 2 }
            let inner = try parseAlternation(end: end)
            guard position < end, scalars[position] == ")" else { throw fail("missing “)”") }
            position += 1
            return inner
        case "[":
            return .scalars(try parseClass(end: end))
        case ".":
            position += 1
            return .scalars(.anyButNewline)
        case "\\":
            return .scalars(try parseEscape(end: end))
        case "*", "+", "?", "{":
            throw fail("nothing to repeat before “\(scalar)”")
        case "^", "$":
            throw fail("“\(scalar)” is allowed only at the very start or end")
        default:
            position += 1
            return .scalars(ScalarClass(ranges: [scalar.value...scalar.value]))
        }
    }

    mutating func parseEscape(end: Int) throws(FieldPatternError) -> ScalarClass {
        position += 1
        guard position < end else { throw fail("“\\” at the end") }
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case "d": return .digit
        case "D": return ScalarClass(ranges: ScalarClass.digit.ranges, negated: true)
        case "w": return .word
        case "W": return ScalarClass(ranges: ScalarClass.word.ranges, negated: true)
        case "s": return .space
        case "S": return ScalarClass(ranges: ScalarClass.space.ranges, negated: true)
        case "n": return ScalarClass(ranges: [0x0A...0x0A])
        case "t": return ScalarClass(ranges: [0x09...0x09])
        default:
            guard !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else {
                throw fail("unknown escape “\\\(scalar)”")
            }
            return ScalarClass(ranges: [scalar.value...scalar.value])
        }
    }

    mutating func parseClass(end: Int) throws(FieldPatternError) -> ScalarClass {
        position += 1
        var result = ScalarClass(ranges: [])
        if position < end, scalars[position] == "^" {
            result.negated = true
            position += 1
        }
        var first = true
        while position < end, scalars[position] != "]" || first {
            first = false
            if scalars[position] == "\\" {
                let escaped = try parseEscape(end: end)
                guard !escaped.negated else { throw fail("negated escapes are not supported inside “[ ]”") }
                result.ranges += escaped.ranges
                continue
            }
            let low = scalars[position]
            position += 1
            if position + 1 < end, scalars[position] == "-", scalars[position + 1] != "]" {
                var high = scalars[position + 1]
                position += 2
                if high == "\\" {
                    guard position < end else { throw fail("“\\” at the end") }
                    high = scalars[position]
                    position += 1
                }
                guard low.value <= high.value else { throw fail("the range \(low)-\(high) is backwards") }
                result.ranges.append(low.value...high.value)
            } else {
                result.ranges.append(low.value...low.value)
            }
        }
        guard position < end else { throw fail("missing “]”") }
        position += 1
        return result
    }

    mutating func parseQuantifier(end: Int) throws(FieldPatternError) -> (Int, Int?)? {
        switch scalars[position] {
        case "*": position += 1; return (0, nil)
        case "+": position += 1; return (1, nil)
        case "?": position += 1; return (0, 1)
        case "{":
            let start = position
            position += 1
            func number() -> Int? {
                var value: Int?
                while position < end,
                    let digit = scalars[position].properties.numericType == .decimal
                        ? Int(String(scalars[position])) : nil
                {
                    value = min((value ?? 0) * 10 + digit, 1001)
                    position += 1
                }
                return value
            }
            guard let low = number() else { throw fail("“{” needs a count") }
            var max: Int? = low
            if position < end, scalars[position] == "," {
                position += 1
                max = number()
            }
            guard position < end, scalars[position] == "}" else { throw fail("missing “}”") }
            position += 1
            guard low <= 1000, (max ?? 0) <= 1000 else { throw fail("a count above 1000") }
            if let max, max < low {
                position = start
                throw fail("{\(low),\(max)} has its bounds reversed")
            }
            return (low, max)
        default: return nil
        }
    }
}

// MARK: - Compiling

private struct PatternCompiler {
    var program: [Instruction] = []
    static let maximumInstructions = 20_000

    mutating func emit(_ node: PatternNode, pattern: String) throws(FieldPatternError) {
        guard program.count < Self.maximumInstructions else {
            throw FieldPatternError(pattern: pattern, reason: "too complex (the repetitions expand too far)")
        }
        switch node {
        case .empty: break
        case .scalars(let scalarClass): program.append(.consume(scalarClass))
        case .sequence(let items):
            for item in items { try emit(item, pattern: pattern) }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, -1))
                    try emit(branch, pattern: pattern)
                    jumps.append(program.count)
                    program.append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(branch, pattern: pattern)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let inner, let min, let max):
            for _ in 0..<min { try emit(inner, pattern: pattern) }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, -1))
                    try emit(inner, pattern: pattern)
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let loop = program.count
                program.append(.split(loop + 1, -1))
                try emit(inner, pattern: pattern)
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }
}
