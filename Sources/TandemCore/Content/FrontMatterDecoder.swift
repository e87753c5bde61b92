import Foundation
import Yams

/// Decodes a page's YAML front matter into `FrontMatter`, reporting every
/// problem of the block (not just the first) with its line in the file.
enum FrontMatterDecoder {
    static func decode(_ node: Node, path: String, yamlFirstLine: Int) -> (FrontMatter?, [Diagnostic]) {
        var fields = YAMLFields(node, path: path, lineOffset: yamlFirstLine - 1,
                                allowedKeys: FrontMatter.keys, what: "the front matter")
        let title = fields.string("title", required: true, example: "Joint registration starts in Goma")
        var matter = FrontMatter(title: title?.value ?? "")
        matter.linkTitle = fields.string("link_title", example: "About")?.value
        matter.date = fields.date("date", example: "2026-03-05")
        matter.dateWritten = fields.has("date")
        matter.titleStart = fields.textStart(ofKey: "title")
        let summary = fields.string("summary", example: "One sentence on what happened.")
        matter.summary = summary?.value
        matter.summaryStart = summary == nil ? nil : fields.textStart(ofKey: "summary")
        matter.persons = fields.enumList("persons", PersonsCategory.self)
        matter.activities = fields.enumList("activities", Activity.self)
        matter.joint = fields.bool("joint") ?? false
        matter.jointLocation = fields.has("joint") ? fields.location(ofKey: "joint") : nil
        matter.lead = fields.enumValue("lead", Lead.self)
        matter.countries = countryCodes(&fields)
        matter.focalPoints = fields.stringList("focal_points", example: "amina-haddad")
        matter.draft = fields.bool("draft") ?? false
        matter.embargo = fields.date("embargo", requireTime: true, example: "2026-12-01T09:00:00Z")
        matter.lang = fields.string("lang", example: "en")
        matter.translationKey = fields.string("translation_key", example: "about")?.value
        matter.aliases = fields.stringList("aliases", example: "/old/path/")
        matter.slug = fields.string("slug", example: "joint-registration")
        matter.weight = fields.int("weight", example: "10")
        matter.layout = fields.string("layout", example: "page")
        let image = fields.string("image", example: "/images/camp.jpg")
        (matter.image, matter.imageLocation) = (image?.value, image?.location)
        matter.imageAlt = fields.string("image_alt", example: "Families waiting at the registration centre")?.value
        matter.lintAllow = lintAllowances(&fields)

        if matter.joint && matter.lead == nil && !fields.has("lead") {
            fields.report(.error(fields.location(ofKey: "joint"), "a joint page must say who leads it",
                                 hint: "add `lead: UNHCR`, `lead: IOM` or `lead: co-led`"))
        }
        if let lead = matter.lead, !matter.joint {
            fields.report(.warning(lead.location, "'lead' is set but the page is not marked joint",
                                   hint: "add `joint: true` if this is a joint activity, or remove `lead`"))
        }
        if let slug = matter.slug, !isValidSlug(slug.value) {
            fields.report(.error(slug.location, "'slug' may hold only letters, digits, '-' and '_': '\(slug.value)'",
                                 hint: "write for example `slug: joint-registration`"))
            matter.slug = nil
        }
        if matter.image != nil && matter.imageAlt == nil {
            fields.report(.warning(fields.location(ofKey: "image"), "the image has no text alternative",
                                   hint: "add `image_alt:` with a short description of what the image shows"))
        }
        return (title == nil ? nil : matter, fields.diagnostics)
    }

    /// `lint_allow: [{rule: ID, reason: "..."}]`: each entry needs both keys, the reason in words.
    static func lintAllowances(_ fields: inout YAMLFields) -> [LintAllowance] {
        guard let node = fields.node("lint_allow") else { return [] }
        let example = "lint_allow: [{rule: persons-of-concern, reason: \"quotes the 1997 MOU\"}]"
        guard let items = node.sequence else {
            fields.report(.error(fields.location(of: node), "'lint_allow' must be a list of `{rule: ID, reason: \"...\"}`",
                                 hint: "write `\(example)`"))
            return []
        }
        var allowances: [LintAllowance] = []
        for item in items {
            guard let mapping = item.mapping else {
                fields.report(.error(fields.location(of: item), "each item of 'lint_allow' must have a `rule` and a `reason`",
                                     hint: "write `\(example)`"))
                continue
            }
            var rule: Located<String>?
            var reason: String?
            for (key, value) in mapping {
                let text = value.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
                switch key.scalar?.string {
                case "rule" where !text.isEmpty: rule = Located(text, at: fields.location(of: value))
                case "reason" where !text.isEmpty: reason = text
                case "rule", "reason": break
                default:
                    let name = key.scalar?.string ?? ""
                    fields.report(.error(fields.location(of: key), "unknown key '\(name)' in 'lint_allow'",
                                         hint: Suggestion.hint(for: name, in: ["rule", "reason"])))
                }
            }
            guard let rule else {
                fields.report(.error(fields.location(of: item), "this 'lint_allow' entry names no rule",
                                     hint: "write `rule:` with the id shown in brackets in the diagnostic, e.g. `[persons-of-concern]`"))
                continue
            }
            guard let reason else {
                fields.report(.error(rule.location, "silencing '\(rule.value)' needs a reason",
                                     hint: "add `reason: \"...\"` saying why this page may use the wording, for the next reviewer"))
                continue
            }
            allowances.append(LintAllowance(rule: rule, reason: reason))
        }
        return allowances
    }

    /// ISO 3166-1 alpha-2 codes, written in either case, kept in upper case.
    static func countryCodes(_ fields: inout YAMLFields) -> [Located<String>] {
        var codes: [Located<String>] = []
        for item in fields.stringList("countries", example: "CO") {
            let code = item.value.uppercased()
            if CountryCodes.all.contains(code) {
                codes.append(Located(code, at: item.location))
            } else {
                fields.report(.error(item.location, "'\(item.value)' is not an ISO 3166-1 alpha-2 country code",
                                     hint: CountryCodes.hint(for: item.value)))
            }
        }
        return codes
    }

    static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }
}
