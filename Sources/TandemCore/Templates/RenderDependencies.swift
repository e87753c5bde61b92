import Foundation

/// For each file of the render plan, a digest of everything its context is
/// made from, computed from the site graph without making the context: when
/// a file's digest is the one it had when it was last rendered, the preview
/// keeps the file without even making its context. It stands in for
/// `SiteRenderer`'s reads, so it must cover all of them:
///
/// - everything: the template set, every published URL and unpublished path
///   (link targets), the sections, the focal points (contact blocks show
///   them), and per language the navigation and the language's feed;
/// - a page: its source file as read (a generation number that changes with
///   every read), its URL, summary, translations and contacts, and whether it
///   is under embargo now (its banner);
/// - a listing page: the listing (kind, URL, members by path, feed, section
///   title and index page), the page number, and the pages it shows;
/// - a home page: the listings it shows the start of;
/// - a taxonomy index: its terms, their listings' URLs and sizes;
/// - the 404 and search pages: the taxonomy indexes and joint listing they link to;
/// - the focal-point directory, its topic listings and vCards: the focal points' pages.
///
/// The data files (feeds, search indexes, sitemap) have digests of their own
/// (`RenderDependencies+DataFiles.swift`).
///
/// `tandem.yaml` is not covered: when it changes the preview starts afresh.
/// The never-stale tests check this type against the context fingerprints
/// (`RenderCache.verifiesSkips`).
struct RenderDependencies {
    let graph: SiteGraph
    let everything: Int
    private let languages: [String: Int]
    /// By index into `graph.pages`.
    private let pages: [Int]
    /// By index into `graph.listings`.
    let listings: [Int]

    /// `generations`: for each source path (`content/...`), a number that changes whenever the file is read again.
    init(graph: SiteGraph, templates: Int, generations: [String: Int]) {
        self.graph = graph
        var hasher = Hasher()
        hasher.combine(templates)
        hasher.combine(Self.unordered(graph.urlByContentPath))
        hasher.combine(Self.unordered(graph.hiddenByContentPath))
        for section in graph.sections {
            hasher.combine(section.folder)
            hasher.combine(section.language)
            hasher.combine(section.url)
            hasher.combine(section.title)
        }
        hasher.combine(graph.focalPoints.values.reduce(0) { sum, record in
            var hasher = Hasher()
            hasher.combine(record.path)
            hasher.combine(generations[record.path])
            return sum &+ hasher.finalize()
        })
        everything = hasher.finalize()

        var languages: [String: Int] = [:]
        for language in graph.config.languages {
            var hasher = Hasher()
            hasher.combine(language)
            for entry in graph.navigation[language] ?? [] {
                hasher.combine(entry.title)
                hasher.combine(entry.url)
            }
            for listing in graph.listings where listing.kind == .all && listing.language == language {
                hasher.combine(listing.hasFeed)
                hasher.combine(listing.feedURL)
            }
            languages[language] = hasher.finalize()
        }
        self.languages = languages

        let now = graph.mode.now
        pages = graph.pages.map { page in
            var hasher = Hasher()
            hasher.combine(page.source.path)
            hasher.combine(generations[page.source.path])
            hasher.combine(page.url)
            hasher.combine(page.outputPath)
            hasher.combine(page.summary)
            for translation in page.translations {
                hasher.combine(translation.language)
                hasher.combine(translation.url)
            }
            for group in page.contacts {
                hasher.combine(group.agency.rawValue)
                hasher.combine(group.focalPointIDs)
                hasher.combine(group.reason.rawValue)
            }
            hasher.combine(page.frontMatter.embargo.map { $0.value.instant > now })
            return hasher.finalize()
        }

        listings = graph.listings.map { listing in
            var hasher = Hasher()
            switch listing.kind {
            case .section(let index):
                let section = graph.sections[index]
                hasher.combine("section")
                hasher.combine(section.folder)
                hasher.combine(section.title)
                hasher.combine(section.url)
                hasher.combine(section.indexPage.map { graph.pages[$0].source.path })
            case .term(let taxonomy, let term):
                hasher.combine(taxonomy.rawValue)
                hasher.combine(term)
            case .joint: hasher.combine("joint")
            case .all: hasher.combine("all")
            }
            hasher.combine(listing.language)
            hasher.combine(listing.url)
            hasher.combine(listing.hasFeed)
            for member in listing.members { hasher.combine(graph.pages[member].source.path) }
            return hasher.finalize()
        }
    }

