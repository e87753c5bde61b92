/// Turns the typed model into the dictionaries Mustache renders (dictionaries
/// render about three times faster than structs): the one place where the
/// pipeline's values meet the templates' names. The keys are documented in
/// `Defaults/README.md` for web staff.
struct PageContext {
    let graph: SiteGraph
    let templates: TemplateSet

    var strings: Strings { templates.strings }

    /// The keys every layout gets: site, language, strings, navigation.
    func common(language: String, url: String) -> [String: Any] {
        let config = graph.config
        let table = strings.table(for: language)
        let nav: [[String: Any]] = (graph.navigation[language] ?? []).map {
            ["title": $0.title, "url": $0.url, "current": url.hasPrefix($0.url)]
        }
        var values: [String: Any] = [
            "site": ["title": config.title, "description": config.description, "base_url": config.baseURL,
                     "home_url": "/" + PageURL.languagePrefix(language, config: config).map { $0 + "/" }.joined()],
            "lang": language,
            "dir": (table["direction"] as? String) ?? "ltr",
            "strings": table,
            "nav": nav,
            "url": url,
            "permalink": permalink(url),
            "assets_url": "/assets/",
            "search_url": "/" + (PageURL.languagePrefix(language, config: config) + ["search"]).map { $0 + "/" }.joined(),
        ]
        if let feed = graph.listings.first(where: { $0.kind == .all && $0.language == language && $0.hasFeed }) {
            values["site_feed_url"] = feed.feedURL
        }
        return values
    }

    func permalink(_ url: String) -> String {
        graph.config.baseURL + url.dropFirst()
    }

    /// The `page` key: a page's own values.
    func page(_ page: Page, content: String) -> [String: Any] {
        let matter = page.frontMatter
        let language = page.source.language
        var values: [String: Any] = [
            "title": page.title,
            "url": page.url,
            "permalink": permalink(page.url),
            "summary": page.summary,
            "content": content,
            "kind": page.source.kind.rawValue,
            "joint": page.isJoint,
        ]
        if let date = page.date { values["date"] = self.date(date, language: language) }
        if let lead = matter.lead?.value, matter.joint {
            values["lead"] = ["code": lead.rawValue, "label": strings.text("leads.\(lead.stringKey)", language: language) ?? lead.rawValue]
        }
        let linked = page.source.kind == .page
        for taxonomy in [Taxonomy.persons, .activities, .countries] {
            values[taxonomy.rawValue] = taxonomy.terms(of: matter).map { code -> [String: Any] in
                var term: [String: Any] = ["code": code, "label": termLabel(taxonomy, code, language)]
                if linked { term["url"] = termURL(taxonomy, code, language) }
                return term
            }
        }
        values["has_terms"] = !matter.persons.isEmpty || !matter.activities.isEmpty || !matter.countries.isEmpty
        if let image = matter.image {
            values["image"] = ["src": image, "alt": matter.imageAlt ?? ""]
        }
        values["translations"] = page.translations.map { translation -> [String: Any] in
            ["lang": translation.language, "url": translation.url,
             "name": strings.text("language_name", language: translation.language) ?? translation.language]
        }
        if let record = page.source.focalPoint { values["focal_point"] = focalPoint(record, language: language) }
        if let contacts = contacts(for: page) { values["contacts"] = contacts }
        return values
    }

    /// The JSON-LD of a content page, with the joint notice as its credit text.
    func structuredData(_ page: Page) -> String {
        let notice = page.frontMatter.lead.flatMap { JointNotice.wording(for: $0.value, language: page.source.language, strings: strings) }
        return StructuredData.json(for: page, permalink: permalink(page.url), notice: page.isJoint ? notice : nil, config: graph.config)
    }

    /// The title of a listing: a section's title, a term's label, "Joint activities".
    func listingTitle(_ listing: Listing) -> String {
        switch listing.kind {
        case .section(let index): graph.sections[index].title
        case .term(let taxonomy, let term): termLabel(taxonomy, term, listing.language)
        case .joint: strings.text("joint_activities", language: listing.language) ?? "Joint activities"
        case .all: graph.config.title
        }
    }

    /// Where a term's listing is published: `/persons/refugees/`, `/fr/countries/td/`.
    func termURL(_ taxonomy: Taxonomy, _ term: String, _ language: String) -> String {
        "/" + (PageURL.languagePrefix(language, config: graph.config) + [taxonomy.rawValue, term]).map { $0 + "/" }.joined()
    }

    func termLabel(_ taxonomy: Taxonomy, _ term: String, _ language: String) -> String {
        strings.text(taxonomy.labelKey(for: term), language: language) ?? term
    }

    func taxonomyName(_ taxonomy: Taxonomy, _ language: String) -> String {
        strings.text(taxonomy.nameKey, language: language) ?? taxonomy.rawValue
    }

    /// "News, page 2 of 5".
    func paginatedTitle(_ title: String, _ pagination: Pagination, _ language: String) -> String {
        let format = strings.text("pagination.title", language: language) ?? "{title}, page {number} of {total}"
        return format.replacingOccurrences(of: "{title}", with: title)
            .replacingOccurrences(of: "{number}", with: String(pagination.number))
            .replacingOccurrences(of: "{total}", with: String(pagination.total))
    }

    /// The `pagination` key of a listing page: where this page is and the links around it.
    func pagination(_ pagination: Pagination, base: String, language: String) -> [String: Any] {
        var values: [String: Any] = ["number": pagination.number, "total": pagination.total,
                                     "several": pagination.total > 1]
        if pagination.number > 1 { values["previous_url"] = Pagination.url(base: base, number: pagination.number - 1) }
        if pagination.number < pagination.total { values["next_url"] = Pagination.url(base: base, number: pagination.number + 1) }
        values["pages"] = pagination.window.map { number -> [String: Any] in
            guard let number else { return ["gap": true] }
            return ["number": number, "url": Pagination.url(base: base, number: number), "current": number == pagination.number]
        }
        return values
    }

    /// A short form of a page for listings.
    func item(_ page: Page) -> [String: Any] {
        var values: [String: Any] = ["title": page.title, "url": page.url, "summary": page.summary, "joint": page.isJoint]
        if let date = page.date { values["date"] = self.date(date, language: page.source.language) }
        if let lead = page.frontMatter.lead?.value, page.isJoint {
            values["lead"] = ["code": lead.rawValue, "label": strings.text("leads.\(lead.stringKey)", language: page.source.language) ?? lead.rawValue]
        }
        return values
    }

    func date(_ date: PageDate, language: String) -> [String: Any] {
        ["iso": date.rfc3339, "display": UNDate.display(date, language: language, strings: strings)]
    }
}
