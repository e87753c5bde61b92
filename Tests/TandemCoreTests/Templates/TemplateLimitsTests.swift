import Foundation
import Testing
@testable import TandemCore

/// An outsized template is one located error, the built-in template of the
/// same name is used instead, and the command returns at once (swift-mustache
/// would take minutes to parse it).
@Suite(.timeLimit(.minutes(1))) struct TemplateLimitsTests {
    private func check(footer: String) -> BuildReport {
        let site = TestSite([
            "content/a.md": page("title: A"),
            "templates/partials/site-footer.mustache": footer,
        ])
        defer { site.cleanUp() }
        return SiteBuilder.check(BuildOptions(root: site.root))
    }

    @Test func aTemplateOfTooManyTagsIsAnErrorAtTheFirstTagBeyondTheBound() {
        let footer = "<footer>\n" + String(repeating: "{{title}}\n", count: 5_000) + "</footer>\n"
        let report = check(footer: footer)
        #expect(report.diagnostics.count == 1, "\(report.diagnostics)")
        let formatted = report.diagnostics.first.map(DiagnosticFormatter.human) ?? ""
        #expect(formatted.hasPrefix("templates/partials/site-footer.mustache:4002:1: error: this template has 5000 tags; Tandem reads templates of up to 4000 tags"),
                "\(formatted)")
        #expect(formatted.contains("hint: move parts of it into partials"))
    }

    @Test func delimiterChangesCountAsTags() {
        let footer = String(repeating: "{{=| |=}}|={{ }}=|", count: 20_000)
        let report = check(footer: footer)
        #expect(report.diagnostics.map(\.message) == ["this template is 351 KB; Tandem reads templates of up to 64 KB"])
        let smaller = check(footer: String(repeating: "{{=| |=}}|={{ }}=|", count: 2_100))
        #expect(smaller.diagnostics.map(\.message) == ["this template has 4200 tags; Tandem reads templates of up to 4000 tags"])
    }

    @Test func aTemplateWithinTheBoundsIsUsed() {
        let footer = "<footer>" + String(repeating: "{{title}} ", count: 3_000) + "</footer>\n"
        let report = check(footer: footer)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }
}
