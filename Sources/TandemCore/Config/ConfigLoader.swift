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
        let languages = readLanguages(&fields, into: &config)
        if let language = fields.string("language", example: "en") {
            if LanguageSettings.isKnownCode(language.value) {
                config.defaultLanguage = language.value
            } else {
                fields.report(.error(language.location, "unknown language code '\(language.value)'",
                                     hint: LanguageSettings.hint(for: language.value)))
            }
        } else if let first = languages.first {
            config.defaultLanguage = first
        }
        var seen: Set<String> = []
        config.languages = ([config.defaultLanguage] + languages).filter { seen.insert($0).inserted }
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

    /// `languages:` as a list of codes (`[en, fr]`) or a mapping from code to
    /// that language's settings (`{ar: {title: "..."}}`); unknown codes are
    /// errors at their line and left out.
    private static func readLanguages(_ fields: inout YAMLFields, into config: inout SiteConfig) -> [String] {
        var codes: [Located<String>] = []
        if case .mapping(let mapping)? = fields.node("languages") {
            for (keyNode, value) in mapping {
                let code = Located(keyNode.scalar?.string ?? "", at: fields.location(of: keyNode))
                codes.append(code)
                if case .scalar(let scalar) = value, scalar.string.isEmpty || scalar.tag.description.hasSuffix("null") { continue }
                var settings = YAMLFields(value, path: fileName, lineOffset: 0, allowedKeys: LanguageSettings.keys,
                                          what: "the settings of '\(code.value)'")
                config.languageSettings[code.value] = LanguageSettings(
                    title: settings.string("title", example: "Informations conjointes HCR–OIM")?.value,
                    description: settings.string("description", example: "Actualités des activités conjointes")?.value)
                settings.diagnostics.forEach { fields.report($0) }
            }
        } else {
            codes = fields.stringList("languages", example: "en")
        }
        var known: [String] = []
        for code in codes {
            if LanguageSettings.isKnownCode(code.value) {
                known.append(code.value)
            } else {
                fields.report(.error(code.location, "unknown language code '\(code.value)' in 'languages'",
                                     hint: LanguageSettings.hint(for: code.value)))
            }
        }
        return known
    }
}

import Yams
