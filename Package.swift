// swift-tools-version:6.0
import PackageDescription

/// Release builds leave out the run-time checks of exclusive access (about
/// 3 % of a build's instructions, counted by callgrind); debug builds, and so
/// the tests, keep them. See docs/architecture.md, "Speed".
let releaseSettings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
    // Each module names the static libraries it needs (Foundation's ICU among them): see `releaseLinking`.
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
]

/// The release executable carries the Swift runtime and Foundation in itself
/// (`-static-stdlib`, what `swift build --static-swift-stdlib` does): calls into
/// them (a reference count changes hundreds of millions of times in a large
/// build) are direct instead of through the dynamic linker's tables, and
/// nothing is left to resolve when it starts. Debug builds, and so the tests,
/// keep the shared libraries; so does macOS, where the runtime is the system's.
/// See docs/architecture.md, "Speed".
let releaseLinking: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
    // gperftools' tcmalloc in place of glibc's malloc for the whole process (Debian:
    // libgoogle-perftools-dev to build, libtcmalloc-minimal4 to run, as libcmark0.30.2
    // is for libcmark). See Sources/TandemCore/Support/Allocator.swift.
    .linkedLibrary("tcmalloc_minimal", .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "Tandem",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tandem", targets: ["tandem"]),
        .library(name: "TandemCore", targets: ["TandemCore"]),
        .library(name: "TandemPreview", targets: ["TandemPreview"]),
    ],
    dependencies: [
        // Yams 6.2.2 with faster composing of front matter: Vendor/Yams/FORK.md.
        .package(path: "Vendor/Yams"),
        // swift-mustache 2.1.1 with faster rendering and parsing: Vendor/swift-mustache/FORK.md.
        .package(path: "Vendor/swift-mustache"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The arena libcmark's trees are made in (`Sources/CCmarkArena/arena.c`).
        .target(name: "CCmarkArena", dependencies: ["CCmark"]),
        // libvips is opened at run time (`Sources/CVips/shim.c`), not linked.
        .target(name: "CVips", linkerSettings: [.linkedLibrary("dl")]),
        .target(
            name: "TandemCore",
            dependencies: [
                "CCmark",
                "CCmarkArena",
                "CVips",
                "CZlib",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Defaults/README.md"],
            resources: [.embedInCode("Defaults")],
            swiftSettings: releaseSettings
        ),
        .target(
            name: "TandemPreview",
            dependencies: [
                "TandemCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Assets")],
            swiftSettings: releaseSettings
        ),
        .executableTarget(
            name: "tandem",
            dependencies: [
                "TandemCore",
                "TandemPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: releaseSettings,
            linkerSettings: releaseLinking
        ),
        .testTarget(
            name: "TandemCoreTests",
            dependencies: [
                "TandemCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "TandemPreviewTests",
            dependencies: [
                "TandemPreview",
                "TandemCore",
            ]
        ),
    ]
)