    /// The digest of one file of the plan.
    func digest(of entry: RenderPlan.Entry) -> Int {
        var hasher = Hasher()
        hasher.combine(everything)
        hasher.combine(entry.outputPath)
        switch entry.job {
        case .page(let index):
            let page = graph.pages[index]
            hasher.combine(languages[page.source.language])
            hasher.combine(pages[index])
            if page.source.kind == .home { combineHome(page.source.language, into: &hasher) }
        case .listingPage(let index, let pagination):
            let listing = graph.listings[index]
            hasher.combine(languages[listing.language])
            hasher.combine(listings[index])
            hasher.combine(pagination.number)
            hasher.combine(pagination.total)
            for member in listing.members[pagination.range] { hasher.combine(pages[member]) }
            if case .section(let section) = listing.kind, let indexPage = graph.sections[section].indexPage {
                hasher.combine(pages[indexPage])
            }
        case .taxonomyIndex(let index):
            let taxonomyIndex = graph.taxonomyIndexes[index]
            hasher.combine(languages[taxonomyIndex.language])
            hasher.combine(taxonomyIndex.taxonomy.rawValue)
            hasher.combine(taxonomyIndex.url)
            for (term, listing) in taxonomyIndex.terms {
                hasher.combine(term)
                hasher.combine(graph.listings[listing].url)
                hasher.combine(graph.listings[listing].members.count)
            }
        case .generatedHome(let language):
            hasher.combine(languages[language])
            combineHome(language, into: &hasher)
        case .alias(let index, let path):
            hasher.combine(languages[graph.pages[index].source.language])
            hasher.combine(pages[index])
            hasher.combine(path.value)
        case .notFound:
            combineBrowse(graph.config.defaultLanguage, into: &hasher)
        case .search(let language):
            combineBrowse(language, into: &hasher)
        case .focalPoints(let file):
            combineFocalPoints(file, into: &hasher)
        }
        return hasher.finalize()
    }

    /// The directory and topic listings show every focal point of their folder,
    /// the vCards their focal points' records.
    private func combineFocalPoints(_ file: FocalPointFile, into hasher: inout Hasher) {
        let section: Section
        switch file {
        case .directory(let index), .allCards(let index):
            section = graph.sections[index]
        case .topic(let index, let topic):
            section = graph.sections[index]
            hasher.combine(topic.rawValue)
        case .card(let page):
            hasher.combine(pages[page])
            return
        }
        hasher.combine(languages[section.language])
        hasher.combine(section.indexPage.map { pages[$0] })
        for member in section.members { hasher.combine(pages[member]) }
    }

    /// The home page shows the start of each section's and the joint listing.
    private func combineHome(_ language: String, into hasher: inout Hasher) {
        for (index, listing) in graph.listings.enumerated() where listing.language == language {
            switch listing.kind {
            case .section, .joint, .all:
                hasher.combine(listings[index])
                for member in listing.members.prefix(graph.config.homeItems) { hasher.combine(pages[member]) }
            case .term:
                continue
            }
        }
    }

    /// The search and 404 pages link the taxonomy indexes and the joint listing.
    private func combineBrowse(_ language: String, into hasher: inout Hasher) {
        hasher.combine(languages[language])
        for index in graph.taxonomyIndexes where index.language == language {
            hasher.combine(index.taxonomy.rawValue)
            hasher.combine(index.url)
        }
        for listing in graph.listings where listing.kind == .joint && listing.language == language {
            hasher.combine(listing.url)
        }
    }

    /// A digest of a dictionary that does not depend on its order.
    private static func unordered(_ table: [String: String]) -> Int {
        table.reduce(0) { sum, pair in
            var hasher = Hasher()
            hasher.combine(pair.key)
            hasher.combine(pair.value)
            return sum &+ hasher.finalize()
        }
    }
}
