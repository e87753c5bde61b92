import ArgumentParser
import Foundation

/// Options every command takes.
struct SiteOptions: ParsableArguments {
    @Option(help: "The site's folder (default: the current folder).")
    var root: String = "."

    var rootURL: URL {
        URL(fileURLWithPath: root, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }
}

/// How diagnostics are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case human
    case json
}
