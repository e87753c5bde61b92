/// Listing pages: sections, taxonomy terms and joint activities, page by
/// page; the index of each taxonomy; the home page's latest items.
extension SiteRenderer {
    func renderListingPage(_ index: Int, _ pagination: Pagination, outputPath: String) -> JobResult {
        let listing = graph.listings[index]
        let url = Pagination.url(base: listing.url, number: pagination.number)
        var values = context.common(language: listing.language, url: url)
        var diagnostics: [Diagnostic] = []
        var page: Page?
        var layoutName = "list"
        let title = context.listingTitle(listing)
        switch listing.kind {
        case .section(let section):
            let folder = graph.sections[section].folder
            layoutName = layout("\(folder.split(separator: "/")[0])/list", else: "list")
            if let indexPage = graph.sections[section].indexPage.map({ graph.pages[$0] }) {
                // The text of `_index.md` shows (and is checked) on the first page only.
                let markdown = pagination.number == 1 ? renderMarkdown(indexPage) : RenderedMarkdown(html: "", diagnostics: [])
                diagnostics = markdown.diagnostics
                var pageValues = context.page(indexPage, content: markdown.html)
                pageValues["url"] = url
                values["page"] = pageValues
                layoutName = templates.layoutName(for: indexPage.source) ?? layoutName
                page = indexPage
            }
        case .term(let taxonomy, _):
            layoutName = layout("\(taxonomy.rawValue)/list", else: layout("term", else: "list"))
            values["taxonomy"] = ["name": context.taxonomyName(taxonomy, listing.language),
                                  "url": PageURL.parent(of: listing.url)]
        case .joint, .all:
            layoutName = layout("joint/list", else: "list")
        }
        if values["page"] == nil {
            values["page"] = ["title": title, "url": url, "permalink": context.permalink(url), "kind": "list",
                              "summary": "", "translations": [] as [Any], "persons": [] as [Any], "activities": [] as [Any],
                              "countries": [] as [Any]]
        }
        if pagination.number > 1, var pageValues = values["page"] as? [String: Any] {
            pageValues["title"] = context.paginatedTitle(title, pagination, listing.language)
            values["page"] = pageValues
        }
        values["items"] = listing.members[pagination.range].map { context.item(graph.pages[$0]) }
        values["pagination"] = context.pagination(pagination, base: listing.url, language: listing.language)
        if listing.hasFeed { values["feed_url"] = listing.feedURL }
        values["json_ld"] = StructuredData.json(name: title, permalink: context.permalink(url), language: listing.language, config: graph.config)
        return finish(values, page: page, layout: layoutName, outputPath: outputPath, extra: diagnostics)
    }

    func renderTaxonomyIndex(_ index: TaxonomyIndex, outputPath: String) -> JobResult {
        var values = context.common(language: index.language, url: index.url)
        let name = context.taxonomyName(index.taxonomy, index.language)
        values["page"] = ["title": name, "url": index.url, "permalink": context.permalink(index.url), "kind": "taxonomy",
                          "summary": "", "translations": [] as [Any]]
        var terms: [[String: Any]] = index.terms.map { term, listing in
            ["label": context.termLabel(index.taxonomy, term, index.language), "url": graph.listings[listing].url,
             "count": graph.listings[listing].members.count, "code": term]
        }
        if index.taxonomy == .countries {
            terms.sort { ($0["label"] as! String) < ($1["label"] as! String) }
        }
        values["terms"] = terms
        values["json_ld"] = StructuredData.json(name: name, permalink: context.permalink(index.url), language: index.language, config: graph.config)
        return finish(values, page: nil, layout: layout("taxonomy", else: "list"), outputPath: outputPath, extra: [])
    }

    func renderGeneratedHome(_ language: String, outputPath: String) -> JobResult {
        let url = "/" + PageURL.languagePrefix(language, config: graph.config).map { $0 + "/" }.joined()
        var values = context.common(language: language, url: url)
        values["page"] = ["title": graph.config.title, "url": url, "permalink": context.permalink(url),
                          "summary": graph.config.description, "kind": "home", "translations": [] as [Any]]
        addHomeListings(&values, language: language)
        return finish(values, page: nil, layout: layout("home", else: "list"), outputPath: outputPath, extra: [])
    }

    /// The home page lists the latest items of each section and the latest joint activities.
    func addHomeListings(_ values: inout [String: Any], language: String) {
        let count = graph.config.homeItems
        values["sections"] = graph.listings.compactMap { listing -> [String: Any]? in
            guard case .section(let index) = listing.kind, listing.language == language else { return nil }
            let section = graph.sections[index]
            guard !section.folder.contains("/"), section.folder != ContentPath.focalPointsFolder else { return nil }
            return ["title": section.title, "url": section.url,
                    "items": listing.members.prefix(count).map { context.item(graph.pages[$0]) }]
        }
        let joint = graph.listings.first { $0.kind == .joint && $0.language == language }
        values["latest_joint"] = (joint?.members.prefix(count) ?? []).map { context.item(graph.pages[$0]) }
        if let joint { values["joint_url"] = joint.url }
        if let all = graph.listings.first(where: { $0.kind == .all && $0.language == language }), all.hasFeed {
            values["feed_url"] = all.feedURL
        }
    }
}
