/// A file of a focal-points folder besides each focal point's page.
enum FocalPointFile: Sendable {
    /// The folder's listing: the directory, grouped rather than paginated.
    case directory(section: Int)
    /// The focal points of one topic (`/focal-points/topics/refugees/`).
    case topic(section: Int, PersonsCategory)
    /// The vCard of the focal point whose page has this index (`/focal-points/ID.vcf`).
    case card(page: Int)
    /// Every card of the folder, in the directory's order (`/focal-points/all.vcf`).
    case allCards(section: Int)
}

extension SitePlan {
    /// The directory and the topic listings of each focal-points folder, in
    /// every language; the vCards once, beside the default language's pages
    /// (a person has one card, whatever the language of the page).
    mutating func addFocalPointFiles(_ graph: SiteGraph) {
        for (index, section) in graph.sections.enumerated() where section.isFocalPointDirectory {
            let claim = section.indexPage.map {
                Claim(description: graph.pages[$0].source.path, location: SourceLocation(path: graph.pages[$0].source.path, line: 1, column: 1))
            } ?? Claim(description: "the focal-point directory at \(section.url)")
            add(.focalPoints(.directory(section: index)), section.url, claim: claim)
            let records = graph.focalPointRecords(of: section)
            for topic in FocalPointDirectory.topics(of: records) {
                let url = FocalPointPaths.topicURL(topic, directoryURL: section.url)
                add(.focalPoints(.topic(section: index, topic)), url, claim: .init(description: "the focal points of \(url)"))
            }
            guard section.language == graph.config.defaultLanguage else { continue }
            for page in section.members where graph.pages[page].source.focalPoint != nil {
                add(.focalPoints(.card(page: page)), FocalPointPaths.cardURL(pageURL: graph.pages[page].url),
                    claim: .init(description: "the vCard of \(graph.pages[page].source.path)",
                                 location: SourceLocation(path: graph.pages[page].source.path, line: 1, column: 1)))
            }
            if !records.isEmpty {
                add(.focalPoints(.allCards(section: index)), FocalPointPaths.allCardsURL(directoryURL: section.url),
                    claim: .init(description: "the vCards of all focal points"))
            }
        }
    }
}

extension Listing {
    /// Whether this is the listing of a focal-points folder, which the directory replaces.
    func isFocalPointDirectory(in graph: SiteGraph) -> Bool {
        guard case .section(let index) = kind else { return false }
        return graph.sections[index].isFocalPointDirectory
    }
}
