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
        return [
            "site": ["title": config.title, "description": config.description, "base_url": config.baseURL,
                     "home_url": "/" + PageURL.languagePrefix(language, config: config).map { $0 + "/" }.joined()],
            "lang": language,
            "dir": (table["direction"] as? String) ?? "ltr",
            "strings": table,
            "nav": nav,
            "url": url,
            "permalink": permalink(url),
            "assets_url": "/assets/",
        ]
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
        values["persons"] = matter.persons.map { term("persons", $0.rawValue, language) }
        values["activities"] = matter.activities.map { term("activities", $0.rawValue, language) }
        values["countries"] = matter.countries.map { term("countries", $0.value, language) }
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

    /// A taxonomy term with its human label from the strings (`persons.idps`).
    private func term(_ taxonomy: String, _ code: String, _ language: String) -> [String: Any] {
        ["code": code, "label": strings.text("\(taxonomy).\(code)", language: language) ?? code]
    }
}
