import Foundation

/// The division of work of the 2019 joint letter (DOMAIN.md, "Who leads"):
/// UNHCR leads refugee movements, IOM migrant caseloads, mixed movements are
/// co-led; and a cooperation the text speaks of should be tagged joint, so
/// that it is acknowledged (MOU para 35).
enum CooperationPolicy {
    static let leadMismatch = "lead-mismatch"
    static let jointUntagged = "joint-untagged"
    static let ids: Set<String> = [leadMismatch, jointUntagged]

    /// Ways of saying that the other agency took part, in English, French and
    /// Spanish, written out one by one so that each has words of its own to
    /// look for first (`PatternAnchors`). Looked for on pages, not on the home
    /// page, section texts or focal points, which speak of the site.
    private static let joint: LintRule.Pattern = {
        let agencies = "(?:UNHCR|IOM|the International Organization for Migration|the UN Refugee Agency)"
        let patterns = [
            "jointly with (?:the )?\(agencies)",
            "together with (?:the )?\(agencies)",
            "in (?:close )?cooperation with (?:the )?\(agencies)",
            "in (?:close )?collaboration with (?:the )?\(agencies)",
            "in (?:close )?partnership with (?:the )?\(agencies)",
            "joint UNHCR[-–/ ]IOM\\b",
            "joint IOM[-–/ ]UNHCR\\b",
            "co-led by UNHCR and (?:the )?IOM\\b",
            "co-led by IOM and (?:the )?UNHCR\\b",
            "conjointement avec (?:l'|l’|le )(?:OIM|HCR)\\b",
            "en coopération avec (?:l'|l’|le )(?:OIM|HCR)\\b",
            "en collaboration avec (?:l'|l’|le )(?:OIM|HCR)\\b",
            "junto con (?:la |el )?(?:OIM|ACNUR)\\b",
            "conjuntamente con (?:la |el )?(?:OIM|ACNUR)\\b",
            "en cooperación con (?:la |el )?(?:OIM|ACNUR)\\b",
        ]
        let source = patterns.joined(separator: "|")
        let regex = try! NSRegularExpression(pattern: source, options: [.caseInsensitive])
        return LintRule.Pattern(regex: regex, source: source, replacement: nil, wholeWords: true)
    }()

    static func check(_ page: SourcePage, prose: Prose) -> [Diagnostic] {
        let matter = page.frontMatter
        var diagnostics: [Diagnostic] = []
        if matter.joint, let lead = matter.lead, !matter.persons.isEmpty {
            let refugeesOnly = matter.persons.allSatisfy { $0 == .refugees || $0 == .asylumSeekers }
            let migrantsOnly = matter.persons.allSatisfy { $0 == .migrants }
            if refugeesOnly && lead.value == .iom {
                diagnostics.append(.warning(lead.location, "this page is about refugees only, but IOM leads it",
                                            hint: "UNHCR leads refugee movements (2019 joint letter): write `lead: UNHCR`, or `lead: co-led` if the movement is mixed",
                                            rule: leadMismatch))
            } else if migrantsOnly && lead.value == .unhcr {
                diagnostics.append(.warning(lead.location, "this page is about migrants only, but UNHCR leads it",
                                            hint: "IOM leads migrant caseloads (2019 joint letter): write `lead: IOM`, or `lead: co-led` if the movement is mixed",
                                            rule: leadMismatch))
            }
        }
        if !matter.joint, page.kind == .page {
            if let match = joint.matches(in: prose).first(where: { !prose.quoted[$0.location] }) {
                let found = prose.string(in: match)
                var diagnostic = Diagnostic(.info, RuleMatcher.location(of: match, in: prose, path: page.path),
                                            "the text says '\(found)', but the page is not tagged joint",
                                            hint: "add `joint: true` and `lead:` so the cooperation is acknowledged on the page (MOU para 35)",
                                            rule: jointUntagged)
                diagnostic.length = RuleMatcher.length(of: match, in: prose, text: found)
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics
    }
}
