import Foundation
import Testing
@testable import TandemCore

/// File names that need escaping in a URL (`q#1.md`, `a?b.md`, `50%.md`,
/// spaces, Arabic letters) are published at their decoded path and linked with a
/// percent-encoded URL everywhere: listings, navigation, translations,
/// sitemap, feeds, search index and alias redirects (issue 14 item 4).
@Suite struct EscapedFileNamesTests {
    static let names = ["q#1", "a?b", "50%", "مخيم au lait"]

    static let site: [String: String] = {
        var files = [
            "tandem.yaml": "title: Escapes\nbase_url: https://example.org/joint/\nlanguages: [en, fr]\n",
            "content/index.md": page("title: Home"),
            "content/index.fr.md": page("title: Accueil"),
            "content/été 50%.md": page("title: Summer"),
            "content/images/my photo#1.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "content/news/2026/links.md": page("title: Links\ndate: 2026-01-02",
                                               "[hash](q%231.md) [query](a%3Fb.md) [percent](50%25.md)\n\n![A photo](../../images/my%20photo%231.svg)"),
        ]
        for (number, name) in names.enumerated() {
            files["content/news/2026/\(name).md"] = page("title: Story \(number)\ndate: 2026-01-0\(number + 3)\npersons: [refugees]\naliases: [/old/\(number)/]")
            files["content/news/2026/\(name).fr.md"] = page("title: Récit \(number)\ndate: 2026-01-0\(number + 3)\npersons: [refugees]")
        }
        return files
    }()

    /// Every encoded URL in the page, with the base path: `href="/joint/news/2026/q%231/"`.
    static func encodedPaths(_ name: String, language: String? = nil) -> String {
        let prefix = language.map { "/\($0)" } ?? ""
        return "/joint\(prefix)/news/2026/\(Route.encode(name))/"
    }

    @Test func theEncodingOfEachNameIsTheStandardOne() {
        #expect(Self.names.map(Route.encode) == ["q%231", "a%3Fb", "50%25", "%D9%85%D8%AE%D9%8A%D9%85%20au%20lait"])
    }

    @Test func pagesArePublishedAtTheirDecodedPathAndLinkedEncodedEverywhere() throws {
        let site = TestSite(Self.site)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        let files = Set(site.publishedFiles())
        for name in Self.names {
            #expect(files.contains("news/2026/\(name)/index.html"))
            #expect(files.contains("fr/news/2026/\(name)/index.html"))
        }
        // The accent of a file name is written plainly (`Slug`); the space and `%` stay, encoded.
        #expect(files.contains("ete 50%/index.html") && files.contains("images/my photo#1.svg"))

        for name in Self.names {
            let path = Self.encodedPaths(name), french = Self.encodedPaths(name, language: "fr")
            let permalink = "https://example.org" + path
            let listings = ["news/index.html": path, "persons/refugees/index.html": path, "index.html": path,
                            "fr/news/index.html": french, "fr/persons/refugees/index.html": french]
            for (listing, link) in listings {
                #expect(site.published(listing)?.contains("href=\"\(link)\"") == true, "\(listing) links \(link)")
            }
            #expect(site.published("news/2026/\(name)/index.html")?.contains("href=\"\(french)\"") == true, "translation link")
            #expect(site.published("fr/news/2026/\(name)/index.html")?.contains("href=\"\(path)\"") == true, "translation link back")
            #expect(site.published("sitemap.xml")?.contains("<loc>\(permalink)</loc>") == true, "sitemap")
            #expect(site.published("feed.xml")?.contains("href=\"\(permalink)\"") == true, "site feed")
            #expect(site.published("news/feed.xml")?.contains("<id>\(permalink)</id>") == true, "section feed")
            #expect(site.published("search/pages/0.json")?.contains("\"\(path)\"") == true, "search index")
        }
        for number in Self.names.indices {
            let alias = try #require(site.published("old/\(number)/index.html"))
            #expect(alias.contains(Self.encodedPaths(Self.names[number])), "alias redirect \(number)")
        }
        let navigation = try #require(site.published("index.html"))
        #expect(navigation.contains("href=\"/joint/ete%2050%25/\""), "navigation")
        let links = try #require(site.published("news/2026/links/index.html"))
        for target in ["/joint/news/2026/q%231/", "/joint/news/2026/a%3Fb/", "/joint/news/2026/50%25/",
                       "/joint/images/my%20photo%231.svg"] {
            #expect(links.contains("\"\(target)\""), "Markdown link to \(target)")
        }
    }

    @Test func everyURLOfEveryOutputReachesAPublishedFile() throws {
        let site = TestSite(Self.site)
        defer { site.cleanUp() }
        #expect(site.build().published)
        let files = Set(site.publishedFiles())
        var checked = 0
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".xml") || file.hasSuffix(".json") {
            let text = try #require(site.published(file))
            for url in SiteURLs.all(in: text) {
                let problem = SiteURLs.problem(url, basePath: "/joint/", files: files)
                #expect(problem == nil, "\(file): \(url): \(problem ?? "")")
                checked += 1
            }
        }
        #expect(checked > 200)
    }
}

/// The site's own URLs written in an output file, and whether each reaches a file.
enum SiteURLs {
    /// URLs in `href`/`src` attributes, `<loc>`, `<id>` and JSON `"url"` values
    /// that point into the site (`/joint/...` or `https://example.org/joint/...`).
    static func all(in text: String) -> [String] {
        let pattern = #"(?:href|src|content)="([^"]*)"|<loc>([^<]*)</loc>|<id>([^<]*)</id>|"url"\s*:\s*"([^"]*)""#
        let regex = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            (1...4).lazy.compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }.first
        }
        .map { $0.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "0; url=", with: "") }
        .map { $0.hasPrefix("https://example.org/") ? String($0.dropFirst("https://example.org".count)) : $0 }
        .filter { $0.hasPrefix("/joint/") }
    }

    /// Why `url` does not reach a file of `files`, or nil if it does: it must
    /// be percent-encoded (no raw space, `#`, `?`, non-ASCII or lone `%`) and,
    /// decoded, name a published file or folder.
    static func problem(_ url: String, basePath: String, files: Set<String>) -> String? {
        if url.contains(where: { $0 == " " || $0 == "#" || $0 == "?" || !$0.isASCII }) { return "not encoded" }
        guard let decoded = url.removingPercentEncoding else { return "malformed percent-encoding" }
        let relative = String(decoded.dropFirst(basePath.count))
        let file = relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
        return files.contains(file) ? nil : "no file \(file)"
    }
}
