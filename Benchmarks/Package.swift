// swift-tools-version:6.2
import PackageDescription

// Benchmarks live in their own package so the SDK itself depends on nothing.
// Run them in release: `swift run -c release --package-path Benchmarks support-desk-benchmarks [--filter NAME]`.
let package = Package(
    name: "SupportDeskBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "SupportDesk", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "support-desk-benchmarks",
            dependencies: [
                .product(name: "SupportDesk", package: "SupportDesk"),
                .product(name: "SupportDeskSearch", package: "SupportDesk"),
                .product(name: "SupportDeskSQLite", package: "SupportDesk"),
            ],
            path: "Sources/SupportDeskBenchmarks"
        )
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ])
    target.swiftSettings = settings
}
