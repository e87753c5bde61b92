import Foundation

/// Reads `tandem.yaml` at the root of a site; a missing file means defaults,
/// one that cannot be read is an error (never defaults in silence).
public enum ConfigLoader {
    public static let fileName = "tandem.yaml"

    public static func load(root: URL) -> (SiteConfig, [Diagnostic]) {
        let url = root.appendingPathComponent(fileName)
        let data: Data
        switch FileTree.read(url.path) {
        case .success(let read): data = read
        case .failure(let failure) where failure.code == ENOENT: return (SiteConfig(), [])
        case .failure(let failure): return (SiteConfig(), [failure.fileDiagnostic(fileName)])
        }
        let text: String
        switch SourceText.decode(data, path: fileName) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return (SiteConfig(), [diagnostic])
        }
        return parse(text)
    }

    static func parse(_ text: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        let node: Yams.Node
        switch YAMLDocument.parse(text, path: fileName, firstLine: 1) {
        case .failure(let diagnostic): return (config, [diagnostic])
        case .success(nil): return (config, [])
        case .success(let parsed?): node = parsed
        }
        var fields = YAMLFields(node, path: fileName, lineOffset: 0, allowedKeys: SiteConfig.keys, what: fileName)
        if let title = fields.string("title", example: "Joint UNHCR–IOM information")?.value { config.title = title }
        if let description = fields.string("description", example: "News on joint activities")?.value {
            config.description = description
        }
        if let base = fields.string("base_url", example: "https://joint.example.org/") {
            if base.value.hasPrefix("https://") || base.value.hasPrefix("http://") {
                config.baseURL = base.value.hasSuffix("/") ? base.value : base.value + "/"
            } else {
                fields.report(.error(base.location, "'base_url' must be an absolute URL: '\(base.value)'",
                                     hint: "write `base_url: https://joint.example.org/`"))
            }
        }
        let languages = fields.stringList("languages", example: "en").map(\.value)
        if let language = fields.string("language", example: "en") {
            config.defaultLanguage = language.value
        } else if let first = languages.first {
            config.defaultLanguage = first
        }
        config.languages = [config.defaultLanguage] + languages.filter { $0 != config.defaultLanguage }
        config.rawHTML = fields.bool("raw_html") ?? false
        if let days = fields.int("focal_point_review_days", example: "365") {
            if days > 0 {
                config.focalPointReviewDays = days
            } else {
                fields.report(.error(fields.location(ofKey: "focal_point_review_days"), "'focal_point_review_days' must be at least 1",
                                     hint: "write for example `focal_point_review_days: 365`"))
            }
        }
        if fields.has("dated_sections") {
            config.datedSections = fields.stringList("dated_sections", example: "news").map(\.value)
        }
        for (key, keyPath) in [("page_size", \SiteConfig.pageSize), ("feed_size", \SiteConfig.feedSize), ("home_items", \SiteConfig.homeItems)] {
            guard let value = fields.int(key, example: "10") else { continue }
            if value < 1 {
                fields.report(.error(fields.location(ofKey: key), "'\(key)' must be at least 1", hint: "write for example `\(key): 10`"))
            } else {
                config[keyPath: keyPath] = value
            }
        }
        if let lint = fields.node("lint") {
            var lintFields = YAMLFields(lint, path: fileName, lineOffset: 0, allowedKeys: ["disable"], what: "'lint'")
            config.lintDisable = lintFields.stringList("disable", example: "percent")
            lintFields.diagnostics.forEach { fields.report($0) }
        }
        if let images = fields.node("images") {
            var imageFields = YAMLFields(images, path: fileName, lineOffset: 0, allowedKeys: ImageSettings.keys, what: "'images'")
            config.images = ImageSettings.parse(&imageFields)
            imageFields.diagnostics.forEach { fields.report($0) }
        }
        return (config, fields.diagnostics)
    }
}

import Yams
