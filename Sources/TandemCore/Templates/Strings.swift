import Foundation
import Yams

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
        func read(_ file: TemplateFile?) -> [String: Any] {
            guard let file else { return [:] }
            do {
                guard let loaded = try Yams.load(yaml: file.text, .basic) else { return [:] }
                guard let table = loaded as? [String: Any] else {
                    diagnostics.append(.error(SourceLocation(path: file.displayPath, line: 1, column: 1),
                                              "a strings file must be a list of `key: text` lines"))
                    return [:]
                }
                return stringify(table) as? [String: Any] ?? [:]
            } catch {
                switch YAMLDocument.parse(file.text, path: file.displayPath, firstLine: 1) {
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                case .success: diagnostics.append(.error(SourceLocation(path: file.displayPath), "cannot read: \(error)"))
                }
                return [:]
            }
        }
        var builtIn: [String: [String: Any]] = [:]
        for (path, bytes) in BuiltInTemplates.files where path.hasPrefix("strings/") {
            let file = TemplateFile(relativePath: path, text: String(decoding: bytes, as: UTF8.self), isBuiltIn: true)
            builtIn[language(of: path)] = read(file)
        }
        var tables: [String: Table] = [:]
        let siteFiles = files.values.filter { !$0.isBuiltIn && $0.relativePath.hasPrefix("strings/") }
        let languages = Set(config.languages + siteFiles.map { language(of: $0.relativePath) })
        for lang in languages {
            var merged = builtIn[fallbackLanguage] ?? [:]
            merged = deepMerge(merged, builtIn[lang] ?? [:])
            if lang != fallbackLanguage, let site = files["strings/\(fallbackLanguage).yaml"], !site.isBuiltIn, builtIn[lang] == nil {
                merged = deepMerge(merged, read(site))
            }
            if let site = files["strings/\(lang).yaml"], !site.isBuiltIn {
                merged = deepMerge(merged, read(site))
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

    /// Scalars become texts, so that a YAML number or boolean prints as written.
    private static func stringify(_ value: Any) -> Any {
        switch value {
        case let table as [String: Any]: return table.mapValues(stringify)
        case let list as [Any]: return list.map(stringify)
        case let text as String: return text
        default: return "\(value)"
        }
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
