/// An entry of the site's main navigation: a top-level section or a page at
/// the top of `content/` (such as `about.md`), ordered by `weight`, then title.
public struct NavigationEntry: Sendable, Hashable {
    public var title: String
    public var url: Route
    var weight: Int
    /// The folder of a section without an `_index.md` in its language: its
    /// title is then the strings' `sections.FOLDER`, in the page's language.
    var untitledFolder: String? = nil

    /// The navigation of each language.
    static func make(pages: [Page], sections: [Section]) -> [String: [NavigationEntry]] {
        var entries: [String: [NavigationEntry]] = [:]
        for section in sections where !section.folder.contains("/") {
            let index = section.indexPage.map { pages[$0].frontMatter }
            entries[section.language, default: []].append(
                NavigationEntry(title: index?.linkTitle ?? section.title, url: section.url, weight: index?.weight ?? 0,
                                untitledFolder: index == nil ? section.folder : nil))
        }
        // By index: binding every page would copy it, and few are at the top.
        for index in pages.indices where pages[index].source.kind == .page && pages[index].source.section == nil {
            let page = pages[index]
            entries[page.source.language, default: []].append(
                NavigationEntry(title: page.frontMatter.linkTitle ?? page.title, url: page.url, weight: page.frontMatter.weight ?? 0))
        }
        return entries.mapValues { $0.sorted { ($0.weight, $0.title) < ($1.weight, $1.title) } }
    }
}
