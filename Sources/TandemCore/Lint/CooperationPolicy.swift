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
    /// Spanish, each written out in full (phrase, article, agency), so that
    /// pages are searched for these very words before any regular expression
    /// runs (`PatternAnchors`): "together with partners" is common, "together
    /// with IOM" is not. Looked for on pages, not on the home page, section
    /// texts or focal points, which speak of the site.
    static let jointWordings: [String] = {
        var wordings: [String] = []
        let agencies = ["UNHCR", "IOM", "the UNHCR", "the IOM", "the International Organization for Migration", "the UN Refugee Agency"]
        for phrase in ["jointly with", "together with", "in cooperation with", "in close cooperation with",
                       "in collaboration with", "in close collaboration with", "in partnership with", "in close partnership with"] {
            wordings += agencies.map { phrase + " " + $0 }
        }
        for (first, second) in [("UNHCR", "IOM"), ("IOM", "UNHCR")] {
            wordings += ["-", "–", "/", " "].map { "joint \(first)\($0)\(second)" }
            wordings += ["co-led by \(first) and \(second)", "co-led by \(first) and the \(second)"]
        }
        for phrase in ["conjointement avec", "en coopération avec", "en collaboration avec"] {
            for article in ["l'", "l’", "le "] { wordings += ["OIM", "HCR"].map { phrase + " " + article + $0 } }
        }
        for phrase in ["junto con", "conjuntamente con", "en cooperación con"] {
            for article in ["", "la ", "el "] { wordings += ["OIM", "ACNUR"].map { phrase + " " + article + $0 } }
        }
        return wordings
    }()

    /// Its anchors are in every `RuleSet.anchorScan`.
    static let joint: LintRule.Pattern = {
        let source = "(?:" + jointWordings.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + ")\\b"
        let regex = try! NSRegularExpression(pattern: source, options: [.caseInsensitive])
        return LintRule.Pattern(regex: regex, anchors: PatternAnchors(literals: jointWordings), replacement: nil, wholeWords: true)
    }()

    /// `found`: the anchors of the page's rule set, `joint`'s among them.
    static func check(_ page: SourcePage, prose: Prose, found: AnchorScan.Found) -> [Diagnostic] {
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
            if let match = joint.matches(in: prose, found: found).first(where: { !prose.isQuoted($0.lowerBound) }) {
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
