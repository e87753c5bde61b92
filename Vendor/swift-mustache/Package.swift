// swift-tools-version:5.9
// Tandem's fork of hummingbird-project/swift-mustache 2.1.1: see FORK.md.

import PackageDescription

let package = Package(
    name: "swift-mustache",
    platforms: [.macOS(.v10_15), .iOS(.v13), .tvOS(.v13), .watchOS(.v6)],
    products: [
        .library(name: "Mustache", targets: ["Mustache"])
    ],
    dependencies: [],
    targets: [
        // Tandem: release builds leave out the run-time checks of exclusive access (FORK.md).
        .target(
            name: "Mustache",
            dependencies: [],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // Upstream's tests, but for the spec tests, which download the spec.
        .testTarget(name: "MustacheTests", dependencies: ["Mustache"]),
    ],
    swiftLanguageVersions: [.v5, .version("6")]
)
