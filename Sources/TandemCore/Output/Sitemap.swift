import Foundation

/// `sitemap.xml` (sitemaps.org 0.9) and the `robots.txt` that points at it.
public struct Sitemap: Sendable {
    public struct URLEntry: Sendable {
        public var location: String
        /// The day of the newest content shown at this URL, if dated.
        public var lastModified: PageDate?
        /// Every language version of the page, itself included, as (hreflang, absolute URL); empty if untranslated.
        public var alternates: [(language: String, location: String)] = []
    }

    public var urls: [URLEntry]

    public var xml: String {
        var lines = ["<?xml version=\"1.0\" encoding=\"utf-8\"?>",
                     "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"]
        for url in urls.sorted(by: { $0.location < $1.location }) {
            var line = "  <url><loc>\(MarkupEscaping.escape(url.location))</loc>"
            if let date = url.lastModified { line += "<lastmod>\(date.rfc3339)</lastmod>" }
            for alternate in url.alternates {
                line += "<xhtml:link rel=\"alternate\" hreflang=\"\(MarkupEscaping.escape(alternate.language))\" href=\"\(MarkupEscaping.escape(alternate.location))\"/>"
            }
            lines.append(line + "</url>")
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }

    public static func robots(sitemapURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(sitemapURL)\n"
    }
}
