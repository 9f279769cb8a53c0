// swift-tools-version:6.2
import PackageDescription

// The `support-desk` command-line tool: an example of embedding SupportDesk in a program.
// Its commands live in the SupportDeskCLI library so tests can drive them; the executable is a thin main.
let package = Package(
    name: "SupportDeskCLI",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "support-desk", targets: ["support-desk"])
    ],
    dependencies: [
        .package(name: "SupportDesk", path: "../.."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "SupportDeskCLI",
            dependencies: [
                .product(name: "SupportDesk", package: "SupportDesk"),
                .product(name: "SupportDeskSearch", package: "SupportDesk"),
                .product(name: "SupportDeskSQLite", package: "SupportDesk"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "support-desk",
            dependencies: ["SupportDeskCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "SupportDeskCLITests", dependencies: ["SupportDeskCLI"]),
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
