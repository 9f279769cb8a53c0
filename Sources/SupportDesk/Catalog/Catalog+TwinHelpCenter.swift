import Foundation

extension Catalog {
    /// The name of the shipped catalog file in this module's resources.
    public static let twinHelpCenterResourceName = "twin-help-center"

    /// The path of the shipped Twin help-center catalog file, or `nil` when the resource bundle is missing.
    public static var twinHelpCenterPath: String? {
        Bundle.module.path(forResource: twinHelpCenterResourceName, ofType: "json")
    }

    /// The shipped Twin help-center catalog (8 categories, 17 topics, Russian and English).
    ///
    /// The same file is used by the CLI, the tests and the benchmarks.
    /// - Returns: The checked catalog.
    /// - Throws: ``CatalogError`` if the resource is missing or does not pass the check.
    public static func twinHelpCenter() throws(CatalogError) -> Catalog {
        guard let path = twinHelpCenterPath else {
            throw CatalogError(
                source: "\(twinHelpCenterResourceName).json",
                issues: [
                    CatalogIssue(path: "", code: .fileNotFound, message: "the resource is missing from the bundle")
                ]
            )
        }
        return try load(contentsOfFile: path)
    }
}
