import Mustache
/// Generated pages that are not listings: redirects for aliases, the 404
/// page and the search page.
extension SiteRenderer {
    func renderAlias(_ page: Page, _ alias: Located<String>, url: Route, outputPath: String) -> Made {
        var values = context.common(language: page.source.language, url: url)
        values["page"] = context.generatedPage(title: page.title, url: page.url, kind: "alias", summary: page.summary)
        values["target"] = context.href(page.url)
        values["target_permalink"] = context.permalink(page.url)
        return finish(values, page: nil, layout: "alias", outputPath: outputPath, extra: [])
    }

    func renderNotFound(_ language: String, url: Route, outputPath: String) -> Made {
        var values = context.common(language: language, url: url)
        values["page"] = context.generatedPage(title: site.text("not_found.title", language) ?? "Page not found", url: url, kind: "404")
        addBrowseLinks(&values, language: language)
        return finish(values, page: nil, layout: "not-found", outputPath: outputPath, extra: [])
    }

    func renderSearch(_ language: String, url: Route, outputPath: String) -> Made {
        var values = context.common(language: language, url: url)
        values["page"] = context.generatedPage(title: site.text("search.title", language) ?? "Search", url: url, kind: "search")
        let pages = site.firstListing(of: language, where: { $0.kind == .all }).map(site.count(of:)) ?? 0
        values["search"] = [
            "terms_url": context.href(SearchFiles.termsURL(url, bucket: 0).parent),
            "pages_url": context.href(SearchFiles.pagesURL(url, block: 0).parent),
            "buckets": SearchBuckets.count(pages: pages), "block": SearchFiles.blockSize,
            "filters": site.taxonomyIndexes(of: language).map { index -> MustacheValues in
                ["name": index.taxonomy.rawValue, "label": context.taxonomyName(index.taxonomy, language),
                 "terms": index.terms.map { ($0.term, context.termLabel(index.taxonomy, $0.term, language)) }
                     .sorted { $0.1 < $1.1 }.map { term, label -> MustacheValues in
                         ["value": term, "label": label, "url": context.href(SearchFiles.facetURL(url, taxonomy: index.taxonomy, term: term))]
                     }]
            },
        ] as MustacheValues
        addBrowseLinks(&values, language: language)
        return finish(values, page: nil, layout: "search", outputPath: outputPath, extra: [])
    }

    /// Links to the taxonomy indexes and the joint activities: how to find pages without search.
    private func addBrowseLinks(_ values: inout MustacheValues, language: String) {
        var links: [MustacheValues] = site.taxonomyIndexes(of: language).map {
            ["title": context.taxonomyName($0.taxonomy, language), "url": context.href($0.url)]
        }
        if let joint = site.firstListing(of: language, where: { $0.kind == .joint }) {
            links.append(["title": context.listingTitle(joint), "url": context.href(joint.url)])
        }
        values["browse"] = links
    }
}
