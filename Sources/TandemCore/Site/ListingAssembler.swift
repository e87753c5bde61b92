/// Builds the listings of a site from its published pages: one per section,
/// per taxonomy term and for the joint activities of each language, plus the
/// index page of each taxonomy.
enum ListingAssembler {
    static func make(pages: [Page], sections: [Section], config: SiteConfig) -> ([Listing], [TaxonomyIndex]) {
        /// Feeds follow dated pages; a listing without any has none.
        func hasDated(_ members: [Int]) -> Bool { members.contains { pages[$0].date != nil } }
        var listings: [Listing] = sections.enumerated().map { index, section in
            Listing(kind: .section(index), language: section.language, url: section.url, members: section.members,
                    hasFeed: section.folder != ContentPath.focalPointsFolder && hasDated(section.members))
        }
        var indexes: [TaxonomyIndex] = []
        let articles = pages.indices.filter { pages[$0].source.kind == .page }
        let byLanguage = Dictionary(grouping: articles) { pages[$0].source.language }
        for language in config.languages {
            let members = (byLanguage[language] ?? []).sorted { SiteAssembler.listingOrder(pages[$0], pages[$1]) }
            let home = Route.home(language, config: config)
            listings.append(Listing(kind: .all, language: language, url: home, members: members, hasFeed: hasDated(members)))
            let joint = members.filter { pages[$0].isJoint }
            if !joint.isEmpty {
                listings.append(Listing(kind: .joint, language: language, url: home.appending(folders: ["joint"]), members: joint, hasFeed: hasDated(joint)))
            }
            // Each page's front matter is taken out of its box once for all taxonomies (a copy retains each of its fields).
            var membersByTaxonomy = Array(repeating: [String: [Int]](), count: Taxonomy.allCases.count)
            for index in members {
                let matter = pages[index].source.frontMatter
                for (position, taxonomy) in Taxonomy.allCases.enumerated() {
                    for term in taxonomy.terms(of: matter) { membersByTaxonomy[position][term, default: []].append(index) }
                }
            }
            for (taxonomy, termMembers) in zip(Taxonomy.allCases, membersByTaxonomy) {
                guard !termMembers.isEmpty else { continue }
                var terms: [TaxonomyIndex.Term] = []
                for term in order(Array(termMembers.keys), taxonomy) {
                    terms.append(TaxonomyIndex.Term(term: term, listing: listings.count))
                    listings.append(Listing(kind: .term(taxonomy, term), language: language,
                                            url: home.appending(folders: [taxonomy.rawValue, term]), members: termMembers[term]!,
                                            hasFeed: hasDated(termMembers[term]!)))
                }
                indexes.append(TaxonomyIndex(taxonomy: taxonomy, language: language,
                                             url: home.appending(folders: [taxonomy.rawValue]), terms: terms))
            }
        }
        return (listings, indexes)
    }

    /// Persons, activities and leads in the order of the MOU's lists; countries by code.
    private static func order(_ terms: [String], _ taxonomy: Taxonomy) -> [String] {
        let canonical: [String]
        switch taxonomy {
        case .persons: canonical = PersonsCategory.allCases.map(\.rawValue)
        case .activities: canonical = Activity.allCases.map(\.rawValue)
        case .lead: canonical = Lead.allCases.map { $0.rawValue.lowercased() }
        case .countries: return terms.sorted()
        }
        return terms.sorted { (canonical.firstIndex(of: $0) ?? 99) < (canonical.firstIndex(of: $1) ?? 99) }
    }
}
