import Mustache
import Foundation

/// Listing pages: sections, taxonomy terms and joint activities, page by
/// page; the index of each taxonomy; the home page's latest items.
extension SiteRenderer {
    func renderListingPage(_ index: Int, _ pagination: Pagination, outputPath: String) -> Made {
        let listing = site.listing(index)
        let url = listing.url.page(pagination.number)
        var values = context.common(language: listing.language, url: url)
        var diagnostics: [Diagnostic] = []
        var page: Page?
        var layoutName = "list"
        let title = context.listingTitle(listing)
        switch listing.kind {
        case .section(let sectionIndex):
            let section = site.section(sectionIndex)
            layoutName = site.layout("\(section.folder.split(separator: "/")[0])/list", else: "list")
            if let indexPage = section.indexPage.map(site.page) {
                // The text of `_index.md` shows (and is checked) on the first page only.
                let markdown = pagination.number == 1 ? renderMarkdown(indexPage) : RenderedMarkdown(html: "", diagnostics: [])
                diagnostics = markdown.diagnostics
                if pagination.number == 1, case .failure(let problem)? = context.image(of: indexPage) { diagnostics.append(problem) }
                var pageValues = context.page(indexPage, content: markdown.utf8)
                pageValues["url"] = context.href(url)
                values["page"] = pageValues
                layoutName = site.layoutName(for: indexPage.source) ?? layoutName
                page = indexPage
            }
        case .term(let taxonomy, _):
            layoutName = site.layout("\(taxonomy.rawValue)/list", else: site.layout("term", else: "list"))
            values["taxonomy"] = ["name": context.taxonomyName(taxonomy, listing.language),
                                  "url": context.href(listing.url.parent)] as MustacheValues
        case .joint, .all:
            layoutName = site.layout("joint/list", else: "list")
        }
        if values["page"] == nil {
            values["page"] = context.generatedPage(title: title, url: url, kind: "list", extra: [
                "persons": [] as [Any], "activities": [] as [Any], "countries": [] as [Any]])
        }
        if pagination.number > 1, var pageValues = values["page"] as? MustacheValues {
            pageValues["title"] = context.paginatedTitle(title, pagination, listing.language)
            // The other languages' listings are not paginated alike: only page 1 names its translations.
            pageValues["alternates"] = [] as [Any]
            values["page"] = pageValues
        }
        values["items"] = site.members(of: listing, pagination.range).map { context.item(page: $0) }
        values["pagination"] = context.pagination(pagination, base: listing.url, language: listing.language)
        if listing.hasFeed { values["feed_url"] = context.href(listing.feedURL) }
        values["json_ld"] = context.collectionData(name: title, url: url, language: listing.language)
        return finish(values, page: page, layout: layoutName, outputPath: outputPath, extra: diagnostics)
    }

    func renderTaxonomyIndex(_ index: TaxonomyIndex, outputPath: String) -> Made {
        var values = context.common(language: index.language, url: index.url)
        let name = context.taxonomyName(index.taxonomy, index.language)
        values["page"] = context.generatedPage(title: name, url: index.url, kind: "taxonomy")
        var terms: [(label: String, values: MustacheValues)] = index.terms.map { term in
            let listing = site.listing(term.listing)
            let label = context.termLabel(index.taxonomy, term.term, index.language)
            return (label, ["label": label, "url": context.href(listing.url), "count": site.count(of: listing), "code": term.term])
        }
        if index.taxonomy == .countries {
            let locale = Locale(identifier: index.language)
            terms.sort { $0.label.compare($1.label, locale: locale) == .orderedAscending }
        }
        values["terms"] = terms.map(\.values)
        values["json_ld"] = context.collectionData(name: name, url: index.url, language: index.language)
        return finish(values, page: nil, layout: site.layout("taxonomy", else: "list"), outputPath: outputPath, extra: [])
    }

    func renderGeneratedHome(_ language: String, outputPath: String) -> Made {
        let url = Route.home(language, config: site.config)
        var values = context.common(language: language, url: url)
        values["page"] = context.generatedPage(title: site.config.title(in: language), url: url, kind: "home", summary: site.config.description(in: language))
        addHomeListings(&values, language: language)
        return finish(values, page: nil, layout: site.layout("home", else: "list"), outputPath: outputPath, extra: [])
    }

    /// The home page lists the latest items of each section and the latest joint activities.
    func addHomeListings(_ values: inout MustacheValues, language: String) {
        let count = site.config.homeItems
        let listings = site.listings(of: language).map(\.listing)
        values["sections"] = listings.compactMap { listing -> MustacheValues? in
            guard case .section(let index) = listing.kind else { return nil }
            let section = site.section(index)
            guard !section.folder.contains("/"), section.folder != ContentPath.focalPointsFolder else { return nil }
            return ["title": context.sectionTitle(section), "url": context.href(section.url),
                    "items": site.members(of: listing, 0..<count).map { context.item(page: $0) }]
        }
        let joint = listings.first { $0.kind == .joint }
        values["latest_joint"] = joint.map { site.members(of: $0, 0..<count).map { context.item(page: $0) } } ?? []
        if let joint { values["joint_url"] = context.href(joint.url) }
        if let all = listings.first(where: { $0.kind == .all }), all.hasFeed {
            values["feed_url"] = context.href(all.feedURL)
        }
    }
}
