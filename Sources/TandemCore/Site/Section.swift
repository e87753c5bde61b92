/// A folder of `content/` that has a listing page in one language.
public struct Section: Sendable, Hashable {
    /// Path inside `content/`, e.g. `news`.
    public var folder: String
    public var language: String
    public var title: String
    public var url: Route
    /// Index into `SiteGraph.pages` of the section's `_index.md`, if it has one.
    public var indexPage: Int?
    /// Indices into `SiteGraph.pages`, newest first.
    public var members: [Int]
}
