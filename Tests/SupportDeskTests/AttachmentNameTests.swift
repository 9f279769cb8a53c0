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
        ("a\u{0}b.png", "ab.png"),
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
