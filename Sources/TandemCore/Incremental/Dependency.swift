/// Something of the site that an output read while it was made. The render
/// stage reads the site only through `SiteReader`, which notes each read as
/// one of these; the preview then re-makes exactly the outputs that read
/// something whose value changed (`ChangedDependencies`). Nobody declares
/// dependencies by hand: a feature that reads the site through the reader is
/// incremental without more work.
///
/// Pages are named by their path inside `content/`, listings and sections by
/// their route, focal points by id: names that stay the same when other
/// pages come or go (indices do not).
enum Dependency: Hashable, Sendable, Codable {
    /// `tandem.yaml` as a whole.
    case config
    /// A layout or partial by name, with every template it reaches (nil value: no such template).
    case template(String)
    /// The strings table of a language (with its fallbacks).
    case strings(String)
    /// Everything of a published page: source, body, URL, summary, translations, contacts.
    case page(String)
    /// What listings, feeds and indexes show of a page (`PageCard`).
    case card(String)
    /// Where a page is and when it is from (`PageAddress`): what the sitemap shows.
    case address(String)
    /// Whether a page is still under embargo at the instant of the build (its preview banner).
    case embargoed(String)
    /// Some of the members of a listing, with its size and feed.
    case listingSlice(Route, Range<Int>)
    /// The listings of a language: which exist, of what kind.
    case listings(String)
    /// A section: its folder, title, index page and members.
    case section(Route)
    /// The sections of a language: folder, title and route of each.
    case sections(String)
    /// The taxonomy indexes of a language with their terms and counts.
    case taxonomyIndexes(String)
    /// The main navigation of a language.
    case navigation(String)
    /// One focal point's record and page.
    case focalPoint(String)
    /// Every focal point (the directory, topic listings, vCards).
    case focalPoints
    /// What a link to a path inside `content/` reaches.
    case link(String)
    /// The ids a link's `#fragment` can name on a page (by its path inside `content/`).
    case anchors(String)
    /// What a link to a path of the site reaches (by `Route.urlKey`).
    case sitePath(String)
    /// The paths of `content/`, for "did you mean" hints.
    case knownPaths
    /// The earliest embargo still ahead.
    case nextChange
    /// A file published as it is (path from the site root): its stamp.
    case file(String)
    /// The pages that list each term of one term file of a language's search index (`SearchIndex.Bucket`).
    case searchBucket(String, Int)
    /// The searchable pages of a language in the order that numbers them in the search files.
    case searchNumbering(String)
}

extension Dependency {
    /// Dependencies are hashed by the hundred thousand in a build (each
    /// output's set of reads, then the table that numbers them), so by
    /// `QuickHash` rather than by `Hasher` over each case and text. Equal
    /// dependencies have equal hashes: the case's number and its values.
    var quickHash: UInt64 {
        switch self {
        case .config: QuickHash.hash(0, into: 0)
        case .template(let name): QuickHash.hash(name, into: 1)
        case .strings(let language): QuickHash.hash(language, into: 2)
        case .page(let path): QuickHash.hash(path, into: 3)
        case .card(let path): QuickHash.hash(path, into: 4)
        case .address(let path): QuickHash.hash(path, into: 5)
        case .embargoed(let path): QuickHash.hash(path, into: 6)
        case .listingSlice(let route, let range):
            QuickHash.hash(range.upperBound, into: QuickHash.hash(range.lowerBound, into: QuickHash.hash(route.path, into: 7)))
        case .listings(let language): QuickHash.hash(language, into: 8)
        case .section(let route): QuickHash.hash(route.path, into: 9)
        case .sections(let language): QuickHash.hash(language, into: 10)
        case .taxonomyIndexes(let language): QuickHash.hash(language, into: 11)
        case .navigation(let language): QuickHash.hash(language, into: 12)
        case .focalPoint(let id): QuickHash.hash(id, into: 13)
        case .focalPoints: QuickHash.hash(0, into: 14)
        case .link(let path): QuickHash.hash(path, into: 15)
        case .anchors(let path): QuickHash.hash(path, into: 16)
        case .sitePath(let key): QuickHash.hash(key, into: 17)
        case .knownPaths: QuickHash.hash(0, into: 18)
        case .nextChange: QuickHash.hash(0, into: 19)
        case .file(let path): QuickHash.hash(path, into: 20)
        case .searchBucket(let language, let bucket): QuickHash.hash(bucket, into: QuickHash.hash(language, into: 21))
        case .searchNumbering(let language): QuickHash.hash(language, into: 22)
        }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(quickHash)
    }

    func _rawHashValue(seed: Int) -> Int {
        QuickHash.tableHash(quickHash, seed: seed)
    }
}
