import Foundation
import Mustache

/// Everything the render stage reads: the assembled site, the templates and
/// the stamps of the files published as they are, with the look-ups the
/// render stage needs. Outputs read it only through a `SiteReader`; each
/// look-up here returns a value that the preview can compare between two
/// models (`value(of:)`), so what an output read is what decides whether it
/// is made again.
final class SiteModel: @unchecked Sendable {
    let graph: SiteGraph
    let templates: TemplateSet
    /// Stamps of the files copied as they are, by path from the site root (`content/x.pdf`, `templates/assets/a.css`).
    let fileStamps: [String: FileStamp]
    let digests: TemplateDigests
    /// Every URL the site publishes and the URLs of unpublished pages, by `Route.urlKey`.
    let sitePaths: SitePaths
    /// The search terms of every searchable page (`SearchIndex`). A build
    /// makes it on another thread while the pages are rendered; only the
    /// search files and the records wait for it.
    var search: SearchIndex { searchIndex.value }
    private let searchIndex: Background<SearchIndex>
    /// Template values that many outputs of this model make alike (`SiteReader.shared`).
    let sharedValues = Memo<SharedValue, TemplateValues>()
    /// What listing templates rendered for each page's entry, by the page's
    /// index (`listingMemo`). All made with the model, so that reading one
    /// takes no lock: both cores ask for them at every listing entry.
    private let listingMemos: [MustacheMemo]
    /// What list bodies rendered for the elements many outputs share (`SiteReader.elementMemo`).
    let elementMemos = Memo<SharedElement, MustacheMemo>()
    /// What a link to each file of `content/` leads to, made once per model:
    /// an image's target (its variants' URLs) is made anew on every page that
    /// shows the image otherwise.
    private let contentTargets = Memo<String, LinkTarget>()
    private let pageIndex: [String: Int]
    private let listingIndex: [Route: Int]
    private let sectionIndex: [Route: Int]

    /// A model of `graph`, whose pages, listings and sections are where they are in `last`'s.
    init(graph: SiteGraph, sameShapeAs last: SiteModel, fileStamps: [String: FileStamp], search: SearchIndex) {
        self.graph = graph
        searchIndex = .ready(search)
        listingMemos = Self.memos(count: graph.pages.count)
        sitePaths = last.sitePaths
        templates = last.templates
        self.fileStamps = fileStamps
        digests = last.digests
        pageIndex = last.pageIndex
        listingIndex = last.listingIndex
        sectionIndex = last.sectionIndex
    }

    convenience init(graph: SiteGraph, templates: TemplateSet, fileStamps: [String: FileStamp], sitePaths: SitePaths, search: SearchIndex) {
        self.init(graph: graph, templates: templates, fileStamps: fileStamps, sitePaths: sitePaths, search: .ready(search))
    }

    init(graph: SiteGraph, templates: TemplateSet, fileStamps: [String: FileStamp], sitePaths: SitePaths,
         search: Background<SearchIndex>) {
        self.graph = graph
        searchIndex = search
        listingMemos = Self.memos(count: graph.pages.count)
        self.sitePaths = sitePaths
        self.templates = templates
        self.fileStamps = fileStamps
        digests = TemplateDigests(templates)
        var pageIndex: [String: Int] = [:]
        pageIndex.reserveCapacity(graph.pages.count)
        for (index, page) in graph.pages.enumerated() { pageIndex[page.source.contentPath] = index }
        self.pageIndex = pageIndex
        var listingIndex: [Route: Int] = [:]
        listingIndex.reserveCapacity(graph.listings.count)
        for (index, listing) in graph.listings.enumerated() { listingIndex[listing.url] = index }
        self.listingIndex = listingIndex
        var sectionIndex: [Route: Int] = [:]
        for (index, section) in graph.sections.enumerated() { sectionIndex[section.url] = index }
        self.sectionIndex = sectionIndex
    }

    /// What a link to `contentPath` (inside `content/`) leads to (`SiteGraph.target(ofContentPath:)`).
    func target(ofContentPath contentPath: String) -> LinkTarget {
        contentTargets.value(contentPath) { graph.target(ofContentPath: contentPath) }
    }

    private static func memos(count: Int) -> [MustacheMemo] {
        (0..<count).map { _ in MustacheMemo() }
    }

    /// The memo of the listing entry of `graph.pages[index]` for this model's life (`SiteReader.listingMemo`).
    func listingMemo(_ index: Int) -> MustacheMemo {
        listingMemos[index]
    }

    /// The index in `graph.pages` of the published page at a path inside `content/`.
    func pageIndex(of contentPath: String) -> Int? {
        pageIndex[contentPath]
    }

