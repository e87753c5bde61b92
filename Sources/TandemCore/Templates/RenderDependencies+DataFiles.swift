/// Digests of what each data file is made from (`SiteDataFiles`), so the
/// preview makes again only the feeds, search indexes and sitemap whose
/// inputs changed. A page enters feeds and search indexes by its card (what
/// an entry or a record shows of it, not its text), the sitemap by its URL
/// and date.
extension RenderDependencies {
    /// The digest of the file `job` makes.
    func digest(of job: SiteDataFiles.Job) -> Int {
        var hasher = Hasher()
        hasher.combine(everything)
        hasher.combine(job.path)
        switch job.kind {
        case .feed(let index):
            let listing = graph.listings[index]
            hasher.combine(listings[index])
            var dated = 0
            for member in listing.members where dated < graph.config.feedSize {
                hasher.combine(card(graph.pages[member]))
                if graph.pages[member].date != nil { dated += 1 }
            }
        case .searchIndex(let language):
            for section in graph.sections where section.language == language {
                hasher.combine(section.folder)
                hasher.combine(section.title)
            }
            for (index, listing) in graph.listings.enumerated() where listing.kind == .all && listing.language == language {
                hasher.combine(listings[index])
                for member in listing.members { hasher.combine(card(graph.pages[member])) }
            }
        case .sitemap:
            for page in graph.pages {
                hasher.combine(page.source.kind.rawValue)
                hasher.combine(page.url)
                hasher.combine(page.date)
            }
            for (index, listing) in graph.listings.enumerated() where listing.hasPages { hasher.combine(listings[index]) }
            for index in graph.taxonomyIndexes { hasher.combine(index.url) }
        case .robots:
            break
        case .nextChange:
            hasher.combine(graph.nextChange?.rfc3339)
        }
        return hasher.finalize()
    }

    /// What feeds, search records and the sitemap show of a page.
    private func card(_ page: Page) -> Int {
        var hasher = Hasher()
        hasher.combine(page.source.path)
        hasher.combine(page.source.kind.rawValue)
        hasher.combine(page.source.language)
        hasher.combine(page.source.section)
        hasher.combine(page.url)
        hasher.combine(page.title)
        hasher.combine(page.summary)
        hasher.combine(page.date)
        hasher.combine(page.frontMatter.persons.map(\.rawValue))
        hasher.combine(page.frontMatter.activities.map(\.rawValue))
        hasher.combine(page.isJoint)
        hasher.combine(page.frontMatter.lead?.value.rawValue)
        return hasher.finalize()
    }
}
