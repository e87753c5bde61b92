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
        .target(name: "Mustache", dependencies: []),
        // Upstream's tests, but for the spec tests, which download the spec.
        .testTarget(name: "MustacheTests", dependencies: ["Mustache"]),
    ],
    swiftLanguageVersions: [.v5, .version("6")]
)
