import Foundation
import FoundationXML
import Testing
@testable import TandemCore

@Suite struct DataFileTests {
    let files = [
        "tandem.yaml": "base_url: https://joint.example.org/\n",
        "content/news/2026/goma.md": page("title: Goma & partners\ndate: 2026-03-05\npersons: [idps]\njoint: true\nlead: IOM\nsummary: Families registered."),
        "content/news/2026/solo.md": page("title: Solo\ndate: 2026-03-06T10:00:00+01:00"),
        "content/about.md": page("title: About"),
    ].withFocalPoints

    @Test func feedsAreWellFormedAtomWithAbsoluteURLsAndTheNoticeInJointEntries() throws {
        let site = TestSite(files)
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.isEmpty)
        for path in site.publishedFiles() where path.hasSuffix("feed.xml") {
            let document = try XMLDocument(data: Data(site.published(path)!.utf8))
            let root = try #require(document.rootElement())
            #expect(root.name == "feed" && root.uri == "http://www.w3.org/2005/Atom", "\(path)")
            for element in ["id", "title", "updated", "author"] {
                #expect(!root.elements(forName: element).isEmpty, "\(path) has no \(element)")
            }
            for entry in root.elements(forName: "entry") {
                let id = try #require(entry.elements(forName: "id").first?.stringValue)
                #expect(id.hasPrefix("https://joint.example.org/"))
                let link = try entry.nodes(forXPath: "*[local-name()='link']/@href").first?.stringValue
                #expect(link?.hasPrefix("https://joint.example.org/") == true)
                #expect(entry.elements(forName: "updated").first?.stringValue?.hasSuffix("Z") == true)
            }
        }
        let feed = try #require(site.published("feed.xml"))
        #expect(feed.contains("<title>Goma &amp; partners</title>"))
        #expect(feed.contains("<summary type=\"text\">Families registered. This activity is led by the International Organization for Migration (IOM) in cooperation with UNHCR, the UN Refugee Agency.</summary>"))
        #expect(feed.contains("<updated>2026-03-06T09:00:00Z</updated>"))
        #expect(!feed.contains("About"))
        #expect(feed.range(of: "<author><name>International Organization for Migration (IOM)</name></author>")!.lowerBound
                < feed.range(of: "<author><name>UNHCR, the UN Refugee Agency</name></author>")!.lowerBound)
    }

    @Test func sitemapIsWellFormedWithAbsoluteLocationsThatExist() throws {
        let site = TestSite(files)
        defer { site.cleanUp() }
        site.build()
        let document = try XMLDocument(data: Data(try #require(site.published("sitemap.xml")).utf8))
        let locations = try document.nodes(forXPath: "//*[local-name()='loc']").compactMap(\.stringValue)
        #expect(locations.contains("https://joint.example.org/news/2026/goma/"))
        for location in locations {
            #expect(location.hasPrefix("https://joint.example.org/"))
            let path = String(location.dropFirst("https://joint.example.org/".count))
            #expect(site.published(path + (path.isEmpty || path.hasSuffix("/") ? "index.html" : "")) != nil, "\(location)")
        }
        #expect(try #require(site.published("sitemap.xml")).contains("<loc>https://joint.example.org/news/2026/goma/</loc><lastmod>2026-03-05</lastmod>"))
        #expect(site.published("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://joint.example.org/sitemap.xml\n")
    }

    @Test func structuredDataNamesBothOrganisationsLeadFirst() throws {
        let site = TestSite(files)
        defer { site.cleanUp() }
        site.build()
        func jsonLD(_ path: String) throws -> [String: Any] {
            let html = try #require(site.published(path))
            let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            let text = String(html[start.upperBound..<end.lowerBound])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            // Keys in order at every level, as Foundation sorts them: builds stay byte-identical.
            let sorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            #expect(String(decoding: sorted, as: UTF8.self) == text, "\(path)")
            return object
        }
        let goma = try jsonLD("news/2026/goma/index.html")
        #expect(goma["@type"] as? String == "NewsArticle")
        let publishers = try #require(goma["publisher"] as? [[String: Any]])
        #expect(publishers.map { $0["name"] as? String } == ["International Organization for Migration (IOM)", "UNHCR, the UN Refugee Agency"])
        #expect((goma["creditText"] as? String)?.contains("in cooperation with UNHCR") == true)
        let about = try jsonLD("about/index.html")
        #expect(about["@type"] as? String == "WebPage")
        #expect((about["publisher"] as? [String: Any])?["name"] as? String == "Joint UNHCR–IOM information")
    }

    @Test func structuredDataCannotCloseItsScript() {
        let json = JSONValue.object(["headline": .string("</script><script>alert(1)"), "a": .array([.number(1), .null, .bool(true)])]).text
        #expect(json == "{\"a\":[1,null,true],\"headline\":\"\\u003c/script>\\u003cscript>alert(1)\"}")
    }

    /// Strings are escaped by their bytes: quotes, backslashes and controls, letters of any script as they are.
    @Test func stringsEscapeWhatJSONRequiresAndNothingElse() throws {
        let text = "a\"b\\c\nd\re\tf\u{1}g\u{1F} réfugiés لاجئون"
        let json = JSONValue.array([.string(text), .string("plain text longer than fifteen bytes"), .string("")]).text
        #expect(json == #"["a\"b\\c\nd\re\tf\u0001g\u001f réfugiés لاجئون","plain text longer than fifteen bytes",""]"#)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(decoded == [text, "plain text longer than fifteen bytes", ""])
    }

    @Test func nextChangeIsTheEarliestFutureEmbargo() throws {
        let site = TestSite(files.merging([
            "content/news/2026/later.md": page("title: Later\ndate: 2026-03-07\nembargo: 2026-12-02T09:00:00Z"),
            "content/news/2026/sooner.md": page("title: Sooner\ndate: 2026-03-07\nembargo: 2026-12-01T09:00:00Z"),
            "content/news/2026/past.md": page("title: Past\ndate: 2026-03-07\nembargo: 2026-01-01T09:00:00Z"),
        ]) { a, _ in a })
        defer { site.cleanUp() }
        let report = site.build(at: "2026-11-30T00:00:00Z")
        #expect(site.published("next-change.json") == "{\"next_change\": \"2026-12-01T09:00:00Z\"}\n")
        #expect(report.summary.hasSuffix("Next change: an embargo lifts at 2026-12-01T09:00:00Z."))
        site.build(at: "2026-12-03T00:00:00Z")
        #expect(site.published("next-change.json") == "{\"next_change\": null}\n")
    }

    @Test func twoBuildsOfTheSameInputAreByteIdentical() throws {
        let site = TestSite(files)
        defer { site.cleanUp() }
        site.build(at: "2026-11-30T00:00:00Z")
        let first = Dictionary(uniqueKeysWithValues: site.publishedFiles().map { ($0, site.published($0)!) })
        site.build(at: "2026-11-30T00:00:00Z")
        let second = Dictionary(uniqueKeysWithValues: site.publishedFiles().map { ($0, site.published($0)!) })
        #expect(first.count > 10)
        #expect(first == second)
    }
}

/// `SystemFiles.parentFolder` says what NSString's `deletingLastPathComponent`
/// says for the paths the output stage makes, and something sensible for others.
@Suite struct ParentFolderTests {
    @Test func theFolderOfAPathIsWhatFoundationSays() {
        for path in ["/tmp/.site.staging-1-2/news/2026/camp/index.html", "/a/b", "/tmp/site/fr/actualités/camp/index.html",
                     "/tmp/site/search/terms/12.txt"] {
            #expect(SystemFiles.parentFolder(of: path) == (path as NSString).deletingLastPathComponent, "\(path)")
        }
        // Foundation traps on some of these (swift-corelibs-foundation, Swift 6.3).
        #expect(SystemFiles.parentFolder(of: "/a") == "/")
        #expect(SystemFiles.parentFolder(of: "/") == "/")
        #expect(SystemFiles.parentFolder(of: "a") == "")
        #expect(SystemFiles.parentFolder(of: "") == "")
        #expect(SystemFiles.parentFolder(of: "a/b") == "a")
        #expect(SystemFiles.parentFolder(of: "/a/b/") == "/a")
        #expect(SystemFiles.parentFolder(of: "/a//b") == "/a")
    }
}
