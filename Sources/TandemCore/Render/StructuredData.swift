/// JSON-LD for a page's `<head>` (schema.org): a NewsArticle for dated pages,
/// a WebPage otherwise. On joint pages both organisations are named, the lead
/// first, and the acknowledgement travels as the credit text.
enum StructuredData {
    /// `name` gives each organisation's name in the page's language.
    static func json(for page: Page, permalink: String, notice: String?, image: String?, config: SiteConfig,
                     name: (Agency) -> String = { Partners.organisation($0).name }) -> String {
        var object: [String: JSONValue] = [
            "@context": .string("https://schema.org"),
            "@type": .string(page.date == nil ? "WebPage" : "NewsArticle"),
            "url": .string(permalink),
            "inLanguage": .string(page.source.language),
            "description": .string(page.summary),
        ]
        object[page.date == nil ? "name" : "headline"] = .string(page.title)
        if let date = page.date { object["datePublished"] = .string(date.rfc3339) }
        if page.isJoint, let lead = page.frontMatter.lead?.value {
            let partners = JSONValue.array(Partners.ordered(for: lead).map {
                organisation(name: name($0.agency), url: $0.url)
            })
            object["publisher"] = partners
            object["author"] = partners
            if let notice { object["creditText"] = .string(notice) }
        } else {
            object["publisher"] = organisation(name: config.title(in: page.source.language), url: config.baseURL)
        }
        if let image { object["image"] = .string(image) }
        return JSONValue.object(object).text
    }

    /// A listing or other generated page.
    static func json(name: String, permalink: String, language: String, config: SiteConfig) -> String {
        JSONValue.object([
            "@context": .string("https://schema.org"), "@type": .string("CollectionPage"), "name": .string(name),
            "url": .string(permalink), "inLanguage": .string(language),
            "publisher": organisation(name: config.title(in: language), url: config.baseURL),
        ]).text
    }

    private static func organisation(name: String, url: String) -> JSONValue {
        .object(["@type": .string("Organization"), "name": .string(name), "url": .string(url)])
    }
}
