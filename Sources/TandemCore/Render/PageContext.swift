import Foundation
import Mustache

/// Turns the typed model into the dictionaries Mustache renders (dictionaries
/// render about three times faster than structs): the one place where the
/// pipeline's values meet the templates' names, and where routes become the
/// links written into pages (`Route.href`). The keys are documented in
/// `Defaults/README.md` for web staff.
struct PageContext {
    let site: SiteReader
    /// Nearly every value reads it. The graph's own box (`SiteReader.sharedConfig`):
    /// making a context, or copying one (each closure that makes values later
    /// holds one), retains one object, not each of the configuration's texts and lists.
    @Indirect var config: SiteConfig

    init(site: SiteReader) {
        self.site = site
        _config = site.sharedConfig
    }

    /// The keys every layout gets: site, language, strings, navigation.
    func common(language: String, url: Route) -> MustacheValues {
        var values = site.shared(.commonValues(language: language)) { languageValues(language) }
        values["nav"] = site.navigation(language).enumerated().map { index, entry in
            let current = url.path.hasPrefix(entry.url.path)
            return element(.navigation(language: language, index: index, current: current)) {
                ["title": entry.untitledFolder.flatMap { site.text("sections.\($0)", language) } ?? entry.title,
                 "url": href(entry.url), "current": current]
            }
        }
        values["url"] = href(url)
        values["permalink"] = permalink(url)
        return values
    }

    /// The keys of `common` that are the same on every page of a language.
    private func languageValues(_ language: String) -> MustacheValues {
        let table = site.stringTable(language)
        var values: MustacheValues = [
            "site": ["title": config.title(in: language), "description": config.description(in: language), "base_url": config.baseURL,
                     "home_url": href(Route.home(language, config: config))] as MustacheValues,
            "lang": language,
            "dir": (table["direction"] as? String) ?? "ltr",
            "strings": table,
            "assets_url": href(Route.assets),
            "search_url": href(Route.home(language, config: config).appending(folders: ["search"])),
        ]
        if let feed = site.firstListing(of: language, where: { $0.kind == .all && $0.hasFeed }) {
            values["site_feed_url"] = href(feed.feedURL)
        }
        return values
    }

    /// The link to a route, as written into pages.
    func href(_ url: Route) -> String {
        url.href(config)
    }

    func permalink(_ url: Route) -> String {
        url.permalink(config)
    }

    /// The `page` key of a generated page (a listing, the search page, ...).
    func generatedPage(title: String, url: Route, kind: String, summary: String = "", extra: MustacheValues = [:]) -> MustacheValues {
        var values: MustacheValues = ["title": title, "url": href(url), "permalink": permalink(url), "kind": kind,
                                      "summary": summary, "translations": [] as [Any]]
        values.merge(extra) { _, new in new }
        return values
    }

    /// The `page` key: a page's own values; `content` is the body's HTML as UTF-8 (`RenderedMarkdown.utf8`).
    func page(_ page: Page, content: [UInt8]) -> MustacheValues {
        let matter = page.frontMatter
        let language = page.source.language
        var values: MustacheValues = [
            "title": page.title,
            "url": href(page.url),
            "permalink": permalink(page.url),
            "summary": page.summary,
            "content": MustacheUTF8Text(content),
            "kind": page.source.kind.rawValue,
            "joint": page.isJoint,
        ]
        if let date = page.date { values["date"] = self.date(date, language: language) }
        if let lead = matter.lead?.value, matter.joint {
            values["lead"] = ["code": lead.rawValue, "label": site.text("leads.\(lead.stringKey)", language) ?? lead.rawValue] as MustacheValues
        }
        let linked = page.source.kind == .page
        for taxonomy in [Taxonomy.persons, .activities, .countries] {
            values[MustacheKey(taxonomy.rawValue)] = taxonomy.terms(of: matter).map { code in
                element(.term(taxonomy, code: code, language: language, linked: linked)) {
                    // An unlinked term's `url` is null, so that `{{#url}}` does not find the page's own.
                    ["code": code, "label": termLabel(taxonomy, code, language),
                     "url": linked ? href(termURL(taxonomy, code, language)) : NSNull()]
                }
            }
        }
        values["has_terms"] = !matter.persons.isEmpty || !matter.activities.isEmpty || !matter.countries.isEmpty
        if case .success(let image)? = image(of: page) {
            values["image"] = imageValues(image, alt: matter.imageAlt ?? "")
        }
        values["translations"] = page.translations.map { translation -> MustacheValues in
            ["lang": translation.language, "url": href(translation.url),
             "name": site.text("language_name", translation.language) ?? translation.language]
        }
        values["alternates"] = alternates(page)
        if let record = page.source.focalPoint { values["focal_point"] = focalPoint(record, language: language) }
        if let contacts = contacts(for: page) { values["contacts"] = contacts }
        return values
    }

