/// The Lint stage's entry point: checks one page's prose against the site's
/// rules — terminology, the cooperation policy, accessible content — and
/// gives each problem at its line and column with its rule id. Pure, and safe
/// to call from several threads at once (the pipeline lints pages as it parses them).
public struct ProseLinter: Sendable {
    public let rules: RuleSet

    public init(rules: RuleSet) {
        self.rules = rules
    }

    public func check(_ page: SourcePage) -> [Diagnostic] {
        check(page, prose: ProseExtractor.extract(page))
    }

    /// Checks `page` whose prose is already extracted.
    func check(_ page: SourcePage, prose: Prose) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var allowed: Set<String> = []
        for allowance in page.frontMatter.lintAllow {
            if rules.knownIDs.contains(allowance.rule.value) {
                allowed.insert(allowance.rule.value)
            } else {
                diagnostics.append(.error(allowance.rule.location, "there is no content rule '\(allowance.rule.value)' to allow",
                                          hint: Suggestion.hint(for: allowance.rule.value, in: rules.knownIDs.sorted())))
            }
        }
        let found = rules.anchorScan.occurrences(in: prose.text)
        var findings = RuleMatcher.check(rules, prose: prose, found: found, page: page)
        findings += ContentChecks.check(prose, path: page.path)
        findings += CooperationPolicy.check(page, prose: prose, found: found)
        for var finding in findings {
            guard let rule = finding.rule, !allowed.contains(rule), rules.isEnabled(rule) else { continue }
            finding.excerpt = prose.excerpt(line: finding.line)
            if finding.excerpt != nil { finding.length = max(finding.length, 1) }
            diagnostics.append(finding)
        }
        return diagnostics
    }
}