    /// The published page at a path inside `content/`.
    func page(at contentPath: String) -> Page? {
        pageIndex[contentPath].map { graph.pages[$0] }
    }

    func listing(at url: Route) -> Listing? {
        listingIndex[url].map { graph.listings[$0] }
    }

    func section(at url: Route) -> Section? {
        sectionIndex[url].map { graph.sections[$0] }
    }

    /// The digest of a template and all it reaches; nil if there is no template of that name.
    func templateDigest(_ name: String) -> Int? {
        guard templates.layouts[name] != nil || templates.partials[name] != nil else { return nil }
        return digests.layout(name)
    }

    /// Whether a page's embargo is still ahead of the build's instant.
    func isEmbargoed(_ page: Page) -> Bool {
        page.frontMatter.embargo.map { $0.value.instant > graph.mode.now } ?? false
    }

    /// The members of a listing in `range` (clamped), with what else a listing page shows of it.
    struct Slice: Hashable {
        var members: [String]
        var count: Int
        var hasFeed: Bool
    }

    func slice(of listing: Listing, _ range: Range<Int>) -> Slice {
        let clamped = range.clamped(to: 0..<listing.members.count)
        return Slice(members: listing.members[clamped].map { graph.pages[$0].source.contentPath },
                     count: listing.members.count, hasFeed: listing.hasFeed)
    }

    /// How a listing is named among the listings of its language.
    func kindName(_ listing: Listing) -> String {
        switch listing.kind {
        case .section(let index): "section:" + graph.sections[index].folder
        case .term(let taxonomy, let term): "term:\(taxonomy.rawValue):\(term)"
        case .joint: "joint"
        case .all: "all"
        }
    }

    /// The focal-point record of an id and the route of its page in each language.
    struct FocalPointEntry: Hashable {
        var record: FocalPointRecord
        var url: Route?
        var urlByLanguage: [String: Route]
    }

    func focalPointEntry(_ id: String) -> FocalPointEntry? {
        guard let record = graph.focalPoints[id] else { return nil }
        let contentPath = String(record.path.dropFirst("content/".count))
        var urls: [String: Route] = [:]
        for language in graph.config.languages {
            urls[language] = graph.urlByContentPath[FocalPointLanguages.contentPath(of: contentPath, in: language)]
        }
        return FocalPointEntry(record: record, url: graph.urlByContentPath[contentPath], urlByLanguage: urls)
    }

    /// The value of what `dependency` names in this model: two models with
    /// equal values give an output that read it the same input.
    func value(of dependency: Dependency) -> AnyHashable? {
        switch dependency {
        case .config: return graph.config
        case .template(let name): return templateDigest(name)
        case .strings(let language): return digests.language(language)
        case .page(let path): return page(at: path)
        case .card(let path): return page(at: path).map(PageCard.init)
        case .address(let path): return page(at: path).map(PageAddress.init)
        case .embargoed(let path): return page(at: path).map(isEmbargoed)
        case .listingSlice(let url, let range): return listing(at: url).map { slice(of: $0, range) }
        case .listings(let language):
            return graph.listings.filter { $0.language == language }.map { [kindName($0), $0.url.path, String($0.hasFeed)] }
        case .section(let url):
            return section(at: url).map { section -> [AnyHashable] in
                [section.folder, section.title, section.language, section.indexPage.map { graph.pages[$0].source.contentPath },
                 section.members.map { graph.pages[$0].source.contentPath }]
            }
        case .sections(let language):
            return graph.sections.filter { $0.language == language }.map { [$0.folder, $0.title, $0.url.path] }
        case .taxonomyIndexes(let language):
            return graph.taxonomyIndexes.filter { $0.language == language }.map { index -> [AnyHashable] in
                [index.taxonomy.rawValue, index.url.path,
                 index.terms.map { [$0.term, graph.listings[$0.listing].url.path, String(graph.listings[$0.listing].members.count)] }]
            }
        case .navigation(let language): return graph.navigation[language] ?? []
        case .focalPoint(let id): return focalPointEntry(id)
        case .focalPoints: return graph.focalPoints.keys.sorted().map { focalPointEntry($0) }
        case .link(let contentPath): return graph.targetInputs(ofContentPath: contentPath)
        case .anchors(let contentPath): return page(at: contentPath)?.source.anchors
        case .sitePath(let key): return sitePaths.target(key, config: graph.config)
        case .knownPaths: return graph.knownContentPaths.sorted()
        case .nextChange: return graph.nextChange
        case .file(let path): return fileStamps[path]
        case .searchBucket(let language, let bucket):
            return search.languages[language].flatMap { $0.buckets.indices.contains(bucket) ? $0.buckets[bucket].revision : nil }
        case .searchNumbering(let language): return search.languages[language]?.order
        }
    }
}
