import Foundation
import Testing
@testable import TandemCore

/// `lint_allow` silences a rule on one page, only with a reason and only for a rule that exists.
@Suite struct LintAllowTests {
    @Test func anAllowanceWithAReasonSilencesTheRule() {
        let matter = "title: A page\nlint_allow:\n  - rule: persons-of-concern\n    reason: quotes the 1997 MOU word for word"
        #expect(LintFixture.lint("All persons of concern. Illegal migrants.", frontMatter: matter).rules == ["illegal-migrant"])
    }

    @Test func anAllowanceWithoutAReasonIsAnErrorAtItsLine() {
        let text = page("title: A page\nlint_allow:\n  - rule: persons-of-concern", "Text.")
        let (_, diagnostics) = ContentLoader.parse(Data(text.utf8), contentPath: "a.md", config: SiteConfig())
        #expect(diagnostics.map(\.severity) == [.error])
        #expect(diagnostics.first?.line == 4)
        #expect(diagnostics.first?.message == "silencing 'persons-of-concern' needs a reason")
    }

    @Test func anEmptyReasonIsNoReason() {
        let text = page("title: A page\nlint_allow: [{rule: percent, reason: \"\"}]", "Text.")
        let (_, diagnostics) = ContentLoader.parse(Data(text.utf8), contentPath: "a.md", config: SiteConfig())
        #expect(diagnostics.count == 1)
    }

    @Test func anUnknownRuleIsAnErrorWithTheNearestId() {
        let found = LintFixture.lint("Text.", frontMatter: "title: A page\nlint_allow: [{rule: persons-of-concerns, reason: a quote}]")
        #expect(found.map(\.severity) == [.error])
        #expect(found.first?.line == 3)
        #expect(found.first?.hint == "did you mean 'persons-of-concern'?")
    }

    @Test func aPolicyOrAccessibilityCheckCanBeAllowedToo() {
        let matter = "title: A page\nlint_allow: [{rule: image-alt, reason: the chart is described in the next paragraph}]"
        #expect(LintFixture.lint("![](chart.png)", frontMatter: matter).isEmpty)
    }
}
