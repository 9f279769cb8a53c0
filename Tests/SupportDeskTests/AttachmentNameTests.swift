import Foundation
import SupportDesk
import Testing

@Suite struct AttachmentNameTests {
    @Test(arguments: [
        ("screenshot.png", "screenshot.png"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\system32\\cmd.exe", "cmd.exe"),
        ("/absolute/path/report.pdf", "report.pdf"),
        ("..", "attachment"),
        ("../", "attachment"),
        ("", "attachment"),
        ("   ", "attachment"),
        (".hidden", "hidden"),
        ("name.", "name"),
        ("a\u{0}b.png", "a b.png"),  // control characters become a space, as in a text field
        ("line\nbreak.txt", "line break.txt"),
        ("evil\u{202E}gnp.exe", "evilgnp.exe"),
        ("  много   пробелов .txt ", "много пробелов .txt"),
        ("Скриншот ошибки 😶.jpg", "Скриншот ошибки 😶.jpg"),
    ])
    func sanitizes(_ raw: String, _ expected: String) {
        #expect(AttachmentName.sanitize(raw) == expected)
    }

    @Test func veryLongNamesAreShortenedKeepingTheExtension() {
        let name = String(repeating: "ж", count: 10_000) + ".png"
        let sanitized = AttachmentName.sanitize(name)
        #expect(sanitized.utf8.count <= AttachmentName.maxLength)
        #expect(sanitized.hasSuffix(".png"))
        #expect(sanitized.hasPrefix("жжж"))
        let noExtension = AttachmentName.sanitize(String(repeating: "x", count: 5_000))
        #expect(noExtension.utf8.count == AttachmentName.maxLength)
    }

    /// `"a.b"` followed by 500 combining acute accents was 1,002 bytes against the 200-byte limit.
    @Test func combiningMarksNeverTakeANameOverTheByteLimit() {
        let cases = [
            "a.b" + String(repeating: "\u{301}", count: 500),
            "a" + String(repeating: "\u{301}", count: 500) + ".png",
            String(repeating: "e\u{301}\u{302}\u{303}", count: 300) + ".txt",
            String(repeating: "\u{1F469}\u{200D}\u{1F4BB}", count: 100),
            "x" + String(repeating: "\u{301}", count: 100_000),
        ]
        for name in cases {
            let sanitized = AttachmentName.sanitize(name)
            #expect(sanitized.utf8.count <= AttachmentName.maxLength, "\(sanitized.utf8.count) bytes")
            #expect(!sanitized.isEmpty && !sanitized.hasPrefix("."))
            // Never cut inside a scalar: the result is valid UTF-8 made of scalars of the input.
            #expect(
                Set(sanitized.unicodeScalars).isSubset(
                    of: Set(name.precomposedStringWithCanonicalMapping.unicodeScalars)))
        }
        #expect(AttachmentName.sanitize(cases[1]).hasSuffix(".png"))
        #expect(AttachmentName.sanitize(cases[2]).hasSuffix(".txt"))
        // Whole characters are kept where they fit: the stem ends on a character boundary.
        let accented = AttachmentName.sanitize(cases[2])
        #expect(accented.dropLast(4).allSatisfy { $0 == "\u{E9}\u{302}\u{303}" })
    }

    @Test(arguments: ["..hidden.png", ". .png", "...", " . x"])
    func namesNeverStartWithADot(_ raw: String) {
        #expect(!AttachmentName.sanitize(raw).hasPrefix("."))
    }

    @Test func sanitizedNamesAreNeverPaths() {
        let hostile = ["a/b", "a\\b", "../x", "x/..", "/", "\\", "\u{0}", "./.", "a/../../b"]
        for name in hostile {
            let sanitized = AttachmentName.sanitize(name)
            #expect(!sanitized.isEmpty)
            #expect(!sanitized.contains("/") && !sanitized.contains("\\") && !sanitized.contains("\u{0}"))
            #expect(sanitized != "." && sanitized != "..")
        }
    }
}
