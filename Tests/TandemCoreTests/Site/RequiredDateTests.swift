import Testing
@testable import TandemCore

/// One problem, one error: a wrong date is not also a missing one.
@Suite struct RequiredDateTests {
    @Test func anInvalidDateIsOneErrorNotAlsoAMissingDate() {
        let site = TestSite([
            "content/news/2026/a.md": page("title: A\ndate: 2026-02-30"),
            "content/news/2026/b.md": page("title: B\ndate: yesterday"),
            "content/news/2026/c.md": page("title: C\ndate:"),
        ])
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.map(\.message) == ["'date' is not a day of the calendar: '2026-02-30'",
                                               "'date' is not a date: 'yesterday'",
                                               "'date' is empty"], "\(diagnostics)")
    }

    @Test func aMissingDateInADatedSectionIsStillAnError() {
        let site = TestSite(["content/news/2026/a.md": page("title: A")])
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.map(\.message) == ["pages in 'news' need a date"])
    }
}
