/// A list of pages, newest first, published over as many pages as it needs:
/// a section, a taxonomy term, or all joint activities of a language.
public struct Listing: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The section at this index of `SiteGraph.sections`.
        case section(Int)
        case term(Taxonomy, String)
        case joint
        /// Every dated page of a language: only a feed (the home page shows the latest).
        case all
    }

    public var kind: Kind
    public var language: String
    /// Its first page, e.g. `/persons/refugees/`; it identifies the listing.
    public var url: Route
    /// Indices into `SiteGraph.pages`, newest first.
    public var members: [Int]
    /// Whether it gets an Atom feed (not for focal points, which are not dated).
    public var hasFeed: Bool
    /// Whether it has HTML pages (the `all` listing only has a feed).
    public var hasPages: Bool { kind != .all }

    /// Its Atom feed.
    public var feedURL: Route { url.appending(file: "feed.xml") }
}
