import Foundation
import Mustache

/// The words of the templates in each language (`templates/strings/LANG.yaml`):
/// labels, month names, the joint-acknowledgement wordings. A key missing in
/// a language falls back to the built-in wording of that language, then to
/// the default language's, with one warning per key naming the strings file.
public struct Strings: Sendable {
    /// Language to its merged strings, as a Mustache-ready tree.
    private let tables: [String: Table]

    /// A nested dictionary of texts and lists, read-only once built, with
    /// every value also under its dotted key for the pipeline's own lookups,
    /// and the same tree keyed for templates (`MustacheValues`).
    private struct Table: @unchecked Sendable {
        /// Keyed like template contexts, so that a look-up hashes its key cheaply (`MustacheKey`).
        let flat: [MustacheKey: Any]
        let templateValues: MustacheValues

        init(value: [String: Any]) {
            templateValues = Self.keyed(value)
            var flat: [MustacheKey: Any] = [:]
            func add(_ table: [String: Any], prefix: String) {
                for (key, item) in table {
                    flat[MustacheKey(prefix + key)] = item
                    if let inner = item as? [String: Any] { add(inner, prefix: prefix + key + ".") }
                }
            }
            add(value, prefix: "")
            self.flat = flat
        }

        /// `table` and every table inside it keyed for templates.
        private static func keyed(_ table: [String: Any]) -> MustacheValues {
            var keyed = MustacheValues(minimumCapacity: table.count)
            for (key, item) in table {
                keyed[MustacheKey(key)] = (item as? [String: Any]).map(Self.keyed) ?? item
            }
            return keyed
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
        // The default language's words: English, then the default language's built-in and own strings.
        let defaultLanguage = config.defaultLanguage
        var fallback = builtIn[fallbackLanguage] ?? [:]
        if defaultLanguage != fallbackLanguage { fallback = deepMerge(fallback, builtIn[defaultLanguage] ?? [:]) }
        fallback = deepMerge(fallback, site[defaultLanguage] ?? [:])
        var tables: [String: Table] = [:]
        for lang in Set(config.languages + site.keys) {
            let own = deepMerge(builtIn[lang] ?? [:], site[lang] ?? [:])
            var merged = deepMerge(fallback, own)
            // How dates are written is never borrowed: without its own, a language's dates are in that language.
            merged["date_locale"] = own["date_locale"]
            merged["date_format"] = own["date_format"]
            tables[lang] = Table(value: merged)
            if lang != defaultLanguage, config.languages.contains(lang) {
                let path = site[lang] != nil || builtIn[lang] == nil ? "templates/strings/\(lang).yaml" : "(built-in) strings/\(lang).yaml"
                diagnostics += missingKeys(in: own, comparedWith: fallback, language: lang, defaultLanguage: defaultLanguage, path: path)
            }
        }
        return (Strings(tables: tables), diagnostics)
    }

    /// One warning per key of the default language that `own` lacks (one in
    /// all when the language has no strings at all): those words show in the
    /// default language on every page of `language`.
    static func missingKeys(in own: [String: Any], comparedWith fallback: [String: Any], language: String,
                            defaultLanguage: String, path: String) -> [Diagnostic] {
        let location = SourceLocation(path: path, line: 1, column: 1)
        if own.isEmpty {
            return [.warning(location, "there are no strings for '\(language)': its pages show the labels of '\(defaultLanguage)'",
                             hint: "write \(path) with the keys of the built-in strings/\(defaultLanguage).yaml")]
        }
        let ownKeys = Set(Table(value: own).flat.keys.map(\.text))
        let missing = Table(value: fallback).flat.map { ($0.key.text, $0.value) }.filter { key, value in
            !(value is [String: Any]) && !ownKeys.contains(key)
                && !StringsFile.openTables.contains(where: { key.hasPrefix($0 + ".") }) && key != "date_locale"
        }.map(\.0).sorted()
        return missing.map { key in
            .warning(location, "the string '\(key)' is missing in '\(language)': pages in '\(language)' show the wording of '\(defaultLanguage)'",
                     hint: "add `\(key)` to \(path)")
        }
    }

    /// The whole table of a language, for the `strings` key of a template context.
    public func table(for language: String) -> MustacheValues {
        (tables[language] ?? tables[Strings.fallbackLanguage])?.templateValues ?? [:]
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
        (tables[language] ?? tables[Strings.fallbackLanguage])?.flat[MustacheKey(key)]
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
