import Foundation
@testable import TandemCore

/// The files fuzzing starts from: the sample site's pages (`content/`) and
/// settings (`tandem.yaml`), and the built-in templates and strings
/// (`Sources/TandemCore/Defaults/`).
enum FuzzSeeds {
    /// The repository's root, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Markdown files of the sample site: path inside `content/` and bytes.
    static let pages: [(path: String, bytes: [UInt8])] = {
        let content = repository.appendingPathComponent("content")
        return FileTree.regularFiles(under: content.path).filter { $0.hasSuffix(".md") }.map { path in
            (path, [UInt8]((try? Data(contentsOf: content.appendingPathComponent(path))) ?? Data()))
        }
    }()

    /// The built-in layouts, partials and strings, by path inside `templates/`.
    static let templates: [(path: String, bytes: [UInt8])] = BuiltInTemplates.files.filter {
        $0.path.hasSuffix(".mustache") || $0.path.hasSuffix(".yaml")
    }

    /// YAML documents: the sample site's `tandem.yaml`, the built-in strings, and each page's front matter.
    static let yaml: [[UInt8]] = {
        let settings = [UInt8]((try? Data(contentsOf: repository.appendingPathComponent("tandem.yaml"))) ?? Data())
        let frontMatters = pages.compactMap { page -> [UInt8]? in
            guard case .success(let parts) = FrontMatterSplitter.split(String(decoding: page.bytes, as: UTF8.self), path: page.path)
            else { return nil }
            return Array(parts.yaml.utf8)
        }
        return [settings] + templates.filter { $0.path.hasSuffix(".yaml") }.map(\.bytes) + frontMatters
    }()

    /// The bodies of the sample site's pages.
    static let bodies: [[UInt8]] = pages.compactMap { page in
        guard case .success(let parts) = FrontMatterSplitter.split(String(decoding: page.bytes, as: UTF8.self), path: page.path)
        else { return nil }
        return Array(parts.body.utf8)
    }
}
