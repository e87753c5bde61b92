/// What a link written as a path of the site (`/news/2026/camp/`) reaches:
/// everything the plan publishes, and the addresses unpublished pages would
/// have (a link to one would publish it).
struct SitePaths: Sendable {
    /// By `Route.urlKey` (every link written as a site path is looked up here: `QuickKey`).
    var published: [QuickKey: Route] = [:]
    /// By `Route.urlKey`: why the page there is not published.
    var unpublished: [QuickKey: String] = [:]

    func target(_ key: String, config: SiteConfig) -> LinkTarget {
        let key = QuickKey(key)
        if let route = published[key] { return .published(route.href(config)) }
        if let reason = unpublished[key] { return .unpublished(reason: reason) }
        return .missing
    }
}