    /// The `<link rel="alternate" hreflang>` of a translated page, by absolute URL (`LanguageVersions`).
    func alternates(_ page: Page) -> [MustacheValues] {
        LanguageVersions.alternates(language: page.source.language, url: page.url, translations: page.translations, config: config)
            .map { ["lang": $0.language, "permalink": permalink($0.url)] }
    }

    /// The JSON-LD of a content page, with the joint notice as its credit text.
    func structuredData(_ page: Page) -> String {
        let language = page.source.language
        let notice = page.frontMatter.lead.flatMap { JointNotice.wording(for: $0.value, language: language, strings: site.strings(for: language)) }
        let image = try? image(of: page)?.get().shared.url
        return StructuredData.json(for: page, permalink: permalink(page.url), notice: page.isJoint ? notice : nil,
                                   image: image, config: config, name: { agencyName($0, language: language) })
    }

    /// The page's `image:`, checked like a link (`PageImage`); nil when it has none.
    func image(of page: Page) -> Result<PageImage, Diagnostic>? {
        guard let value = page.frontMatter.image else { return nil }
        return PageImage.resolve(value, at: page.frontMatter.imageLocation ?? SourceLocation(path: page.source.path, line: 1, column: 1),
                                 page: page.source.contentPath, site: site)
    }

    /// What templates get of a page's image: `src`, `alt`; for an image of
    /// `content/` its `picture` (the HTML of `ImageMarkup`, loaded at once),
    /// `srcset` (original format), `avif_srcset`, `webp_srcset`, `sizes`,
    /// `width` and `height`; and what to share: `og_url`, `og_width`, `og_height`.
    func imageValues(_ image: PageImage, alt: String) -> MustacheValues {
        var values: MustacheValues = ["alt": alt, "og_url": image.shared.url]
        switch image {
        case .processed(let linked):
            values["picture"] = ImageMarkup.html(linked, alt: alt, title: nil, eager: true)
            values["src"] = linked.fallback.href
            values["sizes"] = linked.sizes
            values["has_size"] = true
            (values["width"], values["height"]) = (String(linked.width), String(linked.height))
            (values["og_width"], values["og_height"]) = (String(linked.fallback.width), String(linked.fallback.height))
            for set in linked.sourceSets where set.variants.count > 1 || set.format != linked.format {
                values[MustacheKey(set.format == linked.format ? "srcset" : "\(set.format.rawValue)_srcset")] = set.srcset
            }
        case .file(let href, _): values["src"] = href
        case .external(let url): values["src"] = url
        }
        return values
    }

    /// The JSON-LD of a listing or another generated page.
    func collectionData(name: String, url: Route, language: String) -> String {
        StructuredData.json(name: name, permalink: permalink(url), language: language, config: config)
    }

    /// The title of a listing: a section's title, a term's label, "Joint activities".
    func listingTitle(_ listing: Listing) -> String {
        switch listing.kind {
        case .section(let index): sectionTitle(site.section(index))
        case .term(let taxonomy, let term): termLabel(taxonomy, term, listing.language)
        case .joint: site.text("joint_activities", listing.language) ?? "Joint activities"
        case .all: config.title(in: listing.language)
        }
    }

