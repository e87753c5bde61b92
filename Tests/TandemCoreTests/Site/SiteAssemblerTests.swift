import Testing
@testable import TandemCore

@Suite struct SiteAssemblerTests {
    @Test func urlsFollowTheContentTree() throws {
        let site = TestSite([
            "tandem.yaml": "languages: [en, fr]",
            "content/index.md": page("title: Home"),
            "content/news/_index.md": page("title: Latest news"),
            "content/news/2026/camp.md": page("title: Camp\ndate: 2026-01-01"),
            "content/news/2026/renamed.md": page("title: R\ndate: 2026-01-01\nslug: new-name"),
            "content/about.fr.md": page("title: À propos"),
        ])
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.isEmpty)
        let files = site.publishedFiles()
        for expected in ["index.html", "news/index.html", "news/2026/camp/index.html", "news/2026/new-name/index.html", "fr/about/index.html"] {
            #expect(files.contains(expected), "\(expected) missing from \(files)")
        }
        #expect(site.published("news/index.html")?.contains("<h1>Latest news</h1>") == true)
    }

    @Test func sectionListsAreNewestFirst() throws {
        let site = TestSite([
            "content/news/2025/old.md": page("title: Older\ndate: 2025-06-01"),
            "content/news/2026/new.md": page("title: Newer\ndate: 2026-06-01"),
            "content/news/2026/mid.md": page("title: Middle\ndate: 2026-01-01T12:00:00Z"),
        ])
        defer { site.cleanUp() }
        site.build()
        let list = try #require(site.published("news/index.html"))
        let positions = ["Newer", "Middle", "Older"].map { list.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func pageURLsAreDecidedBeforeLinksAreRewritten() throws {
        let site = TestSite([
            "content/news/2026/a.md": page("title: A\ndate: 2026-01-01", "[b](b.md)"),
            "content/news/2026/b.md": page("title: B\ndate: 2026-01-01\nslug: bee"),
        ])
        defer { site.cleanUp() }
        site.build()
        #expect(try #require(site.published("news/2026/a/index.html")).contains("<a href=\"/news/2026/bee/\">b</a>"))
    }

    @Test func navigationListsTopLevelSectionsAndPagesByWeightThenTitle() throws {
        let site = TestSite([
            "content/news/_index.md": page("title: News\nweight: 2"),
            "content/news/2026/a.md": page("title: A\ndate: 2026-01-01"),
            "content/stories/_index.md": page("title: Stories\nweight: 1"),
            "content/about.md": page("title: About the long memorandum\nlink_title: About\nweight: 3"),
            "content/briefings/2026/b.md": page("title: B\ndate: 2026-01-01"),
        ])
        defer { site.cleanUp() }
        site.build()
        let html = try #require(site.published("news/2026/a/index.html"))
        let order = [">Briefings<", ">Stories<", ">News<", ">About<"].map { html.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(html.contains("<a href=\"/news/\" aria-current=\"page\">News</a>"))
    }
}
