/// Reading an attachments field: an array of metadata objects
/// `{"fileName": "screen.png", "contentType": "image/png", "size": 48213, "id": "…", "sha256": "…"}`.
extension FieldPlan {
    func readAttachments(_ raw: JSONValue, limits: ValidationLimits, issues: inout IssueCollector) -> FieldValue? {
        guard case .array(let elements) = raw else {
            issues.add(
                .wrongType, self,
                arguments: Self.expected("список файлов (массив объектов)", "a list of files (an array of objects)"))
            return nil
        }
        let maxFiles = constraints.maxFiles
        guard elements.count <= limits.maxArrayElements else {
            issues.add(
                .tooManyFiles, self, arguments: ["max": String(min(maxFiles ?? Int.max, limits.maxArrayElements))])
            return nil
        }
        let policy = limits.attachments
        let maxFileSize = min(constraints.maxFileSize ?? Int64.max, policy.maxFileSize)
        var files: [Attachment] = []
        var ids = Set<Attachment.ID>()
        var total: Int64 = 0
        for (index, element) in elements.enumerated() {
            let elementPath = "\(path)[\(index)]"
            guard let file = readAttachment(element, index: index, path: elementPath, issues: &issues) else { continue }
            if file.size > maxFileSize {
                issues.add(
                    .fileTooLarge, path: elementPath, field: definition,
                    arguments: Self.sizeArguments(maxFileSize).merging(["value": file.fileName]) { $1 })
            }
            if !policy.allows(file.contentType) || (allowedTypes != nil && !isAllowed(file.contentType)) {
                issues.add(
                    .fileTypeNotAllowed, path: elementPath, field: definition,
                    arguments: ["value": file.fileName, "allowed": allowedTypeList(policy)])
            }
            if !ids.insert(file.id).inserted {
                issues.add(
                    .duplicateAttachment, path: elementPath, field: definition,
                    arguments: ["index": String(index + 1), "value": FormValidator.printable(file.id.rawValue)])
            }
            total = total.addingReportingOverflow(file.size).overflow ? Int64.max : total + file.size
            files.append(file)
        }
        if let maxFiles, elements.count > maxFiles {
            issues.add(.tooManyFiles, self, arguments: ["max": String(maxFiles)])
        }
        let maxTotalSize = min(constraints.maxTotalSize ?? Int64.max, policy.maxTicketTotal)
        if total > maxTotalSize {
            issues.add(.totalSizeTooLarge, self, arguments: Self.sizeArguments(maxTotalSize))
        }
        return files.isEmpty ? nil : .attachments(files)
    }