    /// A section's title: its `_index.md`'s, else the strings' `sections.FOLDER` in its language.
    func sectionTitle(_ section: Section) -> String {
        site.displayTitle(of: section)
    }

    /// Where a term's listing is published: `/persons/refugees/`, `/fr/countries/td/`.
    func termURL(_ taxonomy: Taxonomy, _ term: String, _ language: String) -> Route {
        Route.folder([taxonomy.rawValue, term], language: language, config: config)
    }

    func termLabel(_ taxonomy: Taxonomy, _ term: String, _ language: String) -> String {
        if taxonomy == .countries { return CountryNames.name(term, language: language, strings: site.strings(for: language)) }
        return site.text(taxonomy.labelKey(for: term), language) ?? term
    }

    func taxonomyName(_ taxonomy: Taxonomy, _ language: String) -> String {
        site.text(taxonomy.nameKey, language) ?? taxonomy.rawValue
    }

    /// "News, page 2 of 5".
    func paginatedTitle(_ title: String, _ pagination: Pagination, _ language: String) -> String {
        let format = site.text("pagination.title", language) ?? "{title}, page {number} of {total}"
        return Placeholders.fill(format, ["title": title, "number": String(pagination.number), "total": String(pagination.total)])
    }

    /// The `pagination` key of a listing page: where this page is and the links around it.
    func pagination(_ pagination: Pagination, base: Route, language: String) -> MustacheValues {
        var values: MustacheValues = ["number": pagination.number, "total": pagination.total,
                                      "several": pagination.total > 1]
        if pagination.number > 1 { values["previous_url"] = href(base.page(pagination.number - 1)) }
        if pagination.number < pagination.total { values["next_url"] = href(base.page(pagination.number + 1)) }
        values["pages"] = pagination.window.map { number -> MustacheValues in
            guard let number else { return ["gap": true] }
            return ["number": number, "url": href(base.page(number)), "current": number == pagination.number]
        }
        return values
    }

    /// An element of a list that many outputs show alike: in `tandem build`
    /// and `tandem check` a `MustacheLazyElement` with the element's memo for
    /// the run, whose values are made only for a body that renders (see
    /// `item`); in the preview, the values.
    func element(_ shared: SharedElement, values: @escaping () -> MustacheValues) -> Any {
        guard let memo = site.elementMemo(shared) else { return values() }
        return MustacheLazyElement(memo: memo, values: values)
    }

    /// A page's entry in a listing. In `tandem build` and `tandem check` it is
    /// a `MustacheLazyElement` with the page's memo for the run
    /// (`SiteReader.listingMemo`): a listing template's body for the entry
    /// renders once, every other listing showing the page appends that text
    /// (`MustacheMemo`: only when the body reads nothing but the entry), and
    /// the entry's values are made only for a body that renders. What the
    /// values read is noted for every listing all the same (`SiteReader.noteEntry`).
    func item(page index: Int) -> Any {
        guard let memo = site.listingMemo(index) else { return itemValues(page: index) }
        site.noteEntry(index)
        return MustacheLazyElement(memo: memo) { itemValues(page: index) }
    }

    /// The values of a page's entry. Every key is present, a missing value as
    /// null, so that a body reading `date` or `lead` finds it in the entry and
    /// not around the list.
    func itemValues(page index: Int) -> MustacheValues {
        let card = site.card(index)
        var values: MustacheValues = ["title": card.title, "url": href(card.url), "summary": card.summary, "joint": card.isJoint,
                                      "date": NSNull(), "lead": NSNull()]
        if let date = card.date { values["date"] = self.date(date, language: card.language) }
        if let lead = card.lead {
            values["lead"] = ["code": lead.rawValue, "label": site.text("leads.\(lead.stringKey)", card.language) ?? lead.rawValue] as MustacheValues
        }
        return values
    }

    func date(_ date: PageDate, language: String) -> MustacheValues {
        ["iso": date.rfc3339, "display": UNDate.display(date, language: language, strings: site.strings(for: language))]
    }
}
