import Foundation
import Testing
@testable import TandemCore

/// A link's `#fragment` must name a heading (or an id written in HTML) of the
/// page it links to, on another page or on its own; check, build and the
/// preview say so at the link.
@Suite struct AnchorLinkTests {
    static let target = page("title: Plan", """
        ## Next steps

        Text.

        ## Next steps

        ## Who pays?

        <a id="annex-1"></a>
        """)

    private func errors(_ body: String, target: String = AnchorLinkTests.target) -> [String] {
        let site = TestSite(["content/a.md": page("title: A", body), "content/plan.md": target])
        defer { site.cleanUp() }
        let report = SiteBuilder.check(BuildOptions(root: site.root))
        return report.diagnostics.filter { $0.severity == .error }.map(DiagnosticFormatter.human)
    }

    @Test func fragmentsThatNameAHeadingOrAnHTMLIdPass() {
        #expect(errors("[a](plan.md#next-steps), [b](plan.md#next-steps-2), [c](plan.md#who-pays), [d](plan.md#annex-1), [e](plan.md#top), [f](plan.md#main)").isEmpty)
    }

    @Test func aFragmentNamingNoHeadingIsAnErrorAtTheLinkWithTheNearestId() {
        let found = errors("Intro.\n\nSee [the steps](plan.md#next-step).")
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("content/a.md:6:17: error: this links to 'plan.md#next-step', but content/plan.md has no heading or anchor 'next-step'") == true, "\(found)")
        #expect(found.first?.contains("hint: did you mean '#next-steps'?") == true, "\(found)")
    }

    @Test func aLinkToAnAnchorOfItsOwnPageIsChecked() {
        #expect(errors("## Figures\n\n[figures](#figures)").isEmpty)
        let found = errors("## Figures\n\n[figures](#numbers)")
        #expect(found.count == 1 && found[0].contains("but this page has no heading or anchor 'numbers'"), "\(found)")
    }

    @Test func aPercentEncodedFragmentMatchesItsHeading() {
        let target = page("title: Plan", "## Café à Niamey\n")
        #expect(errors("[x](plan.md#caf%C3%A9-%C3%A0-niamey)", target: target).isEmpty)
        #expect(errors("[x](plan.md#café-à-niamey)", target: target).isEmpty)
    }

    @Test func fragmentsOfFilesThatAreNotPagesAreNotChecked() {
        let site = TestSite([
            "content/a.md": page("title: A", "[p](doc.pdf#page=2)"),
            "content/doc.pdf": "%PDF-1.4\n",
        ])
        defer { site.cleanUp() }
        #expect(SiteBuilder.check(BuildOptions(root: site.root)).diagnostics.isEmpty)
    }
}