    private func readAttachment(
        _ raw: JSONValue, index: Int, path: String, issues: inout IssueCollector
    ) -> Attachment? {
        func problem(_ ru: String, _ en: String) -> Attachment? {
            issues.add(
                .invalidAttachment, path: path, field: definition,
                arguments: ["index": String(index + 1), "reason.ru": ru, "reason.en": en])
            return nil
        }
        guard case .object(let object) = raw else {
            return problem(
                "ожидается объект с fileName, contentType и size",
                "expected an object with fileName, contentType and size")
        }
        var rawID: JSONValue?
        var rawName: JSONValue?
        var rawType: JSONValue?
        var rawSize: JSONValue?
        var rawHash: JSONValue?
        for (key, value) in object {
            switch key {
            case "id": rawID = value
            case "fileName": rawName = value
            case "contentType": rawType = value
            case "size": rawSize = value
            case "sha256": rawHash = value
            default:
                let shown = FormValidator.printable(key)
                return problem("неизвестный ключ «\(shown)»", "unknown key “\(shown)”")
            }
        }
        guard case .string(let rawName)? = rawName, rawName.utf8.count <= 1024 else {
            return problem("нет имени файла (fileName)", "the file name (fileName) is missing")
        }
        // The one sanitizer of file names, the attachment stores' too: at most AttachmentName.maxLength bytes.
        guard let fileName = AttachmentName.sanitizedIfUsable(rawName) else {
            return problem("пустое имя файла", "the file name is empty")
        }
        guard case .string(let rawType)? = rawType,
            let contentType = Self.mediaType(rawType)
        else {
            return problem(
                "нет типа файла (contentType) вида image/png", "the media type (contentType) like image/png is missing")
        }
        guard let size = rawSize?.int64Value, size >= 0 else {
            return problem(
                "размер (size) должен быть целым числом байт ≥ 0", "the size must be a whole number of bytes ≥ 0")
        }
        var sha256: String?
        if let hashValue = rawHash, hashValue != .null {
            guard case .string(let hash) = hashValue, hash.utf8.count == 64,
                hash.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) })
            else {
                return problem("sha256 должен состоять из 64 шестнадцатеричных цифр", "sha256 must be 64 hex digits")
            }
            sha256 = hash.lowercased()
        }
        let id: Attachment.ID
        switch rawID {
        case nil, .null?:
            id = index < attachmentIDs.count ? attachmentIDs[index] : Attachment.ID("\(self.id.rawValue)-\(index + 1)")
        case .string(let text)? where !TextNormalizer.identifier(text).isEmpty && text.utf8.count <= 128:
            id = Attachment.ID(TextNormalizer.identifier(text))
        default: return problem("id должен быть непустой строкой", "id must be a non-empty string")
        }
        return Attachment(id: id, fileName: fileName, contentType: contentType, size: size, sha256: sha256)
    }

    /// `type/subtype`, lowercased, parameters (`; charset=…`) dropped.
    static func mediaType(_ text: String) -> String? {
        if isPlainMediaType(text) { return text }
        let essence = text.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let type = TextNormalizer.identifier(String(essence)).lowercased()
        let parts = type.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, type.utf8.count <= 255,
            type.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { return nil }
        return type
    }

    /// Already `type/subtype`: printable ASCII without uppercase letters, spaces or parameters.
    private static func isPlainMediaType(_ text: String) -> Bool {
        var slashes = 0
        for byte in text.utf8 {
            guard byte > 0x20, byte < 0x7F, byte != UInt8(ascii: ";"), !(byte >= 0x41 && byte <= 0x5A) else {
                return false
            }
            if byte == UInt8(ascii: "/") { slashes += 1 }
        }
        return slashes == 1 && text.utf8.first != UInt8(ascii: "/") && text.utf8.last != UInt8(ascii: "/")
            && text.utf8.count <= 255
    }

    /// The types a file of this field may have, for messages: the policy's, narrowed by the field's own.
    private func allowedTypeList(_ policy: AttachmentPolicy) -> String {
        policy.allowedContentTypes.filter { allowedTypes == nil || isAllowed($0) }.sorted().joined(separator: ", ")
    }

    /// Whether a media type is allowed: listed exactly, or its family is listed as `type/*` (or `*/*`).
    func isAllowed(_ type: String) -> Bool {
        if allowedExactTypes.contains(type) || allowedTypeFamilies.contains("*") { return true }
        guard let slash = type.utf8.firstIndex(of: UInt8(ascii: "/")) else { return false }
        return allowedTypeFamilies.contains(String(type[..<slash]))
    }

    /// `max`, `max.ru`, `max.en`: a size as people read it (`10 MB`, `10 МБ`).
    static func sizeArguments(_ bytes: Int64) -> [String: String] {
        func format(_ units: [String]) -> String {
            var value = Double(bytes)
            var unit = 0
            while value >= 1024, unit < units.count - 1 {
                value /= 1024
                unit += 1
            }
            let rounded = (value * 10).rounded() / 10
            let number = rounded.rounded() == rounded ? String(Int64(rounded)) : String(rounded)
            return "\(number) \(units[unit])"
        }
        return [
            "max": String(bytes), "max.ru": format(["байт", "КБ", "МБ", "ГБ"]),
            "max.en": format(["bytes", "KB", "MB", "GB"]),
        ]
    }
}
