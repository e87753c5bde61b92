import Foundation
import Yams

/// Reads one rule file (`lint/ID.yaml`, or a built-in one) in the subset of
/// Vale's rule format that fits Tandem:
///
/// ```yaml
/// extends: substitution        # or existence (with tokens:), conditional (first:, second:)
/// message: "Use '%s' instead of '%s'."
/// level: error                 # suggestion (shown as info), warning or error
/// ignorecase: true
/// languages: [en]              # optional: the rule looks only at pages in these languages
/// swap:
///   'illegal (im)?migrants?': migrants in an irregular situation
/// ```
///
/// Tandem's own keys: `quoted: skip` (nothing in quoted speech, instead of
/// info), `persons_only: [refugees, ...]` (only on pages about these persons).
/// Every problem is an error at its line, as for front matter.
enum RuleFile {
    static let keys = ["extends", "message", "level", "ignorecase", "nonword", "languages", "tokens", "swap",
                       "first", "second", "description", "link", "quoted", "persons_only"]

    static func parse(_ text: String, id: String, path: String, origin: String) -> (LintRule?, [Diagnostic]) {
        let node: Node
        switch YAMLDocument.parse(text, path: path, firstLine: 1) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(nil):
            return (nil, [.error(SourceLocation(path: path, line: 1, column: 1), "the rule file is empty",
                                 hint: "write at least `extends: existence`, `message:`, `level:` and `tokens:`")])
        case .success(let parsed?): node = parsed
        }
        var fields = YAMLFields(node, path: path, lineOffset: 0, allowedKeys: keys, what: "a rule file")
        guard node.mapping != nil else { return (nil, fields.diagnostics) }
        let start = SourceLocation(path: path, line: 1, column: 1)

        let extends = fields.string("extends", required: true, example: "existence")
        let kind = extends.flatMap { LintRule.Kind(rawValue: $0.value) }
        if let extends, kind == nil {
            fields.report(.error(extends.location, "Tandem reads rules that extend existence, substitution or conditional, not '\(extends.value)'",
                                 hint: Suggestion.hint(for: extends.value, in: ["existence", "substitution", "conditional"])))
        }
        let message = fields.string("message", required: true, example: "Use '%s' instead of '%s'.")
        let level = severity(&fields)
        let ignoreCase = fields.bool("ignorecase") ?? false
        let nonword = fields.bool("nonword") ?? false
        let languages = fields.stringList("languages", example: "fr").map(\.value)
        let description = fields.string("description", example: "Why the wording matters.")?.value
        let link = fields.string("link", example: "https://www.unhcr.org/glossary")?.value
        var quoted = LintRule.QuotedSpeech.info
        if let value = fields.string("quoted", example: "skip") {
            if value.value == "skip" { quoted = .skip } else if value.value != "info" {
                fields.report(.error(value.location, "'quoted' is `info` or `skip`, not '\(value.value)'",
                                     hint: "`skip` reports nothing in quoted speech; `info` (the default) reports it as info"))
            }
        }
        let personsOnly = Set(fields.enumList("persons_only", PersonsCategory.self))

