import Foundation

/// Applies terminology rules to a page's prose: each rule for the page's
/// language (and persons, when it says so), each match at its place, at most
/// `info` in quoted speech.
enum RuleMatcher {
    /// `found`: the anchors of the set's patterns in the page (`RuleSet.anchorScan`).
    static func check(_ set: RuleSet, prose: Prose, found: AnchorScan.Found, page: SourcePage) -> [Diagnostic] {
        // The rules are read in place, through a pointer: copying each rule
        // for each page cost more than matching most of them, and both cores
        // copying the same rules wait on each other's reference counts (a
        // `borrowing` parameter still made a copy of each).
        set.rules.withUnsafeBufferPointer { rules in
            var diagnostics: [Diagnostic] = []
            guard let first = rules.baseAddress else { return diagnostics }
            // Read once, not for each rule.
            let (language, persons) = (page.language, page.frontMatter.persons)
            for index in rules.indices {
                let rule = first + index
                guard LintRule.applies(rule, toLanguage: language), LintRule.applies(rule, toPersons: persons) else { continue }
                diagnostics += check(rule, prose: prose, found: found, path: page.path)
            }
            return diagnostics
        }
    }

    /// One rule's findings on a page.
    private static func check(_ rule: UnsafePointer<LintRule>, prose: Prose, found: AnchorScan.Found, path: String) -> [Diagnostic] {
        var matches: [(range: Range<Int>, replacement: String?)] = []
        rule.pointee.patterns.withUnsafeBufferPointer { patterns in
            for index in patterns.indices {
                for range in patterns[index].matches(in: prose, found: found) {
                    matches.append((range, patterns[index].replacement))
                }
            }
        }
        guard !matches.isEmpty else { return [] }
        // Still read in place: a page with a finding would copy the whole rule here.
        if rule.pointee.kind == .conditional {
            let defined = rule.pointee.definition?.matches(in: prose, found: found).first?.lowerBound ?? Int.max
            matches = Array(matches.filter { $0.range.lowerBound < defined }.sorted { $0.range.lowerBound < $1.range.lowerBound }.prefix(1))
        }
        var diagnostics: [Diagnostic] = []
        for (range, replacement) in matches {
            var severity = rule.pointee.level
            if prose.isQuoted(range.lowerBound) {
                if rule.pointee.quoted == .skip { continue }
                severity = min(severity, .info)
            }
            let found = prose.string(in: range)
            let hint = replacement.map { "write '\($0)'" } ?? rule.pointee.description
            var diagnostic = Diagnostic(severity, location(of: range, in: prose, path: path),
                                        rule.pointee.message(match: found, replacement: replacement), hint: hint, rule: rule.pointee.id)
            diagnostic.length = length(of: range, in: prose, text: found)
            diagnostics.append(diagnostic)
        }
        return diagnostics
    }

    static func location(of range: Range<Int>, in prose: Prose, path: String) -> SourceLocation {
        let place = prose.place(of: range.lowerBound)
        return SourceLocation(path: path, line: Int(place.line), column: Int(place.column))
    }

    /// Characters the match covers in its source line (more than the match
    /// itself when inline markup sits inside it), or its own length.
    static func length(of range: Range<Int>, in prose: Prose, text: String) -> Int {
        let first = prose.place(of: range.lowerBound), last = prose.place(of: range.upperBound - 1)
        guard first.line == last.line, first.line > 0, last.column >= first.column else { return text.count }
        return Int(last.column - first.column) + 1
    }
}
