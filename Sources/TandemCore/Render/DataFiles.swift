import Foundation

/// The machine-readable files of a site: Atom feeds, the sitemap,
/// robots.txt, the search index of each language and next-change.json.
/// The joint notice reaches a joint page's feed entry and search record.
struct DataFiles {
    let site: SiteReader
    /// For the preview: search records kept from earlier runs.
    var fragments: FragmentCache? = nil

    var context: PageContext { PageContext(site: site) }

    /// The text of the data file a plan job makes.
    func text(of job: SitePlan.Job) -> String {
        switch job {
        case .feed(let listing): feed(site.listing(listing)).xml
        case .searchIndex(let language): searchIndex(language)
        case .sitemap: sitemap().xml
        case .robots: Sitemap.robots(sitemapURL: Route(path: "/sitemap.xml").permalink(site.config))
        case .nextChange: nextChange()
        default: ""
        }
    }

    private func notice(_ card: PageCard) -> String? {
        guard card.isJoint, let lead = card.lead else { return nil }
        return JointNotice.wording(for: lead, language: card.language, strings: site.strings(for: card.language))
    }

    func feed(_ listing: Listing) -> AtomFeed {
        let config = site.config
        let siteTitle = config.title(in: listing.language)
        let title = listing.kind == .all ? siteTitle : "\(siteTitle): \(context.listingTitle(listing))"
        // Dated pages come first in a listing, so the newest dated ones are at its start.
        let cards = site.members(of: listing, 0..<config.feedSize).map(site.card).filter { $0.date != nil }
        let entries = cards.map { card -> AtomFeed.Entry in
            let permalink = context.permalink(card.url)
            var summary = card.summary
            var authors: [String] = []
            if let notice = notice(card), let lead = card.lead {
                summary = summary.isEmpty ? notice : summary + " " + notice
                authors = Partners.ordered(for: lead).map { context.agencyName($0.agency, language: card.language) }
            }
            let categories = card.persons.map(\.rawValue) + card.activities.map(\.rawValue) + (card.isJoint ? ["joint"] : [])
            return AtomFeed.Entry(id: permalink, title: card.title, link: permalink,
                                  updated: card.date!.instant, summary: summary,
                                  authors: authors, categories: categories, language: card.language)
        }
        return AtomFeed(id: context.permalink(listing.feedURL), title: title, alternate: context.permalink(listing.url),
                        author: siteTitle, language: listing.language, entries: entries,
                        fallbackUpdated: Date(timeIntervalSince1970: 0))
    }

    /// Records for the search page: what a reader searches by and what a result shows.
    func searchIndex(_ language: String) -> String {
        guard let all = site.listings(of: language).map(\.listing).first(where: { $0.kind == .all }) else { return "[]\n" }
        var sectionTitles: [String: String] = [:]
        for section in site.sections(of: language) { sectionTitles[section.folder] = section.title }
        // A kept record was made from these: everything `searchRecord` reads, read here through the reader.
        let (strings, basePath) = (site.stringsDigest(language), site.config.basePath)
        var text = "["
        for (position, index) in site.members(of: all, 0..<site.count(of: all)).enumerated() {
            let card = site.card(index)
            let section = card.section.flatMap { sectionTitles[$0] } ?? ""
            if position > 0 { text += "," }
            guard let fragments else {
                searchRecord(card, section: section, language: language).write(to: &text)
                continue
            }
            let madeFrom = SearchRecordSource(card: card, section: section, strings: strings, basePath: basePath, language: language)
            text += fragments.fragment(card.path + "#search", madeFrom: madeFrom) {
                searchRecord(card, section: section, language: language).text
            }
        }
        return text + "]\n"
    }

    /// What a reader searches a page by and what its result shows.
    private func searchRecord(_ card: PageCard, section: String, language: String) -> JSONValue {
            var record: [String: JSONValue] = [
                "title": .string(card.title), "summary": .string(card.summary), "url": .string(context.href(card.url)),
                "section": .string(section),
                "persons": .array(card.persons.map { .string(context.termLabel(.persons, $0.rawValue, language)) }),
                "joint": .bool(card.isJoint),
            ]
            if let date = card.date {
                record["date"] = .string(date.rfc3339)
                record["date_display"] = .string(UNDate.display(date, language: language, strings: site.strings(for: language)))
            }
            if let lead = card.lead {
                record["lead"] = .string(lead.rawValue)
                record["notice"] = .string(notice(card) ?? "")
            }
            return .object(record)
    }

    func sitemap() -> Sitemap {
        let config = site.config
        var urls: [Sitemap.URLEntry] = []
        var newest: [Route: PageDate] = [:]
        for address in site.allAddresses() where address.kind != .section {
            urls.append(.init(location: context.permalink(address.url), lastModified: address.date,
                              alternates: alternates(address, config: config)))
        }
        for language in config.languages {
            for (_, listing) in site.listings(of: language) where listing.hasPages {
                let dates = site.members(of: listing, 0..<site.count(of: listing)).compactMap { site.address($0).date }
                newest[listing.url] = dates.max()
                urls.append(.init(location: context.permalink(listing.url), lastModified: newest[listing.url]))
            }
            urls.append(.init(location: context.permalink(Route.home(language, config: config)), lastModified: nil))
            for index in site.taxonomyIndexes(of: language) {
                urls.append(.init(location: context.permalink(index.url), lastModified: nil))
            }
        }
        for section in site.focalPointDirectories() {
            for topic in FocalPointDirectory.topics(of: site.focalPointRecords(of: section)) {
                urls.append(.init(location: context.permalink(FocalPointPaths.topicURL(topic, directoryURL: section.url)), lastModified: nil))
            }
        }
        var seen: Set<String> = []
        return Sitemap(urls: urls.filter { seen.insert($0.location).inserted })
    }

    /// The language versions of a translated page and its `x-default`, as `PageContext.alternates` gives them.
    private func alternates(_ address: PageAddress, config: SiteConfig) -> [(language: String, location: String)] {
        LanguageVersions.alternates(language: address.language, url: address.url, translations: address.translations, config: config)
            .map { ($0.language, context.permalink($0.url)) }
    }

    func nextChange() -> String {
        let value = site.nextChange.map { "\"\($0.rfc3339)\"" } ?? "null"
        return "{\"next_change\": \(value)}\n"
    }
}

/// What a page's search record is made from (`DataFiles.searchRecord`).
private struct SearchRecordSource: Hashable {
    var card: PageCard
    var section: String
    /// The digest of the language's strings (labels, dates, the notice).
    var strings: Int
    /// What links need of the configuration.
    var basePath: String
    var language: String
}
