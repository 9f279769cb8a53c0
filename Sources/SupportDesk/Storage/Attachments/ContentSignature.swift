/// Checks streamed bytes against the signature of their declared media type: a PNG must start like a PNG,
/// a text file must not contain NUL bytes. Types without a known signature pass.
struct ContentSignature {
    private enum Rule {
        case prefix([[UInt8]])
        case webp
        case text
        case none
    }

    private let rule: Rule
    private var header: [UInt8] = []
    private var decided = false

    init(contentType: String) {
        switch contentType {
        case "image/png": rule = .prefix([[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]])
        case "image/jpeg": rule = .prefix([[0xFF, 0xD8, 0xFF]])
        case "image/gif": rule = .prefix([Array("GIF87a".utf8), Array("GIF89a".utf8)])
        case "application/pdf": rule = .prefix([Array("%PDF-".utf8)])
        case "application/zip": rule = .prefix([[0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x05, 0x06]])
        case "image/webp": rule = .webp
        case "text/plain", "text/csv", "application/json": rule = .text
        default: rule = .none
        }
    }

    /// Looks at the next chunk; returns `false` as soon as the content cannot be of the type.
    mutating func inspect(_ chunk: [UInt8]) -> Bool {
        switch rule {
        case .none: return true
        case .text: return !chunk.contains(0)
        case .prefix, .webp:
            guard !decided else { return true }
            header.append(contentsOf: chunk.prefix(12 - min(12, header.count)))
            guard header.count >= 12 else { return true }
            decided = true
            return matches()
        }
    }

    /// Decides for content shorter than the header; returns whether it can be of the type.
    mutating func finish() -> Bool {
        switch rule {
        case .none, .text: return true
        case .prefix, .webp: return decided || matches()
        }
    }

    private func matches() -> Bool {
        switch rule {
        case .prefix(let prefixes): return prefixes.contains { header.starts(with: $0) }
        case .webp:
            return header.count >= 12 && header.starts(with: Array("RIFF".utf8))
                && Array(header[8..<12]) == Array("WEBP".utf8)
        case .text, .none: return true
        }
    }
}
