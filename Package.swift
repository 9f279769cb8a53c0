// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "SupportDesk",
    platforms: [.macOS(.v15), .iOS(.v18)],
    products: [
        .library(name: "SupportDesk", targets: ["SupportDesk"]),
        .library(name: "SupportDeskSearch", targets: ["SupportDeskSearch"]),
        .library(name: "SupportDeskSQLite", targets: ["SupportDeskSQLite"]),
        .library(name: "SupportDeskTesting", targets: ["SupportDeskTesting"]),
    ],
    targets: [
        // The domain: accounts, catalog, forms, validation, tickets, lifecycle, the storage protocol.
        .target(
            name: "SupportDesk",
            resources: [.copy("Resources/twin-help-center.json")]
        ),
        // Text analysis (normalization, stemming, layout, transliteration, typos) and the ranked index.
        .target(name: "SupportDeskSearch", dependencies: ["SupportDesk"]),
        // SQLite from the system, the way GRDB links it: no vendored sources, no package dependency.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite3"])]
        ),
        .target(name: "SupportDeskSQLite", dependencies: ["SupportDesk", "CSQLite"]),
        // The conformance kit every storage backend runs against itself.
        .target(name: "SupportDeskTesting", dependencies: ["SupportDesk"]),

        .testTarget(name: "SupportDeskTests", dependencies: ["SupportDesk", "SupportDeskTesting"]),
        .testTarget(
            name: "SupportDeskLifecycleTests", dependencies: ["SupportDesk", "SupportDeskSQLite", "SupportDeskTesting"]),
        .testTarget(
            name: "SupportDeskSearchTests", dependencies: ["SupportDeskSearch", "SupportDeskTesting"],
            resources: [.copy("Fixtures")]),
        // A child process the SQLite crash-safety tests start and kill (not a product).
        .executableTarget(name: "SupportDeskSQLiteCrashWriter", dependencies: ["SupportDeskSQLite"]),
        .testTarget(
            name: "SupportDeskSQLiteTests",
            dependencies: ["SupportDeskSQLite", "SupportDeskTesting", "SupportDeskSQLiteCrashWriter"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ])
    target.swiftSettings = settings
}
