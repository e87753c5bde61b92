/// The page that lists a taxonomy's terms with their counts (`/persons/`).
public struct TaxonomyIndex: Sendable, Hashable {
    /// A term and its listing.
    public struct Term: Sendable, Hashable {
        public var term: String
        /// Index into `SiteGraph.listings`.
        public var listing: Int
    }

    public var taxonomy: Taxonomy
    public var language: String
    public var url: Route
    /// Terms with their listing, in a stable order.
    public var terms: [Term]
}