        let options: NSRegularExpression.Options = ignoreCase ? [.caseInsensitive] : []
        var patterns: [LintRule.Pattern] = []
        var definition: LintRule.Pattern?
        switch kind {
        case .existence?:
            let tokens = fields.stringList("tokens", example: "\\bpercent\\b")
            if tokens.isEmpty {
                fields.report(.error(fields.has("tokens") ? fields.location(ofKey: "tokens") : start,
                                     "an existence rule needs `tokens:`, the words it looks for",
                                     hint: "write `tokens: ['illegal migrants?']`"))
            }
            let valid = tokens.filter { compile($0.value, options, at: $0.location, into: &fields) != nil }
            if !valid.isEmpty, valid.count == tokens.count,
               case let source = valid.map(\.value).joined(separator: "|"),
               let regex = compile(bounded(source, nonword), options, at: start, into: &fields) {
                patterns = [LintRule.Pattern(regex: regex, source: source, replacement: nil, wholeWords: !nonword)]
            }
        case .substitution?:
            patterns = swaps(&fields, options: options, nonword: nonword, start: start)
        case .conditional?:
            let first = fields.string("first", required: true, example: "\\bIDPs?\\b")
            let second = fields.string("second", required: true, example: "internally displaced")
            if let first, let regex = compile(bounded(first.value, nonword), options, at: first.location, into: &fields) {
                patterns = [LintRule.Pattern(regex: regex, source: first.value, replacement: nil, wholeWords: !nonword)]
            }
            if let second, let regex = compile(second.value, options, at: second.location, into: &fields) {
                definition = LintRule.Pattern(regex: regex, source: second.value, replacement: nil, wholeWords: false)
            }
        case nil: break
        }
        guard fields.diagnostics.isEmpty, let kind, let message, let level else { return (nil, fields.diagnostics) }
        let hint = [description, link.map { "see \($0)" }].compactMap { $0 }.joined(separator: "; ")
        let rule = LintRule(id: id, kind: kind, message: message.value, level: level,
                            description: hint.isEmpty ? nil : hint, languages: languages, quoted: quoted,
                            personsOnly: personsOnly, origin: origin, patterns: patterns, definition: definition)
        return (rule, [])
    }

    /// Vale's `level`: `suggestion` (Tandem's info), `warning` or `error`.
    private static func severity(_ fields: inout YAMLFields) -> Severity? {
        guard let level = fields.string("level", required: true, example: "warning") else { return nil }
        switch level.value {
        case "suggestion": return .info
        case "warning": return .warning
        case "error": return .error
        default:
            fields.report(.error(level.location, "unknown level '\(level.value)'",
                                 hint: Suggestion.hint(for: level.value, in: ["suggestion", "warning", "error"])))
            return nil
        }
    }

    /// `swap:`, a mapping from each pattern to the wording to use instead.
    private static func swaps(_ fields: inout YAMLFields, options: NSRegularExpression.Options, nonword: Bool,
                              start: SourceLocation) -> [LintRule.Pattern] {
        guard let node = fields.node("swap"), let mapping = node.mapping, !mapping.isEmpty else {
            fields.report(.error(fields.has("swap") ? fields.location(ofKey: "swap") : start,
                                 "a substitution rule needs `swap:`, each pattern with the wording to use",
                                 hint: "write `swap:` followed by lines such as `  'mixed (migration )?flows?': mixed movements`"))
            return []
        }
        var patterns: [LintRule.Pattern] = []
        for (key, value) in mapping {
            guard let pattern = key.scalar?.string, !pattern.isEmpty, let replacement = value.scalar?.string else {
                fields.report(.error(fields.location(of: key), "each line of `swap:` is `pattern: wording to use`",
                                     hint: "write for example `  'mixed (migration )?flows?': mixed movements`"))
                continue
            }
            if let regex = compile(bounded(pattern, nonword), options, at: fields.location(of: key), into: &fields) {
                patterns.append(LintRule.Pattern(regex: regex, source: pattern, replacement: replacement, wholeWords: !nonword))
            }
        }
        return patterns
    }

    /// As Vale does unless `nonword: true`: a pattern matches whole words only.
    /// The boundary before the match is checked by `LintRule.Pattern`, not
    /// written as a leading `\b`, which would keep ICU from skipping ahead
    /// to the characters a match can start with (a rule set would cost twice the build).
    private static func bounded(_ pattern: String, _ nonword: Bool) -> String {
        nonword ? pattern : "(?:" + pattern + ")\\b"
    }

    private static func compile(_ pattern: String, _ options: NSRegularExpression.Options, at location: SourceLocation,
                                into fields: inout YAMLFields) -> NSRegularExpression? {
        do {
            return try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            fields.report(.error(location, "'\(pattern)' is not a regular expression Tandem can read",
                                 hint: "patterns use ICU syntax, as Vale's do; escape ( ) [ ] . * + ? with a backslash to match them as they are"))
            return nil
        }
    }
}
