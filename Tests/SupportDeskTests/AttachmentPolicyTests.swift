import SupportDesk
import Testing

@Suite struct AttachmentPolicyTests {
    @Test(arguments: [
        ("image/png", "image/png"),
        ("Image/PNG", "image/png"),
        (" text/plain; charset=utf-8 ", "text/plain"),
        ("", ""),
        (";", ""),
    ])
    func normalizesMediaTypes(_ raw: String, _ expected: String) {
        #expect(AttachmentPolicy.normalizedContentType(raw) == expected)
    }

    @Test func allowedTypesAreNormalizedOnCreation() {
        let limits = AttachmentPolicy(maxFileSize: 10, maxTicketTotal: 20, allowedContentTypes: ["Image/PNG; q=1"])
        #expect(limits.allowedContentTypes == ["image/png"])
        #expect(limits.maxFileSize == 10 && limits.maxTicketTotal == 20)
    }

    @Test func defaultsAcceptScreenshotsAndLogsButNotExecutables() {
        let limits = AttachmentPolicy()
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
            .notFound, .ioFailure, .sizeMismatch, .digestMismatch,
        ]
        #expect(Set(codes.map(\.description)).count == codes.count)
    }

    @Test func onlyRasterImagesAreInlineAndActiveContentNever() {
        let policy = AttachmentPolicy()
        for type in ["image/png", "IMAGE/JPEG; q=1", "image/gif", "image/webp"] {
            #expect(policy.disposition(for: type) == .inline, "\(type)")
        }
        for type in ["application/pdf", "text/plain", "application/zip", "image/svg+xml", "text/html", "x/unknown"] {
            #expect(policy.disposition(for: type) == .attachment, "\(type)")
        }
        // Even a policy that allows SVG and HTML and lists them as inline never serves them inline.
        let reckless = AttachmentPolicy(
            allowedContentTypes: ["image/svg+xml", "text/html", "application/xhtml+xml", "text/xml", "image/png"],
            inlineContentTypes: ["image/svg+xml", "text/html", "application/xhtml+xml", "text/xml", "image/png"])
        for type in ["image/svg+xml", "text/html", "application/xhtml+xml", "text/xml", "text/javascript"] {
            #expect(AttachmentPolicy.isActiveContent(type), "\(type)")
            #expect(reckless.disposition(for: type) == .attachment, "\(type)")
        }
        #expect(reckless.disposition(for: "image/png") == .inline)
        #expect(!AttachmentPolicy.isActiveContent("image/png"))
    }

    @Test func theDefaultPolicyRefusesActiveContent() {
        for type in ["image/svg+xml", "text/html", "application/xhtml+xml", "application/xml", "text/javascript"] {
            #expect(!AttachmentPolicy.default.allows(type), "\(type)")
        }
        #expect(AttachmentPolicy.default.allows("Image/PNG"))
    }

    /// The shipped forms and the default policy agree: every exact type a shipped form lists is accepted.
    @Test func theDefaultPolicyAcceptsWhatTheShippedFormsList() throws {
        let catalog = try Catalog.twinHelpCenter()
        let fields = (catalog.commonFields + catalog.topics.flatMap(\.form.fields)).filter { $0.kind == .attachments }
        #expect(!fields.isEmpty)
        for field in fields {
            for type in field.constraints.allowedTypes ?? [] where !type.hasSuffix("/*") {
                #expect(AttachmentPolicy.default.allows(type), "\(field.id) lists \(type)")
            }
        }
    }
}
