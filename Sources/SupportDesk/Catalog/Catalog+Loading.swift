extension Catalog {
    /// Reads and checks a catalog from JSON.
    ///
    /// Every problem is collected (not just the first) and reported with its JSON path; a catalog with any
    /// problem is not returned at all.
    /// - Parameters:
    ///   - bytes: The catalog's JSON text as UTF-8.
    ///   - source: Where it came from (a file path), named in the error.
    /// - Returns: The checked catalog.
    /// - Throws: ``CatalogError`` listing every problem.
    public static func load(_ bytes: some Collection<UInt8>, source: String? = nil) throws(CatalogError) -> Catalog {
        let document: JSONValue
        do {
            document = try JSONParser().parse(bytes)
        } catch {
            throw CatalogError(
                source: source, issues: [CatalogIssue(path: "", code: .invalidJSON, message: error.description)])
        }
        return try load(document, source: source)
    }

    /// Checks a catalog already parsed into a ``JSONValue``.
    /// - Parameters:
    ///   - document: The catalog document.
    ///   - source: Where it came from, named in the error.
    /// - Returns: The checked catalog.
    /// - Throws: ``CatalogError`` listing every problem.
    public static func load(_ document: JSONValue, source: String? = nil) throws(CatalogError) -> Catalog {
        var reader = CatalogReader()
        guard let catalog = reader.read(document), reader.issues.isEmpty else {
            throw CatalogError(source: source, issues: reader.issues)
        }
        return catalog
    }

    /// The largest catalog file ``load(contentsOfFile:)`` reads, in bytes (16 MiB, the JSON parser's limit).
    public static let maxFileBytes = JSONLimits.default.maxBytes

    /// Reads and checks a catalog file.
    ///
    /// The file is checked before it is read: only a regular file of at most ``maxFileBytes`` bytes is
    /// opened, without blocking, and no more than that is ever read (a huge or sparse file costs nothing).
    /// - Parameter path: The file's path.
    /// - Returns: The checked catalog.
    /// - Throws: ``CatalogError`` naming the path: `fileNotFound`, `fileUnreadable`, `fileIsDirectory`,
    ///   `fileIsPipe`, `fileIsDevice` or `fileTooLarge` when the file cannot be read as a catalog, or every
    ///   problem of its content.
    public static func load(contentsOfFile path: String) throws(CatalogError) -> Catalog {
        let bytes = try CatalogFileReader(path: path, limit: maxFileBytes).read()
        return try load(bytes, source: path)
    }
}
