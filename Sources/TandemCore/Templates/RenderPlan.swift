/// Every file the render stage will write, decided before anything is
/// rendered, so that two things claiming one URL are found up front.
struct RenderPlan {
    enum Job: Sendable {
        case page(Int)
        /// One page of a listing (index into `SiteGraph.listings`).
        case listingPage(Int, Pagination)
        case taxonomyIndex(Int)
        /// A home page for a language whose `content/` has no `index.md`.
        case generatedHome(language: String)
        /// A redirect from an old path of a page to the page.
        case alias(page: Int, path: Located<String>)
        case notFound
        case search(language: String)
        /// The focal-point directory, a topic listing or a vCard (`RenderPlan+FocalPoints`).
        case focalPoints(FocalPointFile)
    }

    struct Entry: Sendable {
        var job: Job
        var outputPath: String
        /// What asked for this file: a source path, or a description of a generated page.
        var owner: String
        var location: SourceLocation?
    }

    var entries: [Entry] = []
    var diagnostics: [Diagnostic] = []

    init(graph: SiteGraph, pageSize: Int) {
        for (index, page) in graph.pages.enumerated() where page.source.kind != .section {
            add(.page(index), page.outputPath, owner: page.source.path)
            for alias in page.frontMatter.aliases {
                guard let path = RenderPlan.aliasOutputPath(alias.value) else {
                    diagnostics.append(.error(alias.location, "an alias must be a path on this site, such as /news/old-name/: '\(alias.value)'",
                                              hint: "start it with `/` and do not use `..`"))
                    continue
                }
                add(.alias(page: index, path: alias), path, owner: page.source.path, location: alias.location)
            }
        }
        for (index, listing) in graph.listings.enumerated() where listing.hasPages && !listing.isFocalPointDirectory(in: graph) {
            for pagination in Pagination.pages(count: listing.members.count, size: pageSize) {
                let url = Pagination.url(base: listing.url, number: pagination.number)
                let owner: String
                if case .section(let section) = listing.kind, let indexPage = graph.sections[section].indexPage, pagination.number == 1 {
                    owner = graph.pages[indexPage].source.path
                } else {
                    owner = "the listing at \(listing.url)"
                }
                add(.listingPage(index, pagination), PageURL.outputPath(for: url), owner: owner)
            }
        }
        for (index, taxonomyIndex) in graph.taxonomyIndexes.enumerated() {
            add(.taxonomyIndex(index), PageURL.outputPath(for: taxonomyIndex.url), owner: "the index of \(taxonomyIndex.url)")
        }
        let languagesWithHome = Set(graph.pages.filter { $0.source.kind == .home }.map(\.source.language))
        for language in graph.config.languages {
            let prefix = "/" + PageURL.languagePrefix(language, config: graph.config).map { $0 + "/" }.joined()
            if !languagesWithHome.contains(language) {
                add(.generatedHome(language: language), PageURL.outputPath(for: prefix), owner: "the home page of '\(language)'")
            }
            add(.search(language: language), PageURL.outputPath(for: prefix + "search/"), owner: "the search page")
        }
        add(.notFound, "404.html", owner: "the 404 page")
        addFocalPointFiles(graph)
        checkUnique()
    }

    mutating func add(_ job: Job, _ outputPath: String, owner: String, location: SourceLocation? = nil) {
        entries.append(Entry(job: job, outputPath: outputPath, owner: owner, location: location))
    }

    /// `/news/old/` → `news/old/index.html`; `/old.html` stays a file; nil for paths that leave the site.
    static func aliasOutputPath(_ alias: String) -> String? {
        guard alias.hasPrefix("/"), alias.count > 1 else { return nil }
        let parts = alias.split(separator: "/")
        guard !parts.contains(".."), !parts.contains("."), !alias.contains("\\"), !alias.contains("%") else { return nil }
        let path = parts.joined(separator: "/")
        return path.hasSuffix(".html") ? path : path + "/index.html"
    }

    /// Two files at one path: an error at each source that asked for it.
    private mutating func checkUnique() {
        var owners: [String: [Entry]] = [:]
        for entry in entries { owners[entry.outputPath, default: []].append(entry) }
        for (path, claims) in owners.sorted(by: { $0.key < $1.key }) where claims.count > 1 {
            let url = path.hasSuffix("index.html") ? "/" + path.dropLast("index.html".count) : "/" + path
            let fromContent = claims.filter { $0.owner.hasPrefix("content/") }
            guard !fromContent.isEmpty else {
                diagnostics.append(.error(SourceLocation(path: "content"), "\(claims.map(\.owner).joined(separator: " and ")) would both be published at \(url)",
                                          hint: "rename the folder of content/ that makes one of them"))
                continue
            }
            for claim in fromContent {
                let others = Set(claims.filter { $0.owner != claim.owner || $0.location != claim.location }.map(\.owner))
                diagnostics.append(.error(claim.location ?? SourceLocation(path: claim.owner, line: 1, column: 1),
                                          "this page and \(others.sorted().joined(separator: " and ")) would both be published at \(url)",
                                          hint: "give one of them another `slug:`, alias or file name"))
            }
        }
    }
}
