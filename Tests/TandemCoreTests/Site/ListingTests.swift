import Foundation
import Testing
@testable import TandemCore

@Suite struct ListingTests {
    /// `count` dated news items, `news/2026/item-N.md`, newest last.
    func news(_ count: Int, extra: String = "") -> [String: String] {
        var files = ["tandem.yaml": "page_size: 2\n", "content/news/_index.md": page("title: News")]
        for number in 0..<count {
            files["content/news/2026/item-\(number).md"] = page("title: Item \(number)\ndate: 2026-01-\(String(format: "%02d", number + 1))\(extra)")
        }
        return files
    }

    @Test func anEmptySectionHasOneListingPageAndNoSecond() throws {
        let site = TestSite(news(0))
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.isEmpty)
        #expect(try #require(site.published("news/index.html")).contains("Nothing has been published here yet."))
        #expect(site.published("news/page/2/index.html") == nil)
        #expect(site.published("news/feed.xml") == nil)
    }

    @Test func exactlyAFullPageNeedsNoSecondPage() throws {
        let site = TestSite(news(2))
        defer { site.cleanUp() }
        site.build()
        let first = try #require(site.published("news/index.html"))
        #expect(first.contains("Item 1") && first.contains("Item 0"))
        #expect(!first.contains("class=\"pagination\""))
        #expect(site.published("news/page/2/index.html") == nil)
    }

    @Test func oneItemOverMakesASecondPageWithLinksBothWays() throws {
        let site = TestSite(news(3))
        defer { site.cleanUp() }
        site.build()
        let first = try #require(site.published("news/index.html"))
        #expect(first.contains("Item 2") && first.contains("Item 1") && !first.contains("Item 0"))
        #expect(first.contains("<a href=\"/news/page/2/\" rel=\"next\">"))
        let second = try #require(site.published("news/page/2/index.html"))
        #expect(second.contains("Item 0") && !second.contains("Item 1"))
        #expect(second.contains("<a href=\"/news/\" rel=\"prev\">"))
        #expect(second.contains("<title>News, page 2 of 2 · "))
    }

    @Test func taxonomyTermsAndIndexesUseTheLabelsOfTheStrings() throws {
        let site = TestSite([
            "content/news/2026/a.md": page("title: A\ndate: 2026-01-01\npersons: [idps]\nactivities: [voluntary-repatriation]\ncountries: [CD]\njoint: true\nlead: co-led"),
            "content/news/2026/b.md": page("title: B\ndate: 2026-01-02\npersons: [idps, refugees]"),
        ].withFocalPoints)
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.isEmpty)
        let idps = try #require(site.published("persons/idps/index.html"))
        #expect(idps.contains("<h1>Internally displaced persons</h1>"))
        #expect(idps.contains(">A<") && idps.contains(">B<"))
        let index = try #require(site.published("persons/index.html"))
        #expect(index.contains("<a href=\"/persons/refugees/\">Refugees</a> <span class=\"count\">(1)</span>"))
        #expect(index.contains("<a href=\"/persons/idps/\">Internally displaced persons</a> <span class=\"count\">(2)</span>"))
        #expect(try #require(site.published("activities/voluntary-repatriation/index.html")).contains("<h1>Voluntary repatriation</h1>"))
        #expect(try #require(site.published("countries/cd/index.html")).contains("<h1>Democratic Republic of the Congo</h1>"))
        #expect(try #require(site.published("lead/co-led/index.html")).contains(">A<"))
        let joint = try #require(site.published("joint/index.html"))
        #expect(joint.contains(">A<") && !joint.contains(">B<"))
        #expect(site.published("lead/index.html") != nil)
    }

    @Test func aliasesRedirectToThePage() throws {
        let site = TestSite(["content/news/2026/a.md": page("title: A\ndate: 2026-01-01\naliases: [/old/a/, /older.html]")])
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.isEmpty)
        let redirect = try #require(site.published("old/a/index.html"))
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=/news/2026/a/\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://example.org/news/2026/a/\">"))
        #expect(site.published("older.html") != nil)
    }

    @Test func anAliasOverAPageOrOutsideTheSiteIsAnError() {
        let site = TestSite([
            "content/news/2026/a.md": page("title: A\ndate: 2026-01-01\naliases: [/news/2026/b/, ../../etc]"),
            "content/news/2026/b.md": page("title: B\ndate: 2026-01-01"),
        ])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.published)
        let messages = report.diagnostics.map(\.message)
        #expect(messages.contains("an alias must be a path on this site, such as /news/old-name/: '../../etc'"))
        #expect(messages.contains("the alias '/news/2026/b/' is the address of content/news/2026/b.md"))
        #expect(report.diagnostics.first { $0.message.hasPrefix("the alias") }?.path == "content/news/2026/a.md")
        #expect(report.diagnostics.first { $0.message.hasPrefix("the alias") }?.line == 4)
        #expect(report.diagnostics.about("content/news/2026/b.md").isEmpty, "the page is not to blame for an alias over it")
    }

    @Test func aPageAtAGeneratedURLIsAnError() {
        let site = TestSite([
            "content/persons/refugees.md": page("title: My page"),
            "content/news/2026/a.md": page("title: A\ndate: 2026-01-01\npersons: [refugees]"),
        ])
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.map(\.message).contains("this page and the listing at /persons/refugees/ would both be published at /persons/refugees/"))
    }
}
