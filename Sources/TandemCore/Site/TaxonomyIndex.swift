/// The page that lists a taxonomy's terms with their counts (`/persons/`).
public struct TaxonomyIndex: Sendable {
    public var taxonomy: Taxonomy
    public var language: String
    public var url: String
    /// Terms with their listing (index into `SiteGraph.listings`), in a stable order.
    public var terms: [(term: String, listing: Int)]
}
