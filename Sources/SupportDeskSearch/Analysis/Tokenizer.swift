/// Splits folded text into searchable tokens.
///
/// Rules:
/// - Letters and digits form words; everything else separates them.
/// - A single `-`, `_` or `.` between two word characters joins a compound: `chat-id` gives the words
///   `chat` and `id` and, as an extra form, `chatid`, so `chat-id`, `chat id` and `chatid` all match.
/// - An apostrophe inside a word is dropped: `don't` → `dont`.
/// - Camel case and letter–digit boundaries add the parts as extra forms: `amoCRM` gives `amocrm` with
///   the extras `amo` and `crm`; `twin24` gives `twin24`, `twin`, `24`.
/// - Latin letters that look like Cyrillic ones inside a Cyrillic word (and the reverse) are replaced,
///   so `cценарий` typed with a Latin `c` becomes `сценарий`.
/// Text is folded with ``TextNormalizer`` on the way.
public struct Tokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// The tokens of a text, primary words only.
    /// - Parameter text: Any text.
    /// - Returns: The folded words in order.
    public func words(in text: String) -> [String] {
        var buffer = TokenBuffer()
        tokenize(text, into: &buffer, extras: false)
        return buffer.spans.map { buffer.string($0) }
    }

    /// The tokens of a text with their extra forms (compounds joined, camel-case parts).
    /// - Parameter text: Any text.
    /// - Returns: Every token in order, extras after the word they come from.
    public func tokens(in text: String) -> [String] {
        var buffer = TokenBuffer()
        tokenize(text, into: &buffer, extras: true)
        return buffer.spans.map { buffer.string($0) }
    }

    /// Tokenizes a text into a buffer (appending to what the buffer holds).
    /// - Parameters:
    ///   - text: Any text.
    ///   - buffer: The buffer to append to.
    ///   - extras: Whether to add extra forms.
    ///   - maxTokenLength: Longer runs are cut (protects against pasted binary junk).
    func tokenize(_ text: String, into buffer: inout TokenBuffer, extras: Bool, maxTokenLength: Int = 64) {
        // Native strings: their UTF-8 decoded here, a few instructions per scalar (the scalar view's iterator
        // costs several times that, and reading the text was an eighth of an index build).
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            tokenize(scalars: UTF8ScalarValues(bytes), into: &buffer, extras: extras, maxTokenLength: maxTokenLength)
        }
        if done != nil { return }
        tokenize(
            scalars: text.unicodeScalars.lazy.map(\.value), into: &buffer, extras: extras,
            maxTokenLength: maxTokenLength)
    }

    /// Tokenizes a text given as scalar values into a buffer (appending to what the buffer holds).
    /// - Parameters:
    ///   - scalars: The text's Unicode scalar values.
    ///   - buffer: The buffer to append to.
    ///   - extras: Whether to add extra forms.
    ///   - maxTokenLength: Longer runs are cut (protects against pasted binary junk).
    func tokenize(
        scalars: some Sequence<UInt32>, into buffer: inout TokenBuffer, extras: Bool, maxTokenLength: Int = 64
    ) {
        // The run being read collects in a small stack buffer (a run is at most `maxTokenLength` scalars) and
        // is appended to the token buffer in one copy when it ends: an array append per scalar cost more
        // than the rest of the loop.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(1, maxTokenLength)) { run in
            var state = RunState(position: Int32(buffer.spans.last.map { $0.position + 1 } ?? 0), run: run)
            var folded: [UInt32] = []
            var chunk: Int32 = 0
            var lastWasSpace = true
            for value in scalars {
                // Fast path for lowercase ASCII letters, digits and Cyrillic lowercase.
                if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39)
                    || (value >= 0x430 && value <= 0x44F)
                {
                    if lastWasSpace { lastWasSpace = false }
                    state.word(value, uppercase: false, chunk: chunk, buffer: &buffer, maxLength: maxTokenLength)
                    continue
                }
                // The rest of ASCII, Russian capitals and `ё`: folded inline (what
                // ``TextNormalizer/fold(_:into:)`` gives for them: one scalar), without the scratch array.
                if value < 0x80 || (value >= 0x410 && value <= 0x42F) || value == 0x451 || value == 0x401 {
                    var f = value
                    var uppercase = false
                    if (value >= 0x41 && value <= 0x5A) || (value >= 0x410 && value <= 0x42F) {
                        f = value + 0x20
                        uppercase = true
                    } else if value == 0x451 || value == 0x401 {
                        f = 0x435
                        uppercase = value == 0x401
                    }
                    Self.feed(
                        f, uppercase: uppercase, state: &state, buffer: &buffer, chunk: &chunk,
                        lastWasSpace: &lastWasSpace, extras: extras, maxLength: maxTokenLength)
                    continue
                }
                folded.removeAll(keepingCapacity: true)
                let uppercase = TextNormalizer.fold(value, into: &folded)
                for f in folded {
                    Self.feed(
                        f, uppercase: uppercase, state: &state, buffer: &buffer, chunk: &chunk,
                        lastWasSpace: &lastWasSpace, extras: extras, maxLength: maxTokenLength)
                }
            }
            state.finish(buffer: &buffer, extras: extras, endsText: true)
        }
    }

    enum CharacterClass { case word, joiner, space, separator }

    /// Reads one folded scalar into the run being built.
    @inline(__always)
    private static func feed(
        _ f: UInt32, uppercase: Bool, state: inout RunState, buffer: inout TokenBuffer, chunk: inout Int32,
        lastWasSpace: inout Bool, extras: Bool, maxLength: Int
    ) {
        switch classify(f) {
        case .word:
            lastWasSpace = false
            state.word(f, uppercase: uppercase, chunk: chunk, buffer: &buffer, maxLength: maxLength)
        case .joiner:
            lastWasSpace = false
            state.joiner(f, buffer: &buffer, extras: extras)
        case .space:
            state.finish(buffer: &buffer, extras: extras, endsText: false)
            if !lastWasSpace { chunk += 1 }
            lastWasSpace = true
        case .separator:
            lastWasSpace = false
            state.finish(buffer: &buffer, extras: extras, endsText: false)
        }
    }

    @inline(__always)
    static func classify(_ value: UInt32) -> CharacterClass {
        switch value {
        case 0x61...0x7A, 0x30...0x39, 0x430...0x44F: return .word
        case 0x2D, 0x5F, 0x2E, 0x27: return .joiner
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return .space
        case 0x00...0x7F: return .separator
        default:
            guard let scalar = Unicode.Scalar(value) else { return .separator }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType == .decimal { return .word }
            if properties.isWhitespace { return .space }
            return .separator
        }
    }

    /// The run of word characters being read.
    private struct RunState {
        var position: Int32
        /// The scalars of the run being read (``runLength`` of them), copied to the buffer when it ends.
        let run: UnsafeMutableBufferPointer<UInt32>
        var runLength = 0
        var inRun = false
        /// Where the run's scalars will start in the buffer.
        var runStart = 0
        var chunk: Int32 = 0
        var pendingJoiner: UInt32?
        /// Segment boundaries (start offsets of the segments after the first), from `-`, `_`, `.`.
        var segmentStarts: [Int] = []
        /// Offsets inside the run where a camel-case or letter–digit boundary falls.
        var subBoundaries: [Int] = []
        var previousWasLower = false
        var previousWasDigit = false

        init(position: Int32, run: UnsafeMutableBufferPointer<UInt32>) {
            self.position = position
            self.run = run
        }

        @inline(__always)
        mutating func word(_ value: UInt32, uppercase: Bool, chunk: Int32, buffer: inout TokenBuffer, maxLength: Int) {
            let isDigit = value >= 0x30 && value <= 0x39
            if !inRun {
                inRun = true
                runStart = buffer.scalars.count
                runLength = 0
                self.chunk = chunk
                segmentStarts.removeAll(keepingCapacity: true)
                subBoundaries.removeAll(keepingCapacity: true)
                pendingJoiner = nil
            } else {
                // A full run takes nothing more, not even a boundary (which would start an empty segment).
                if runLength >= maxLength {
                    pendingJoiner = nil
                    return
                }
                if let joiner = pendingJoiner {
                    pendingJoiner = nil
                    if joiner != 0x27 { segmentStarts.append(runStart + runLength) }
                } else if (uppercase && previousWasLower) || (isDigit != previousWasDigit) {
                    subBoundaries.append(runStart + runLength)
                }
            }
            run[runLength] = value
            runLength += 1
            previousWasLower = !uppercase && !isDigit
            previousWasDigit = isDigit
        }

        @inline(__always)
        mutating func joiner(_ value: UInt32, buffer: inout TokenBuffer, extras: Bool) {
            guard inRun else { return }
            if pendingJoiner != nil {
                finish(buffer: &buffer, extras: extras, endsText: false)
            } else {
                pendingJoiner = value
            }
        }

        /// Appends one segment of a run as a word, with its camel-case, letter–digit and script parts as extras.
        private mutating func emit(
            _ segment: Range<Int>, isLast: Bool, endsText: Bool, buffer: inout TokenBuffer, extras: Bool
        ) {
            let script = Homoglyphs.unify(&buffer.scalars, segment)
            buffer.spans.append(
                TokenBuffer.Span(
                    start: Int32(segment.lowerBound), end: Int32(segment.upperBound), position: position,
                    chunk: chunk, isExtra: false, endsText: endsText && isLast, script: script))
            position += 1
            guard extras else { return }
            let hasBoundary = subBoundaries.contains { $0 > segment.lowerBound && $0 < segment.upperBound }
            guard hasBoundary || script == .mixed else { return }
            var parts = subBoundaries.filter { $0 > segment.lowerBound && $0 < segment.upperBound }
            if script == .mixed { parts += Homoglyphs.scriptBoundaries(buffer.scalars, segment) }
            parts.sort()
            var partStart = segment.lowerBound
            for boundary in parts + [segment.upperBound] where boundary > partStart {
                buffer.spans.append(
                    TokenBuffer.Span(
                        start: Int32(partStart), end: Int32(boundary), position: position - 1, chunk: chunk,
                        isExtra: true, endsText: false, script: Homoglyphs.script(buffer.scalars, partStart..<boundary))
                )
                partStart = boundary
            }
        }

        mutating func finish(buffer: inout TokenBuffer, extras: Bool, endsText: Bool) {
            guard inRun else { return }
            inRun = false
            buffer.scalars.append(contentsOf: UnsafeBufferPointer(rebasing: run[0..<runLength]))
            // A trailing joiner (`chat-`) is not part of the word; the word then does not end the text.
            let endsText = endsText && pendingJoiner == nil
            pendingJoiner = nil
            let runEnd = buffer.scalars.count
            let firstPosition = position
            // Segments are cut by `segmentStarts`; most runs have one, and no array is built for them.
            var segmentStart = runStart
            for segmentIndex in 0...segmentStarts.count {
                let segmentEnd = segmentIndex < segmentStarts.count ? segmentStarts[segmentIndex] : runEnd
                emit(
                    segmentStart..<segmentEnd, isLast: segmentIndex == segmentStarts.count, endsText: endsText,
                    buffer: &buffer, extras: extras)
                segmentStart = segmentEnd
            }
            let segmentCount = segmentStarts.count + 1
            if extras && segmentCount > 1 && runEnd - runStart <= 48 {
                let joinedStart = buffer.scalars.count
                buffer.scalars.append(contentsOf: buffer.scalars[runStart..<runEnd])
                buffer.spans.append(
                    TokenBuffer.Span(
                        start: Int32(joinedStart), end: Int32(buffer.scalars.count), position: firstPosition,
                        chunk: chunk, isExtra: true, endsText: false,
                        script: Homoglyphs.script(buffer.scalars, joinedStart..<buffer.scalars.count)))
            }
        }
    }
}

/// The scalar values of valid UTF-8 (a `String`'s own bytes: Swift keeps them valid, so no checks).
struct UTF8ScalarValues: Sequence, IteratorProtocol {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    /// Reads the scalars of valid UTF-8 bytes.
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    @inline(__always)
    mutating func next() -> UInt32? {
        guard index < bytes.count else { return nil }
        let lead = UInt32(bytes[index])
        if lead < 0x80 {
            index += 1
            return lead
        }
        // The lead byte's high bits give the length (two bytes for Cyrillic, the common case, decoded on
        // its own); a truncated sequence (impossible in a `String`) ends the text instead of reading past it.
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index &+ length <= bytes.count else {
            index = bytes.count
            return nil
        }
        let second = UInt32(bytes[index &+ 1]) & 0x3F
        var value: UInt32
        if length == 2 {
            value = (lead & 0x1F) << 6 | second
        } else {
            value = (lead & (0x7F >> UInt32(length))) << 6 | second
            for offset in 2..<length { value = value << 6 | (UInt32(bytes[index &+ offset]) & 0x3F) }
        }
        index &+= length
        return value
    }
}
