import Foundation
import Testing
@testable import TandemCore

/// A link written as a path of the site must reach something the site
/// publishes, and never the address of a draft or an embargoed page.
@Suite struct SitePathLinkTests {
    static let files = [
        "content/news/_index.md": page("title: News"),
        "content/news/2026/a.md": page("title: A\ndate: 2026-01-01",
                                       "See [the news](/news/), [the feed](/feed.xml), [B](/news/2026/b) and [the plan](/docs/plan.pdf#page=2)."),
        "content/news/2026/b.md": page("title: B\ndate: 2026-01-02"),
        "content/news/2026/quiet.md": page("title: Quiet\ndate: 2026-01-03\ndraft: true"),
        "content/docs/plan.pdf": "%PDF",
    ]

    @Test func linksToPublishedPathsAreKeptAndWrittenUnderTheBasePath() throws {
        var files = Self.files
        files["tandem.yaml"] = "base_url: https://example.org/joint/\n"
        let site = TestSite(files)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.published, "\(DiagnosticFormatter.human(report.diagnostics))")
        let html = try #require(site.published("news/2026/a/index.html"))
        #expect(html.contains("href=\"/joint/news/\"") && html.contains("href=\"/joint/feed.xml\""))
        #expect(html.contains("href=\"/joint/news/2026/b/\"") && html.contains("href=\"/joint/docs/plan.pdf#page=2\""))
    }

    /// A site path ends at its first `?` or `#`, whatever comes before it.
    @Test func aSitePathIsCutAtItsQueryOrFragment() throws {
        let cases: [(String, String, String)] = [
            ("/docs/plan.pdf#page=2", "/docs/plan.pdf", "#page=2"), ("/search/?q=a#b", "/search/", "?q=a#b"),
            ("/réfugiés/#top", "/réfugiés/", "#top"), ("/ar/%D8%A3/?x", "/ar/أ/", "?x"), ("/news/", "/news/", ""),
        ]
        for (url, path, suffix) in cases {
            let found = try #require(MarkdownLink.sitePath(url), "\(url)")
            #expect(found.path == path && found.suffix == suffix, "\(url)")
        }
        #expect(MarkdownLink.sitePath("//cdn.example.org/a") == nil && MarkdownLink.sitePath("/news/a.md#x") == nil)
    }

    @Test func aPathThatReachesNothingOrADraftIsAnErrorAtItsLine() {
        var files = Self.files
        files["content/c.md"] = page("title: C", "Text.\n\nSee [nothing](/nonexistent/) and [the draft](/news/2026/quiet/).")
        let site = TestSite(files)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.published)
        let problems = report.diagnostics.about("content/c.md")
        #expect(problems.map(\.message) == ["this links to '/nonexistent/', but the site publishes nothing there",
                                            "this links to '/news/2026/quiet/', which is a draft"])
        #expect(problems.map(\.line) == [6, 6] && problems.map(\.column) == [15, 46])
    }
}
