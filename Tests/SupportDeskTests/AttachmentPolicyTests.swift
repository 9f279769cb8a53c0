import SupportDesk
import Testing

@Suite struct AttachmentLimitsTests {
    @Test(arguments: [
        ("image/png", "image/png"),
        ("Image/PNG", "image/png"),
        (" text/plain; charset=utf-8 ", "text/plain"),
        ("", ""),
        (";", ""),
    ])
    func normalizesMediaTypes(_ raw: String, _ expected: String) {
        #expect(AttachmentLimits.normalizedContentType(raw) == expected)
    }

    @Test func allowedTypesAreNormalizedOnCreation() {
        let limits = AttachmentLimits(maxFileSize: 10, maxTicketTotal: 20, allowedContentTypes: ["Image/PNG; q=1"])
        #expect(limits.allowedContentTypes == ["image/png"])
        #expect(limits.maxFileSize == 10 && limits.maxTicketTotal == 20)
    }

    @Test func defaultsAcceptScreenshotsAndLogsButNotExecutables() {
        let limits = AttachmentLimits()
        #expect(
            limits.allowedContentTypes.isSuperset(of: ["image/png", "image/jpeg", "text/plain", "application/pdf"]))
        #expect(!limits.allowedContentTypes.contains("application/x-msdownload"))
        #expect(limits.maxFileSize == 20 << 20 && limits.maxTicketTotal == 50 << 20)
    }

    @Test func attachmentErrorsHaveStableCodes() {
        let error = AttachmentError(.fileTooLarge, "“a.png” is too large", fileName: "a.png", limit: 10)
        #expect(error.description == "fileTooLarge: “a.png” is too large")
        #expect(error.limit == 10 && error.fileName == "a.png" && error.path == nil)
        let codes: [AttachmentError.Code] = [
            .fileTooLarge, .ticketLimitExceeded, .typeNotAllowed, .contentMismatch, .emptyFile, .invalidDigest,
            .notFound, .ioFailure,
        ]
        #expect(Set(codes.map(\.description)).count == codes.count)
    }
}
