import Foundation
import Testing
@testable import TandemCore

/// URLs from file names: accented Latin letters written plainly, other
/// scripts kept and percent-encoded wherever a URL is written (issue 11 item 6).
@Suite struct SlugTests {
    @Test(arguments: [("réunion-à-genève", "reunion-a-geneve"), ("niño-y-niña", "nino-y-nina"), ("Straße", "Strasse"),
                      ("cœur", "coeur"), ("camp", "camp"), ("مخيم-أدري", "مخيم-أدري"), ("São Tomé 2026", "Sao Tome 2026")])
    func accentedLatinLettersAreWrittenPlainly(_ stem: String, _ slug: String) {
        #expect(Slug.fromFileName(stem) == slug)
    }

    @Test func accentedAndArabicFileNamesGiveReadableAndEncodedURLs() throws {
        let arabic = "مخيم-أدري"
        let encoded = Route.encode(arabic)
        #expect(encoded == "%D9%85%D8%AE%D9%8A%D9%85-%D8%A3%D8%AF%D8%B1%D9%8A")
        let site = TestSite([
            "tandem.yaml": "base_url: https://example.org/\nlanguages: [en, fr, ar]\n",
            "content/news/réunion-à-genève.fr.md": page("title: Réunion à Genève\ndate: 2026-03-02"),
            "content/news/\(arabic).ar.md": page("title: مخيم أدري\ndate: 2026-03-03"),
            "content/news/\(arabic)-with-slug.ar.md": page("title: مخيم\ndate: 2026-03-04\nslug: adre-camp"),
        ])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.published && !report.diagnostics.hasErrors, "\(report.diagnostics)")
        #expect(site.published("fr/news/reunion-a-geneve/index.html") != nil)
        #expect(site.published("ar/news/\(arabic)/index.html") != nil)
        #expect(site.published("ar/news/adre-camp/index.html") != nil)
        let listing = try #require(site.published("ar/news/index.html"))
        #expect(listing.contains("href=\"/ar/news/\(encoded)/\""))
        let page = try #require(site.published("ar/news/\(arabic)/index.html"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/ar/news/\(encoded)/\">"))
        #expect(page.contains("\"url\":\"https://example.org/ar/news/\(encoded)/\""), "JSON-LD")
        #expect(site.published("sitemap.xml")?.contains("<loc>https://example.org/ar/news/\(encoded)/</loc>") == true)
        #expect(site.published("ar/feed.xml")?.contains("https://example.org/ar/news/\(encoded)/") == true)
        #expect(!(site.published("ar/feed.xml") ?? "").contains(arabic + "/"), "no raw Arabic in URLs of the feed")
    }
}
