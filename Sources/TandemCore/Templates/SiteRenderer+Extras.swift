/// Generated pages that are not listings: redirects for aliases, the 404
/// page and the search page.
extension SiteRenderer {
    func renderAlias(_ page: Page, _ alias: Located<String>, outputPath: String) -> JobResult {
        var values = context.common(language: page.source.language, url: alias.value)
        values["page"] = ["title": page.title, "url": page.url, "permalink": context.permalink(page.url),
                          "kind": "alias", "summary": page.summary, "translations": [] as [Any]]
        values["target"] = page.url
        values["target_permalink"] = context.permalink(page.url)
        return finish(values, page: nil, layout: "alias", outputPath: outputPath, extra: [])
    }

    func renderNotFound(outputPath: String) -> JobResult {
        let language = graph.config.defaultLanguage
        var values = context.common(language: language, url: "/404.html")
        values["page"] = ["title": templates.strings.text("not_found.title", language: language) ?? "Page not found",
                          "url": "/404.html", "permalink": context.permalink("/404.html"), "kind": "404",
                          "summary": "", "translations": [] as [Any]]
        addBrowseLinks(&values, language: language)
        return finish(values, page: nil, layout: "not-found", outputPath: outputPath, extra: [])
    }

    func renderSearch(_ language: String, outputPath: String) -> JobResult {
        let prefix = "/" + PageURL.languagePrefix(language, config: graph.config).map { $0 + "/" }.joined()
        let url = prefix + "search/"
        var values = context.common(language: language, url: url)
        values["page"] = ["title": templates.strings.text("search.title", language: language) ?? "Search",
                          "url": url, "permalink": context.permalink(url), "kind": "search",
                          "summary": "", "translations": [] as [Any]]
        values["search_index_url"] = url + "index.json"
        addBrowseLinks(&values, language: language)
        return finish(values, page: nil, layout: "search", outputPath: outputPath, extra: [])
    }

    /// Links to the taxonomy indexes and the joint activities: how to find pages without search.
    private func addBrowseLinks(_ values: inout [String: Any], language: String) {
        var links: [[String: Any]] = graph.taxonomyIndexes.filter { $0.language == language }.map {
            ["title": context.taxonomyName($0.taxonomy, language), "url": $0.url]
        }
        if let joint = graph.listings.first(where: { $0.kind == .joint && $0.language == language }) {
            links.append(["title": context.listingTitle(joint), "url": joint.url])
        }
        values["browse"] = links
    }
}
