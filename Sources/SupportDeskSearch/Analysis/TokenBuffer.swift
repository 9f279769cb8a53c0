/// The tokens of one text: folded scalars in one contiguous array and the spans that cut them into tokens.
///
/// Reused between texts (``removeAll()`` keeps the capacity), so tokenizing allocates nothing per token.
struct TokenBuffer {
    /// One token: a range of ``TokenBuffer/scalars``.
    struct Span {
        /// The first scalar.
        var start: Int32
        /// One past the last scalar.
        var end: Int32
        /// The word position (primary tokens count up from 0; extras share their source's position).
        var position: Int32
        /// The whitespace-separated chunk of the source text the token came from.
        var chunk: Int32
        /// An extra form (a compound joined, a camel-case or letter–digit part), not a word of its own.
        var isExtra: Bool
        /// The token reaches the end of the text (nothing but the token's own characters follow).
        var endsText: Bool
        /// The writing system of the token.
        var script: Script

        /// The number of scalars.
        var count: Int { Int(end - start) }
    }

    /// The writing system of a token.
    enum Script: UInt8 {
        case latin, cyrillic, digits, mixed
    }

    /// The folded scalars of every token, back to back.
    var scalars: [UInt32] = []
    /// The tokens in text order (each primary token is followed by its extras).
    var spans: [Span] = []

    /// Empties the buffer, keeping its capacity.
    mutating func removeAll() {
        scalars.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
    }

    /// The scalars of a token.
    /// - Parameter span: A span of this buffer.
    /// - Returns: The token's scalars.
    @inline(__always)
    func scalars(of span: Span) -> ArraySlice<UInt32> { scalars[Int(span.start)..<Int(span.end)] }

    /// The text of a token.
    /// - Parameter span: A span of this buffer.
    /// - Returns: The token as a string.
    func string(_ span: Span) -> String { String.fromScalars(scalars(of: span)) }
}

extension String {
    /// A string from scalar values (invalid values are skipped).
    /// - Parameter values: Unicode scalar values.
    /// - Returns: The string.
    static func fromScalars(_ values: some Sequence<UInt32>) -> String {
        // Arrays and slices: encoded straight into the new string's storage (no intermediate byte array).
        if let string = values.withContiguousStorageIfAvailable({ fromScalarBuffer($0) }) { return string }
        // UTF-8 encoded into one buffer, then one string (appending scalar by scalar to a string view
        // re-checks and grows the string per scalar).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.underestimatedCount * 2)
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if value < 0x80 {
                bytes.append(UInt8(value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A string from contiguous scalar values, UTF-8 encoded in place (invalid values are skipped).
    private static func fromScalarBuffer(_ values: UnsafeBufferPointer<UInt32>) -> String {
        // The exact UTF-8 length first: a word of up to 15 bytes (7 Cyrillic letters) then becomes a small
        // string, stored inline without an allocation (a capacity of 4 bytes per scalar would allocate).
        var length = 0
        for value in values {
            switch value {
            case 0..<0x80: length += 1
            case 0x80..<0x800: length += 2
            case 0xD800...0xDFFF: continue
            case 0x800..<0x10000: length += 3
            case 0x10000...0x10FFFF: length += 4
            default: continue
            }
        }
        return String(unsafeUninitializedCapacity: length) { bytes in
            var count = 0
            for value in values {
                switch value {
                case 0..<0x80:
                    bytes[count] = UInt8(truncatingIfNeeded: value)
                    count += 1
                case 0x80..<0x800:
                    bytes[count] = UInt8(truncatingIfNeeded: 0xC0 | (value >> 6))
                    bytes[count + 1] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
                    count += 2
                case 0xD800...0xDFFF:
                    continue
                case 0x800..<0x10000:
                    bytes[count] = UInt8(truncatingIfNeeded: 0xE0 | (value >> 12))
                    bytes[count + 1] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F))
                    bytes[count + 2] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
                    count += 3
                case 0x10000...0x10FFFF:
                    bytes[count] = UInt8(truncatingIfNeeded: 0xF0 | (value >> 18))
                    bytes[count + 1] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 12) & 0x3F))
                    bytes[count + 2] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F))
                    bytes[count + 3] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
                    count += 4
                default:
                    continue
                }
            }
            return count
        }
    }

    /// The scalar values of the string.
    var scalarValues: [UInt32] { unicodeScalars.map(\.value) }
}
