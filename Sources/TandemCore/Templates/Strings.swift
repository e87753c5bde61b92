import Foundation

/// The words of the templates in each language (`templates/strings/LANG.yaml`):
/// labels, month names, the joint-acknowledgement wordings. A key missing in
/// a language falls back to the built-in wording of that language, then to English.
public struct Strings: Sendable {
    /// Language to its merged strings, as a Mustache-ready tree.
    private let tables: [String: Table]

    /// A nested dictionary of texts and lists, read-only once built, with
    /// every value also under its dotted key for the pipeline's own lookups.
    private struct Table: @unchecked Sendable {
        let value: [String: Any]
        let flat: [String: Any]

        init(value: [String: Any]) {
            self.value = value
            var flat: [String: Any] = [:]
            func add(_ table: [String: Any], prefix: String) {
                for (key, item) in table {
                    flat[prefix + key] = item
                    if let inner = item as? [String: Any] { add(inner, prefix: prefix + key + ".") }
                }
            }
            add(value, prefix: "")
            self.flat = flat
        }
    }

    static let fallbackLanguage = "en"

    static func load(_ files: [String: TemplateFile], config: SiteConfig) -> (Strings, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var builtIn: [String: [String: Any]] = [:]
        for (path, bytes) in BuiltInTemplates.files where path.hasPrefix("strings/") {
            let file = TemplateFile(relativePath: path, text: String(decoding: bytes, as: UTF8.self), isBuiltIn: true)
            let read = StringsFile(file)
            builtIn[language(of: path)] = read.table
            diagnostics += read.diagnostics
        }
        let templates = files.values.filter { $0.relativePath.hasSuffix(".mustache") }
        let known = StringsFile.knownKeys(builtIn: Array(builtIn.values), templates: templates)
        var site: [String: [String: Any]] = [:]
        for file in files.values.sorted(by: { $0.relativePath < $1.relativePath })
        where !file.isBuiltIn && file.relativePath.hasPrefix("strings/") {
            let read = StringsFile(file, known: known)
            site[language(of: file.relativePath)] = read.table
            diagnostics += read.diagnostics
        }
        var tables: [String: Table] = [:]
        let languages = Set(config.languages + site.keys)
        for lang in languages {
            var merged = builtIn[fallbackLanguage] ?? [:]
            merged = deepMerge(merged, builtIn[lang] ?? [:])
            if lang != fallbackLanguage, builtIn[lang] == nil, let fallback = site[fallbackLanguage] {
                merged = deepMerge(merged, fallback)
            }
            if let own = site[lang] {
                merged = deepMerge(merged, own)
            }
            tables[lang] = Table(value: merged)
        }
        return (Strings(tables: tables), diagnostics)
    }

    /// The whole table of a language, for the `strings` key of a template context.
    public func table(for language: String) -> [String: Any] {
        tables[language]?.value ?? tables[Strings.fallbackLanguage]?.value ?? [:]
    }

    /// A text by dotted key (`joint_notice.unhcr`).
    public func text(_ key: String, language: String) -> String? {
        value(key, language: language) as? String
    }

    /// A list of texts by dotted key (`months`).
    public func list(_ key: String, language: String) -> [String] {
        value(key, language: language) as? [String] ?? []
    }

    private func value(_ key: String, language: String) -> Any? {
        (tables[language] ?? tables[Strings.fallbackLanguage])?.flat[key]
    }

    private static func language(of path: String) -> String {
        String(path.dropFirst("strings/".count).dropLast(".yaml".count))
    }

    private static func deepMerge(_ base: [String: Any], _ override: [String: Any]) -> [String: Any] {
        var merged = base
        for (key, value) in override {
            if let inner = value as? [String: Any], let existing = merged[key] as? [String: Any] {
                merged[key] = deepMerge(existing, inner)
            } else {
                merged[key] = value
            }
        }
        return merged
    }
}
