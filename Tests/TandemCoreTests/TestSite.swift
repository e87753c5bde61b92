import Foundation
@testable import TandemCore

/// A site in a fresh temporary folder, written file by file, for tests that
/// run the real pipeline on real files.
struct TestSite {
    let root: URL

    init(_ files: [String: String] = [:]) {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("tandem-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        for (path, text) in files { write(path, text) }
    }

    func write(_ path: String, _ text: String) {
        write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) {
        let url = root.appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: url)
    }

    func remove(_ path: String) {
        try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    var output: URL { root.appendingPathComponent("site") }

    @discardableResult
    func build(drafts: Bool = false, at instant: String? = nil) -> BuildReport {
        var mode = BuildMode(includeDrafts: drafts)
        if let instant { mode.now = try! PageDate.parse(instant).instant }
        return SiteBuilder.build(BuildOptions(root: root, mode: mode))
    }

    /// The text of a published file, e.g. `news/2026/camp/index.html`.
    func published(_ path: String) -> String? {
        (try? Data(contentsOf: output.appendingPathComponent(path))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every published file, relative to the output folder, sorted.
    func publishedFiles() -> [String] {
        ContentLoader.walk(output)
    }

    /// Every entry (including hidden ones) beside the output folder, but the
    /// cache folder that every run of the site may write (`SourceStore`).
    func siblingsOfOutput() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0 != ".tandem-cache" }.sorted()
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// A page's Markdown file with the given front matter lines and body.
func page(_ frontMatter: String, _ body: String = "Some text.") -> String {
    "---\n\(frontMatter)\n---\n\(body)\n"
}

extension Array where Element == Diagnostic {
    /// The diagnostics about one file, for compact assertions.
    func about(_ path: String) -> [Diagnostic] { filter { $0.path == path } }
}
