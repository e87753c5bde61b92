// swift-tools-version:5.7
import PackageDescription

// Yams 6.2.2 with faster composing of small documents: see FORK.md.
let package = Package(
    name: "Yams",
    products: [
        .library(name: "Yams", targets: ["Yams"])
    ],
    dependencies: [],
    targets: [
        .target(
            name: "CYaml",
            cSettings: [.define("YAML_DECLARE_STATIC")]
        ),
        .target(
            name: "Yams",
            dependencies: ["CYaml"],
            cSettings: [.define("YAML_DECLARE_STATIC")],
            // Tandem: release builds leave out the run-time checks of exclusive access (FORK.md).
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
    ]
)
