/// The one list of what a site publishes — pages, listings, aliases,
/// generated files, files of `content/` and assets — decided before anything
/// is rendered, so that two things claiming one URL are found up front, in
/// `tandem build`, `tandem check` and `tandem serve` alike.
struct SitePlan {
    enum Job: Sendable {
        case page(Int)
        /// One page of a listing (index into `SiteGraph.listings`).
        case listingPage(Int, Pagination)
        case taxonomyIndex(Int)
        /// A home page for a language whose `content/` has no `index.md`.
        case generatedHome(language: String)
        /// A redirect from an old path of a page to the page.
        case alias(page: Int, path: Located<String>)
        /// The 404 page of a language (`/404.html`, `/fr/404.html`).
        case notFound(language: String)
        case search(language: String)
        /// The focal-point directory, a topic listing or a vCard (`SitePlan+FocalPoints`).
        case focalPoints(FocalPointFile)
        /// The Atom feed of a listing.
        case feed(listing: Int)
        /// One term file of a language's search index (`SearchFiles`).
        case searchTerms(language: String, bucket: Int)
        /// What search results show of pages `block * SearchFiles.blockSize ..< (block + 1) * SearchFiles.blockSize`.
        case searchPages(language: String, block: Int)
        /// The pages of a language that carry a taxonomy term, for search filters.
        case searchFacet(language: String, taxonomy: Taxonomy, term: String)
        case sitemap
        case robots
        case nextChange
        /// A file copied as it is: its path from the site root (`content/docs/plan.pdf`, `templates/assets/site.css`).
        case copy(String)
        /// A raster image of `content/` at one width in one format, its metadata dropped (`Images/`).
        case image(ImageVariant)
        /// A built-in asset (its path inside the built-in templates, `assets/style.css`).
        case builtInAsset(String)
    }

    /// What asked for a file: named in diagnostics when two claim one URL.
    struct Claim: Sendable, Equatable {
        /// "the page content/news/x.md", "the site's Atom feed".
        var description: String
        /// Where to report a conflict, for claims made in `content/`.
        var location: SourceLocation?
        /// An alias: a conflict is reported as "the alias '/x' is ...".
        var alias: String?
    }

    struct Entry: Sendable {
        var job: Job
        var url: Route
        var claim: Claim
        /// `url.outputPath`, computed once.
        var outputPath: String

        /// Whether making the file can report anything but a failure to write
        /// it: data files, search files and built-in assets are made from
        /// values already checked, so `tandem check` does not make them.
        var canReport: Bool {
            switch job {
            case .feed, .sitemap, .robots, .nextChange, .searchTerms, .searchPages, .searchFacet, .builtInAsset: false
            default: true
            }
        }

        /// Whether making the file takes long beside the others (the sitemap
        /// lists every page): the render stage starts such files first, so
        /// that one is not left running on one core after the rest are made.
        var isLong: Bool {
            if case .sitemap = job { return true }
            return false
        }

        /// Whether making the file reads the search index (its term files,
        /// result blocks and filters), which a build makes while rendering the rest.
        var readsSearchIndex: Bool {
            switch job {
            case .searchTerms, .searchPages, .searchFacet: true
            default: false
            }
        }

        /// Whether the file is published as it is.
        var isCopy: Bool {
            switch job {
            case .copy, .builtInAsset, .image: true
            default: false
            }
        }
    }

    var entries: [Entry] = []
    var diagnostics: [Diagnostic] = []

