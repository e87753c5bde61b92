/// Which of the dependencies the preview's outputs recorded have a
/// different value in a new model than in the old one.
///
/// Pages are compared once each (unchanged pages share their storage, so
/// comparing them is cheap); a dependency on a page that did not change is
/// not looked at again. Every other dependency is compared by its value in
/// both models (`SiteModel.value(of:)`).
enum ChangedDependencies {
    static func find<Dependencies: Sequence>(among dependencies: Dependencies, from old: SiteModel, to new: SiteModel) -> Set<Dependency>
    where Dependencies.Element == Dependency {
        let changedPages = changedPages(from: old, to: new)
        let compared = dependencies.filter { dependency in
            switch dependency {
            case .page(let path), .card(let path), .address(let path): changedPages.contains(path)
            default: true
            }
        }
        // Both models are only read: the values are compared on all cores.
        let differs = compared.parallelMap { old.value(of: $0) != new.value(of: $0) }
        return Set(zip(compared, differs).filter(\.1).map(\.0))
    }

    /// Paths inside `content/` of the pages added, removed or changed in any way.
    private static func changedPages(from old: SiteModel, to new: SiteModel) -> Set<String> {
        var changed: Set<String> = []
        var seen = 0
        for page in new.graph.pages {
            let path = page.source.contentPath
            if let before = old.page(at: path) {
                seen += 1
                if before != page { changed.insert(path) }
            } else {
                changed.insert(path)
            }
        }
        if seen != old.graph.pages.count {
            for page in old.graph.pages where new.page(at: page.source.contentPath) == nil { changed.insert(page.source.contentPath) }
        }
        return changed
    }
}
