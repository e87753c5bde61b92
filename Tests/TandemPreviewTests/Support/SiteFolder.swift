import Foundation

/// A site in a fresh temporary folder, for tests that serve real files.
struct SiteFolder {
    let root: URL

    init(_ files: [String: String] = [:], data: [String: Data] = [:]) {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-serve-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        for (path, text) in files { write(path, text) }
        for (path, bytes) in data {
            let url = root.appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! bytes.write(to: url)
        }
    }

    func write(_ path: String, _ text: String) {
        let url = root.appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: url)
    }

    func read(_ path: String) -> String {
        try! String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func remove(_ path: String) {
        try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// A page's Markdown file with the given front matter lines and body.
func page(_ frontMatter: String, _ body: String = "Some text.") -> String {
    "---\n\(frontMatter)\n---\n\(body)\n"
}
