import Foundation

/// The machine-readable files of a site: Atom feeds, the sitemap,
/// robots.txt, the search index of each language and next-change.json.
/// The joint notice reaches a joint page's feed entry and search record.
struct SiteDataFiles {
    let graph: SiteGraph
    let templates: TemplateSet
    let context: PageContext

    /// Which file a job makes (the preview decides by it whether to make it again).
    enum Kind {
        /// The feed of the listing at this index of `SiteGraph.listings`.
        case feed(Int)
        case searchIndex(language: String)
        case sitemap
        case robots
        case nextChange
    }

    /// One file, and how to make its text.
    struct Job {
        var path: String
        var kind: Kind
        var make: () -> String
    }

    /// Path inside the output folder → text.
    func files() -> [(String, String)] {
        jobs().map { ($0.path, $0.make()) }
    }

    /// Every file, not made yet.
    func jobs() -> [Job] {
        var jobs: [Job] = []
        for (index, listing) in graph.listings.enumerated() where listing.hasFeed {
            jobs.append(Job(path: String(listing.feedURL.dropFirst()), kind: .feed(index)) { feed(listing).xml })
        }
        for language in graph.config.languages {
            let prefix = PageURL.languagePrefix(language, config: graph.config).map { $0 + "/" }.joined()
            jobs.append(Job(path: prefix + "search/index.json", kind: .searchIndex(language: language)) { searchIndex(language) })
        }
        jobs.append(Job(path: "sitemap.xml", kind: .sitemap) { sitemap().xml })
        jobs.append(Job(path: "robots.txt", kind: .robots) { Sitemap.robots(baseURL: graph.config.baseURL) })
        jobs.append(Job(path: "next-change.json", kind: .nextChange) { nextChange() })
        return jobs
    }

    private func notice(_ page: Page) -> String? {
        guard page.isJoint, let lead = page.frontMatter.lead?.value else { return nil }
        return JointNotice.wording(for: lead, language: page.source.language, strings: templates.strings)
    }

    func feed(_ listing: Listing) -> AtomFeed {
        let title = listing.kind == .all ? graph.config.title : "\(graph.config.title): \(context.listingTitle(listing))"
        let dated = listing.members.filter { graph.pages[$0].date != nil }
        let entries = dated.prefix(graph.config.feedSize).map { index -> AtomFeed.Entry in
            let page = graph.pages[index]
            let permalink = context.permalink(page.url)
            var summary = page.summary
            var authors: [String] = []
            if let notice = notice(page), let lead = page.frontMatter.lead?.value {
                summary = summary.isEmpty ? notice : summary + " " + notice
                authors = Partners.ordered(for: lead).map(\.name)
            }
            let categories = page.frontMatter.persons.map(\.rawValue) + page.frontMatter.activities.map(\.rawValue)
                + (page.isJoint ? ["joint"] : [])
            return AtomFeed.Entry(id: permalink, title: page.title, link: permalink,
                                  updated: page.date!.instant, summary: summary,
                                  authors: authors, categories: categories, language: page.source.language)
        }
        return AtomFeed(id: context.permalink(listing.feedURL), title: title, alternate: context.permalink(listing.url),
                        author: graph.config.title, language: listing.language, entries: Array(entries),
                        fallbackUpdated: Date(timeIntervalSince1970: 0))
    }

    /// Records for the search page: what a reader searches by and what a result shows.
    func searchIndex(_ language: String) -> String {
        guard let all = graph.listings.first(where: { $0.kind == .all && $0.language == language }) else { return "[]\n" }
        let records: [JSONValue] = all.members.map { index in
            let page = graph.pages[index]
            let section = page.source.section.flatMap { folder in
                graph.sections.first { $0.folder == folder && $0.language == language }?.title
            }
            var record: [String: JSONValue] = [
                "title": .string(page.title), "summary": .string(page.summary), "url": .string(page.url),
                "section": .string(section ?? ""),
                "persons": .array(page.frontMatter.persons.map { .string(context.termLabel(.persons, $0.rawValue, language)) }),
                "joint": .bool(page.isJoint),
            ]
            if let date = page.date {
                record["date"] = .string(date.rfc3339)
                record["date_display"] = .string(UNDate.display(date, language: language, strings: templates.strings))
            }
            if let lead = page.frontMatter.lead?.value, page.isJoint {
                record["lead"] = .string(lead.rawValue)
                record["notice"] = .string(notice(page) ?? "")
            }
            return .object(record)
        }
        return JSONValue.array(records).text + "\n"
    }

    func sitemap() -> Sitemap {
        var urls: [Sitemap.URLEntry] = []
        for page in graph.pages where page.source.kind != .section {
            urls.append(.init(location: context.permalink(page.url), lastModified: page.date))
        }
        for listing in graph.listings where listing.hasPages {
            let newest = listing.members.compactMap { graph.pages[$0].date }.max()
            urls.append(.init(location: context.permalink(listing.url), lastModified: newest))
        }
        let homes = Set(graph.pages.filter { $0.source.kind == .home }.map(\.source.language))
        for language in graph.config.languages where !homes.contains(language) {
            let url = "/" + PageURL.languagePrefix(language, config: graph.config).map { $0 + "/" }.joined()
            urls.append(.init(location: context.permalink(url), lastModified: nil))
        }
        for index in graph.taxonomyIndexes {
            urls.append(.init(location: context.permalink(index.url), lastModified: nil))
        }
        for section in graph.sections where section.isFocalPointDirectory {
            for topic in FocalPointDirectory.topics(of: graph.focalPointRecords(of: section)) {
                urls.append(.init(location: context.permalink(FocalPointPaths.topicURL(topic, directoryURL: section.url)), lastModified: nil))
            }
        }
        var seen: Set<String> = []
        return Sitemap(urls: urls.filter { seen.insert($0.location).inserted })
    }

    func nextChange() -> String {
        let value = graph.nextChange.map { "\"\($0.rfc3339)\"" } ?? "null"
        return "{\"next_change\": \(value)}\n"
    }
}
