import Testing
@testable import TandemCore

/// Text alternatives, link texts, heading levels and table headers (WCAG 2.1 AA).
@Suite struct ContentAccessibilityTests {
    @Test func anImageWithoutAltTextIsAnError() throws {
        let found = LintFixture.lint("Before.\n\nA chart: ![](chart.png)")
        let hit = try #require(found.first)
        #expect(found.rules == ["image-alt"])
        #expect(hit.severity == .error)
        #expect("\(hit.line):\(hit.column)" == "6:10")
    }

    @Test func aDecorativeImageNeedsNoAltTextAndIsPublishedWithAnEmptyOne() {
        #expect(LintFixture.lint("![](divider.svg \"decorative\")").isEmpty)
        let html = MarkdownRenderer().render("![](divider.svg \"decorative\")")
        #expect(html.contains("alt=\"\"") && !html.contains("title="))
    }

    @Test func anImageWithAltTextIsNoHit() {
        #expect(LintFixture.lint("![Families at the registration centre](camp.jpg)").isEmpty)
    }

    @Test(arguments: ["click here", "Here", "read more", "Read more…", "cliquez ici", "aquí"])
    func vagueLinkTextsAreWarnings(_ text: String) {
        let found = LintFixture.lint("For the plan, [\(text)](plan.pdf).")
        #expect(found.rules == ["link-text"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.column == 15)
    }

    @Test func linkTextsThatNameTheTargetAreNoHit() {
        #expect(LintFixture.lint("Read [the 2027 regional plan](plan.pdf) here.").isEmpty)
    }

    @Test func aSkippedHeadingLevelIsAWarning() {
        let found = LintFixture.lint("## Section\n\n#### Too deep\n\n### Fine\n\n## Back up is fine")
        #expect(found.rules == ["heading-level"])
        #expect(found.first?.line == 6)
        #expect(found.first?.message == "this heading skips from level 2 to level 4")
        #expect(LintFixture.lint("### First heading under the title").rules == ["heading-level"])
    }

    @Test func anHTMLTableWithoutHeaderCellsIsAWarning() {
        let found = LintFixture.lint("<table>\n<tr><td>Goma</td><td>120,000</td></tr>\n</table>")
        #expect(found.rules == ["table-header"])
        #expect(LintFixture.lint("<table>\n<tr><th>Site</th><th>People</th></tr>\n</table>").isEmpty)
    }
}
