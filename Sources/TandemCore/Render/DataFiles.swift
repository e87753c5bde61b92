import Foundation

/// The machine-readable files of a site: Atom feeds, the sitemap,
/// robots.txt and next-change.json (the search index: `SearchFiles`).
/// The joint notice reaches a joint page's feed entry.
struct DataFiles {
    let site: SiteReader

    /// A context for this output's values (it notes that the output reads the configuration).
    var context: PageContext { PageContext(site: site) }

    /// The UTF-8 of the data file a plan job makes.
    func utf8(of job: SitePlan.Job) -> [UInt8] {
        switch job {
        case .feed(let listing): feed(site.listing(listing)).utf8
        case .sitemap: Array(sitemap().xml.utf8)
        case .robots: Array(Sitemap.robots(sitemapURL: Route(path: "/sitemap.xml").permalink(site.config)).utf8)
        case .nextChange: Array(nextChange().utf8)
        default: []
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

    func sitemap() -> Sitemap {
        let config = site.config
        var urls: [Sitemap.URLEntry] = []
        var newest: [Route: PageDate] = [:]
        // By page index: a listing's newest date is read from here, not from a copy of each member page.
        let addresses = site.allAddresses()
        for address in addresses where address.kind != .section {
            urls.append(.init(location: context.permalink(address.url), lastModified: address.date,
                              alternates: alternates(address, context: context)))
        }
        for language in config.languages {
            for (_, listing) in site.listings(of: language) where listing.hasPages {
                let dates = site.members(of: listing, 0..<site.count(of: listing)).compactMap { addresses[$0].date }
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
    private func alternates(_ address: PageAddress, context: PageContext) -> [(language: String, location: String)] {
        LanguageVersions.alternates(language: address.language, url: address.url, translations: address.translations, config: context.config)
            .map { ($0.language, context.permalink($0.url)) }
    }

    func nextChange() -> String {
        let value = site.nextChange.map { "\"\($0.rfc3339)\"" } ?? "null"
        return "{\"next_change\": \(value)}\n"
    }
}
