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
