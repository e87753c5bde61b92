import Foundation

/// JSON-LD for a page's `<head>` (schema.org): a NewsArticle for dated pages,
/// a WebPage otherwise. On joint pages both organisations are named, the lead
/// first, and the acknowledgement travels as the credit text.
enum StructuredData {
    static func json(for page: Page, permalink: String, notice: String?, config: SiteConfig) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": page.date == nil ? "WebPage" : "NewsArticle",
            "url": permalink,
            "inLanguage": page.source.language,
            "description": page.summary,
        ]
        object[page.date == nil ? "name" : "headline"] = page.title
        if let date = page.date { object["datePublished"] = date.rfc3339 }
        let site: [String: Any] = ["@type": "Organization", "name": config.title, "url": config.baseURL]
        if page.isJoint, let lead = page.frontMatter.lead?.value {
            let partners: [[String: Any]] = Partners.ordered(for: lead).map {
                ["@type": "Organization", "name": $0.name, "url": $0.url]
            }
            object["publisher"] = partners
            object["author"] = partners
            if let notice { object["creditText"] = notice }
        } else {
            object["publisher"] = site
        }
        if let image = page.frontMatter.image {
            object["image"] = image.hasPrefix("/") ? config.baseURL + image.dropFirst() : image
        }
        return encode(object)
    }

    /// A listing or other generated page.
    static func json(name: String, permalink: String, language: String, config: SiteConfig) -> String {
        encode(["@context": "https://schema.org", "@type": "CollectionPage", "name": name, "url": permalink,
                "inLanguage": language,
                "publisher": ["@type": "Organization", "name": config.title, "url": config.baseURL]])
    }

    /// Sorted keys for byte-identical builds; `<` written as `\u003c` so the text cannot end its `<script>`.
    static func encode(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
