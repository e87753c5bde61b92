/// JSON-LD for a page's `<head>` (schema.org): a NewsArticle for dated pages,
/// a WebPage otherwise. On joint pages both organisations are named, the lead
/// first, and the acknowledgement travels as the credit text.
enum StructuredData {
    /// `name` gives each organisation's name in the page's language.
    static func json(for page: Page, permalink: String, notice: String?, image: String?, config: SiteConfig,
                     name: (Agency) -> String = { Partners.organisation($0).name }) -> String {
        // Members in the order of their keys (`JSONValue.members`).
        var members: [(key: String, value: JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string(page.date == nil ? "WebPage" : "NewsArticle")),
        ]
        members.reserveCapacity(12)
        let publisher: JSONValue
        if page.isJoint, let lead = page.frontMatter.lead?.value {
            publisher = JSONValue.array(Partners.ordered(for: lead).map {
                organisation(name: name($0.agency), url: $0.url)
            })
            members.append(("author", publisher))
            if let notice { members.append(("creditText", .string(notice))) }
        } else {
            publisher = organisation(name: config.title(in: page.source.language), url: config.baseURL)
        }
        if let date = page.date { members.append(("datePublished", .string(date.rfc3339))) }
        members.append(("description", .string(page.summary)))
        if page.date != nil { members.append(("headline", .string(page.title))) }
        if let image { members.append(("image", .string(image))) }
        members.append(("inLanguage", .string(page.source.language)))
        if page.date == nil { members.append(("name", .string(page.title))) }
        members.append(("publisher", publisher))
        members.append(("url", .string(permalink)))
        return JSONValue.members(members).text
    }

    /// A listing or other generated page.
    static func json(name: String, permalink: String, language: String, config: SiteConfig) -> String {
        JSONValue.members([
            ("@context", .string("https://schema.org")), ("@type", .string("CollectionPage")), ("inLanguage", .string(language)),
            ("name", .string(name)), ("publisher", organisation(name: config.title(in: language), url: config.baseURL)),
            ("url", .string(permalink)),
        ]).text
    }

    private static func organisation(name: String, url: String) -> JSONValue {
        .members([("@type", .string("Organization")), ("name", .string(name)), ("url", .string(url))])
    }
}
