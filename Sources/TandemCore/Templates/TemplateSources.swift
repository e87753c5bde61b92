import Foundation

/// Gathers the template files of a site: the built-in defaults, replaced file
/// by file by the site's own `templates/` folder.
enum TemplateSources {
    static func collect(root: URL) -> (files: [String: TemplateFile], assets: [String: URL], diagnostics: [Diagnostic]) {
        var files: [String: TemplateFile] = [:]
        var assets: [String: URL] = [:]
        var diagnostics: [Diagnostic] = []
        for (path, bytes) in BuiltInTemplates.files {
            files[path] = TemplateFile(relativePath: path, text: String(decoding: bytes, as: UTF8.self), isBuiltIn: true)
        }
        let folder = root.appendingPathComponent("templates")
        let listing = FileTree.listing(under: folder.path)
        diagnostics += listing.diagnostics(in: "templates")
        for path in listing.files {
            let url = folder.appendingPathComponent(path)
            if path.hasPrefix("assets/") {
                assets[path] = url
                continue
            }
            guard path.hasSuffix(".mustache") || path.hasSuffix(".yaml") else {
                diagnostics.append(.warning(SourceLocation(path: "templates/" + path), "this file is not used",
                                            hint: "layouts go in templates/layouts/*.mustache, partials in templates/partials/*.mustache, strings in templates/strings/LANG.yaml, files to publish in templates/assets/"))
                continue
            }
            let data: Data
            switch FileTree.read(url.path) {
            case .success(let read): data = read
            case .failure(let failure):
                diagnostics.append(failure.fileDiagnostic("templates/" + path))
                continue
            }
            switch SourceText.decode(data, path: "templates/" + path) {
            case .success(let text): files[path] = TemplateFile(relativePath: path, text: text, isBuiltIn: false)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return (files, assets, diagnostics)
    }
}
