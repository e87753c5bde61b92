import Foundation
import Testing
@testable import TandemCore

@Suite struct BuildTests {
    @Test func aFolderWithOnlyContentBuildsWithTheBuiltInTemplates() throws {
        let site = TestSite([
            "content/index.md": page("title: Home"),
            "content/news/2026/a.md": page("title: A\ndate: 2026-03-05", "Hello *world*."),
            "content/docs/plan.pdf": "PDF",
        ])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.published && report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(site.publishedFiles() == ["404.html", "assets/search.js", "assets/style.css", "docs/plan.pdf", "feed.xml",
                                          "index.html", "news/2026/a/index.html", "news/feed.xml", "news/index.html",
                                          "next-change.json", "robots.txt", "search/index.html", "search/pages/0.json",
                                          "search/terms/0.txt", "sitemap.xml"])
        let html = try #require(site.published("news/2026/a/index.html"))
        #expect(html.contains("<p>Hello <em>world</em>.</p>"))
        #expect(html.contains("<time datetime=\"2026-03-05\">5 March 2026</time>"))
        #expect(html.contains("<a class=\"skip-link\" href=\"#main\">"))
        #expect(html.components(separatedBy: "<h1").count == 2)
        #expect(site.published("docs/plan.pdf") == "PDF")
        #expect(report.pagesWritten == 5 && report.filesCopied == 3)
    }

    @Test func templateOutputIsEscaped() throws {
        let site = TestSite(["content/about.md": page("title: \"<script>alert(1)</script> & co\"")])
        defer { site.cleanUp() }
        site.build()
        let html = try #require(site.published("about/index.html"))
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
    }

    @Test func allProblemsOfARunAreReportedTogetherAndSorted() {
        let site = TestSite([
            "content/b.md": page("title: B\npersons: [refugee]"),
            "content/a.md": page("titel: A"),
            "content/c.md": page("title: C", "[x](missing.md)"),
        ])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.diagnostics.map(\.path) == ["content/a.md", "content/a.md", "content/b.md", "content/c.md"])
        #expect(report.diagnostics == report.diagnostics.sorted())
    }

    @Test func twoPagesAtTheSameURLAreAnError() {
        let site = TestSite([
            "content/news/2026/a.md": page("title: A\ndate: 2026-01-01\nslug: b"),
            "content/news/2026/b.md": page("title: B\ndate: 2026-01-01"),
        ])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.published)
        let messages = report.diagnostics.map(\.message)
        #expect(messages.contains("this page and content/news/2026/b.md would both be published at /news/2026/b/"))
        #expect(messages.contains("this page and content/news/2026/a.md would both be published at /news/2026/b/"))
    }

    /// Each output inside a file's path (`/feed.xml/...`) is an error of its
    /// own, also when two share the folders under the file.
    @Test func outputsInsideAFilesPathAreEachAnError() {
        let site = TestSite([
            "content/news/2026/a.md": page("title: A\ndate: 2026-01-01\naliases: [/feed.xml/old/a/]"),
            "content/news/2026/b.md": page("title: B\ndate: 2026-01-02\naliases: [/feed.xml/old/b/]"),
            "content/news/2026/c.md": page("title: C\ndate: 2026-01-03\naliases: [/news/2026/old-c/]"),
        ])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.map(\.path) == ["content/news/2026/a.md", "content/news/2026/b.md"])
        #expect(report.diagnostics.allSatisfy { $0.message.hasPrefix("the alias '/feed.xml/old/") })
    }

    @Test func datedSectionsNeedADate() {
        let site = TestSite(["content/stories/x.md": page("title: X")])
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.map(\.message) == ["pages in 'stories' need a date"])
    }

    @Test func unknownFocalPointSuggestsTheNearestID() {
        let site = TestSite([
            "content/focal-points/amina-haddad.md": page("name: Amina Haddad\nagency: UNHCR\nemail: amina.haddad@unhcr.example.org"),
            "content/news/2026/a.md": page("title: A\ndate: 2026-01-01\nfocal_points: [amina-hadad]"),
        ])
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.map(\.message) == ["unknown focal point 'amina-hadad'"])
        #expect(diagnostics.first?.hint == "did you mean 'amina-haddad'?")
        #expect(diagnostics.first?.line == 4)
    }

    @Test func nonMarkdownFilesArePublishedAtTheSamePathAndAssetsUnderAssets() {
        let site = TestSite([
            "content/reports/2026/plan.pdf": "%PDF",
            "templates/assets/logo.svg": "<svg/>",
            "templates/assets/style.css": "body{}",
        ])
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.isEmpty)
        #expect(site.published("reports/2026/plan.pdf") == "%PDF")
        #expect(site.published("assets/logo.svg") == "<svg/>")
        #expect(site.published("assets/style.css") == "body{}")
    }

    @Test func rawHTMLIsPublishedOnlyWhenTheSiteOptsIn() throws {
        let files = ["content/a.md": page("title: A", "<mark>x</mark>")]
        let closed = TestSite(files)
        defer { closed.cleanUp() }
        closed.build()
        #expect(try #require(closed.published("a/index.html")).contains("<!-- raw HTML omitted -->"))
        let open = TestSite(files.merging(["tandem.yaml": "raw_html: true"]) { a, _ in a })
        defer { open.cleanUp() }
        open.build()
        #expect(try #require(open.published("a/index.html")).contains("<mark>x</mark>"))
    }

    @Test func translationsAreLinked() throws {
        let site = TestSite([
            "tandem.yaml": "languages: [en, fr]",
            "content/about.md": page("title: About"),
            "content/about.fr.md": page("title: À propos"),
        ])
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.isEmpty)
        let english = try #require(site.published("about/index.html"))
        #expect(english.contains("<a href=\"/fr/about/\" hreflang=\"fr\" lang=\"fr\">Français</a>"))
        #expect(try #require(site.published("fr/about/index.html")).contains("href=\"/about/\""))
        #expect(site.published("fr/index.html") != nil)
    }

    @Test func unknownConfigurationKeyIsAnError() {
        let site = TestSite(["tandem.yaml": "title: X\nbaseurl: https://x.org/\n"])
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.map(\.message) == ["unknown key 'baseurl' in tandem.yaml"])
        #expect(diagnostics.first?.hint == "did you mean 'base_url'?")
        #expect(diagnostics.first?.path == "tandem.yaml" && diagnostics.first?.line == 2)
    }

    @Test func summaryCountsPagesWarningsAndErrors() {
        let report = BuildReport(diagnostics: [.warning(SourceLocation(path: "a"), "w")], pagesWritten: 12,
                                 filesCopied: 3, seconds: 0.25, published: true)
        #expect(report.summary == "Built 12 pages and copied 3 files in 0.25 s: 1 warning, 0 errors.")
        var rebuilt = report
        rebuilt.filesKept = 14
        #expect(rebuilt.summary == "Built 12 pages (14 files up to date, kept) and copied 3 files in 0.25 s: 1 warning, 0 errors.")
    }
}