    /// `findsConflicts`: false only for a site already published, which had
    /// none (a conflict is an error, and a build with errors is not published).
    init(graph: SiteGraph, templates: TemplateSet, findsConflicts: Bool = true) {
        let config = graph.config
        // Fields read in place (`graph.pages[index]....`): a page bound to a name is copied whole.
        for index in graph.pages.indices where graph.pages[index].source.kind != .section {
            let path = graph.pages[index].source.path
            add(.page(index), graph.pages[index].url,
                claim: .init(description: path, location: graph.pages[index].frontMatter.slug?.location ?? SourceLocation(path: path, line: 1, column: 1)))
            for alias in graph.pages[index].frontMatter.aliases {
                guard let route = Route.alias(alias.value) else {
                    diagnostics.append(.error(alias.location, "an alias must be a path on this site, such as /news/old-name/: '\(alias.value)'",
                                              hint: "start it with `/`, and leave out `..`, `?`, `#` and `%`"))
                    continue
                }
                add(.alias(page: index, path: alias), route,
                    claim: .init(description: "an alias of \(path)", location: alias.location, alias: alias.value))
            }
        }
        for (index, listing) in graph.listings.enumerated() {
            if listing.hasPages && !listing.isFocalPointDirectory(in: graph) {
                for pagination in Pagination.pages(count: listing.members.count, size: config.pageSize) {
                    var claim = Claim(description: "the listing at \(listing.url)")
                    if case .section(let section) = listing.kind, let indexPage = graph.sections[section].indexPage, pagination.number == 1 {
                        claim = Claim(description: graph.pages[indexPage].source.path,
                                      location: SourceLocation(path: graph.pages[indexPage].source.path, line: 1, column: 1))
                    }
                    add(.listingPage(index, pagination), listing.url.page(pagination.number), claim: claim)
                }
            }
            if listing.hasFeed {
                let what = listing.kind == .all && listing.language == config.defaultLanguage
                    ? "the site's Atom feed" : "the Atom feed of \(listing.url)"
                add(.feed(listing: index), listing.feedURL, claim: .init(description: what))
            }
        }
        for (index, taxonomyIndex) in graph.taxonomyIndexes.enumerated() {
            add(.taxonomyIndex(index), taxonomyIndex.url, claim: .init(description: "the index of \(taxonomyIndex.url)"))
        }
        let languagesWithHome = Set(graph.pages.filter { $0.source.kind == .home }.map(\.source.language))
        for language in config.languages {
            let home = Route.home(language, config: config)
            if !languagesWithHome.contains(language) {
                add(.generatedHome(language: language), home, claim: .init(description: "the home page of '\(language)'"))
            }
            add(.notFound(language: language), home.appending(file: "404.html"), claim: .init(description: "the 404 page"))
            add(.search(language: language), home.appending(folders: ["search"]), claim: .init(description: "the search page"))
            addSearchFiles(graph, language: language, searchPage: home.appending(folders: ["search"]))
        }
        add(.sitemap, Route(path: "/sitemap.xml"), claim: .init(description: "the sitemap"))
        add(.robots, Route(path: "/robots.txt"), claim: .init(description: "robots.txt"))
        add(.nextChange, Route(path: "/next-change.json"), claim: .init(description: "next-change.json, the time of the next embargo"))
        addFocalPointFiles(graph)
        for contentPath in graph.staticFiles.sorted() {
            if let info = graph.images[contentPath] {
                addImage(contentPath, info, settings: config.images)
                continue
            }
            add(.copy("content/" + contentPath), .contentFile(contentPath),
                claim: .init(description: "the file content/\(contentPath)", location: SourceLocation(path: "content/" + contentPath)))
        }
        for (path, _) in BuiltInTemplates.files where path.hasPrefix("assets/") && templates.siteAssets[path] == nil {
            add(.builtInAsset(path), .asset(path), claim: .init(description: "the built-in file /\(path)"))
        }
        for path in templates.siteAssets.keys.sorted() {
            add(.copy("templates/" + path), .asset(path), claim: .init(description: "the file templates/\(path)"))
        }
        guard findsConflicts else { return }
        let conflicts = URLConflicts.find(in: entries)
        diagnostics += conflicts.diagnostics
        entries = entries.enumerated().filter { !conflicts.leftOut.contains($0.offset) }.map(\.element)
    }

    /// Every variant of a raster image: its own URL and each width and format made from it.
    private mutating func addImage(_ contentPath: String, _ info: ImageInfo, settings: ImageSettings) {
        let location = SourceLocation(path: "content/" + contentPath)
        for variant in ImageSet(contentPath: contentPath, info: info, settings: settings).variants {
            let what = variant.isOriginal ? "the file content/\(contentPath)"
                : "the \(variant.width)-pixel \(variant.format.rawValue.uppercased()) of content/\(contentPath)"
            add(.image(variant), variant.url, claim: .init(description: what, location: location))
        }
    }

    mutating func add(_ job: Job, _ url: Route, claim: Claim) {
        entries.append(Entry(job: job, url: url, claim: claim, outputPath: url.outputPath))
    }
}

extension SitePlan {
    /// The files of a language's search index: term files, result blocks and filters (`SearchFiles`).
    /// They depend only on how many pages the language has and on its taxonomy terms.
    private mutating func addSearchFiles(_ graph: SiteGraph, language: String, searchPage: Route) {
        let pages = graph.listings.first { $0.kind == .all && $0.language == language }?.members.count ?? 0
        let claim = Claim(description: "the search index")
        for bucket in 0..<SearchBuckets.count(pages: pages) {
            add(.searchTerms(language: language, bucket: bucket), SearchFiles.termsURL(searchPage, bucket: bucket), claim: claim)
        }
        for block in 0..<(pages + SearchFiles.blockSize - 1) / SearchFiles.blockSize {
            add(.searchPages(language: language, block: block), SearchFiles.pagesURL(searchPage, block: block), claim: claim)
        }
        for index in graph.taxonomyIndexes where index.language == language {
            for term in index.terms {
                add(.searchFacet(language: language, taxonomy: index.taxonomy, term: term.term),
                    SearchFiles.facetURL(searchPage, taxonomy: index.taxonomy, term: term.term), claim: claim)
            }
        }
    }
}
