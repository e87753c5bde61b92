/// The Site stage: decides which pages are published in this mode, gives each
/// its URL, finds its translations, groups pages into sections, and checks
/// what only the whole site can tell (two pages at one URL, unknown focal points).
public enum SiteAssembler {
    public static func assemble(_ sources: [SourcePage], config: SiteConfig, mode: BuildMode) -> (SiteGraph, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var pages: [Page] = []
        /// The folders of each page's content path, parsed once (parallel to `pages`).
        var folders: [[String]] = []
        pages.reserveCapacity(sources.count)
        folders.reserveCapacity(sources.count)
        var hidden: [String: String] = [:]
        var focalPoints: [String: FocalPointRecord] = [:]
        for source in sources {
            if let record = source.focalPoint { focalPoints[record.id] = record }
            if let reason = mode.hiddenReason(source.frontMatter) {
                hidden[source.contentPath] = reason
                continue
            }
            let where_ = ContentPath(source.contentPath, languages: config.languages)
            pages.append(Page(source: source, url: .page(source, at: where_, config: config), summary: summary(of: source)))
            folders.append(where_.folders)
        }
        let existing = Set(sources.map(\.contentPath))
        for copy in FocalPointLanguages.copies(of: pages, config: config, existing: existing) {
            let where_ = ContentPath(copy.contentPath, languages: config.languages)
            pages.append(Page(source: copy, url: .page(copy, at: where_, config: config), summary: summary(of: copy)))
            folders.append(where_.folders)
        }
        diagnostics += requireDates(pages, config: config)
        diagnostics += checkFocalPointIDs(sources, known: focalPoints)
        diagnostics += FocalPointReview.check(focalPoints.values, now: mode.now, days: config.focalPointReviewDays)
        diagnostics += ContactMatcher.attach(to: &pages, focalPoints: focalPoints)
        let sections = makeSections(pages, folders: folders, config: config)
        linkTranslations(&pages, config: config)
        var urlByContentPath: [String: Route] = [:]
        urlByContentPath.reserveCapacity(pages.count)
        for page in pages { urlByContentPath[page.source.contentPath] = page.url }
        let (listings, taxonomyIndexes) = ListingAssembler.make(pages: pages, sections: sections, config: config)
        let graph = SiteGraph(config: config, mode: mode, pages: pages, sections: sections,
                              listings: listings, taxonomyIndexes: taxonomyIndexes,
                              navigation: NavigationEntry.make(pages: pages, sections: sections), focalPoints: focalPoints,
                              nextChange: nextChange(sources, mode: mode),
                              urlByContentPath: urlByContentPath, hiddenByContentPath: hidden)
        return (graph, diagnostics)
    }

    /// A page's summary: its own, else its first paragraph.
    static func summary(of source: SourcePage) -> String {
        source.frontMatter.summary ?? source.firstParagraph
    }

    /// The earliest future embargo of a page that is not a hidden draft.
    static func nextChange(_ sources: [SourcePage], mode: BuildMode) -> PageDate? {
        sources.compactMap { source -> PageDate? in
            guard let embargo = source.frontMatter.embargo?.value, embargo.instant > mode.now,
                  !source.frontMatter.draft || mode.includeDrafts else { return nil }
            return embargo
        }.min()
    }

    /// Newest first; undated pages after dated ones, by weight, then title.
    static func listingOrder(_ a: Page, _ b: Page) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            let (wa, wb) = (a.frontMatter.weight ?? 0, b.frontMatter.weight ?? 0)
            if wa != wb { return wa < wb }
            if a.title != b.title { return a.title < b.title }
            return a.url < b.url
        }
    }

    /// Pages of dated sections without `date:`; a date that is written but
    /// wrong is already an error of its own.
    private static func requireDates(_ pages: [Page], config: SiteConfig) -> [Diagnostic] {
        pages.indices.compactMap { index in
            let source = pages[index].source
            guard source.kind == .page, let section = source.section,
                  config.datedSections.contains(section), source.frontMatter.date == nil,
                  !source.frontMatter.dateWritten else { return nil }
            return .error(SourceLocation(path: source.path, line: 2, column: 1),
                          "pages in '\(section)' need a date", hint: "add a line `date: 2026-03-05` to the front matter")
        }
    }

    private static func checkFocalPointIDs(_ sources: [SourcePage], known: [String: FocalPointRecord]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for index in sources.indices {
            // Asked of the keys: `known[id] == nil` copied the record out to compare it with nil.
            for id in sources[index].frontMatter.focalPoints where known.index(forKey: id.value) == nil {
                let hint = Suggestion.nearest(to: id.value, in: known.keys).map { "did you mean '\($0)'?" }
                    ?? "focal points are the files in content/focal-points/; write a file's name without .md"
                diagnostics.append(.error(id.location, "unknown focal point '\(id.value)'", hint: hint))
            }
        }
        return diagnostics
    }

    /// One listing per top-level folder and language (and per deeper folder
    /// that has an `_index.md`), holding every published page beneath it.
    /// `folders` holds the folders of each page's content path.
    private static func makeSections(_ pages: [Page], folders: [[String]], config: SiteConfig) -> [Section] {
        struct Key: Hashable { var folder: String; var language: String }
        var indexPages: [Key: Int] = [:]
        var keys: Set<Key> = []
        // Loops go by index: binding `page` would copy each Page.
        for index in pages.indices {
            let path = folders[index], language = pages[index].source.language
            guard !path.isEmpty else { continue }
            if pages[index].source.kind == .section {
                let key = Key(folder: path.joined(separator: "/"), language: language)
                indexPages[key] = index
                keys.insert(key)
            }
            keys.insert(Key(folder: path[0], language: language))
        }
        var membersByKey: [Key: [Int]] = [:]
        for index in pages.indices where pages[index].source.kind == .page || pages[index].source.kind == .focalPoint {
            let language = pages[index].source.language
            var folder = ""
            for (depth, name) in folders[index].enumerated() {
                folder = depth == 0 ? name : folder + "/" + name
                let key = Key(folder: folder, language: language)
                if keys.contains(key) { membersByKey[key, default: []].append(index) }
            }
        }
        let ordered = keys.sorted { ($0.folder, $0.language) < ($1.folder, $1.language) }
        return ordered.map { key in
            let url = Route.folder(key.folder.split(separator: "/").map(String.init), language: key.language, config: config)
            let members = (membersByKey[key] ?? []).sorted { listingOrder(pages[$0], pages[$1]) }
            let title = indexPages[key].map { pages[$0].title } ?? defaultTitle(key.folder)
            return Section(folder: key.folder, language: key.language, title: title, url: url,
                           indexPage: indexPages[key], members: members)
        }
    }

    /// `focal-points` → "Focal points".
    static func defaultTitle(_ folder: String) -> String {
        let name = folder.split(separator: "/").last.map(String.init) ?? folder
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    private static func linkTranslations(_ pages: inout [Page], config: SiteConfig) {
        var byKey: [String: [Int]] = [:]
        byKey.reserveCapacity(pages.count)
        for index in pages.indices {
            byKey[pages[index].source.kind.rawValue + ":" + pages[index].source.translationKey, default: []].append(index)
        }
        for indices in byKey.values where indices.count > 1 {
            for index in indices {
                pages[index].translations = indices.filter { $0 != index }
                    .map { Page.Translation(language: pages[$0].source.language, url: pages[$0].url) }
                    .sorted { (config.languages.firstIndex(of: $0.language) ?? 99) < (config.languages.firstIndex(of: $1.language) ?? 99) }
            }
        }
    }
}

import Foundation
