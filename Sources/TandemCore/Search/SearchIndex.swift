import Foundation

/// The search terms of every searchable page and, per language, which pages
/// list each term, grouped by term file (`SearchBuckets`). Made with the
/// site's assembly and carried from one preview run to the next: only pages
/// whose title, summary or body changed are split into terms again, and only
/// the buckets their terms fall in change (each bucket has a revision, the
/// value its term file depends on). Postings name pages by an id the index
/// gives each page path for its life; a page's number in the search files,
/// its place in the language's listing of all pages (newest first), is made
/// from the id when a file is written.
struct SearchIndex: Sendable {
    /// The terms of one page and what they were made from.
    struct PageTerms: Sendable {
        var language: String
        var title: String
        var summary: String
        var body: String
        var terms: Set<String>

        func isMade(from page: Page) -> Bool {
            language == page.source.language && title == page.title && summary == page.summary && body == page.source.body
        }
    }

    /// The pages (by id, ascending) that list each term of one term file.
    struct Bucket: Sendable {
        var revision: Int
        var postings: [String: [Int32]] = [:]
    }

    struct Language: Sendable {
        /// The searchable pages, newest first: a page's number is its place here.
        var order: [String] = []
        var numbers: [String: Int] = [:]
        /// The number of each page id (-1: not a page of this language).
        var numberOfID: [Int32] = []
        var buckets: [Bucket] = []
    }

    private(set) var pages: [String: PageTerms] = [:]
    private(set) var languages: [String: Language] = [:]
    private var ids: [String: Int32] = [:]

    /// The index of `graph`, reusing the terms of unchanged pages of `last`.
    init(graph: SiteGraph, reusing last: SearchIndex? = nil) {
        ids = last?.ids ?? [:]
        var searchable: [(path: String, page: Page)] = []
        for language in graph.config.languages {
            var entry = Language()
            if let all = graph.listings.first(where: { $0.kind == .all && $0.language == language }) {
                entry.order = all.members.map { graph.pages[$0].source.contentPath }
                searchable += all.members.map { (graph.pages[$0].source.contentPath, graph.pages[$0]) }
            }
            for (number, path) in entry.order.enumerated() {
                entry.numbers[path] = number
                if ids[path] == nil { ids[path] = Int32(ids.count) }
            }
            languages[language] = entry
        }
        for (name, language) in languages {
            var numberOfID = [Int32](repeating: -1, count: ids.count)
            for (number, path) in language.order.enumerated() { numberOfID[Int(ids[path]!)] = Int32(number) }
            languages[name]?.numberOfID = numberOfID
        }
        let kept = last?.pages ?? [:]
        let made = searchable.parallelMap { path, page -> (path: String, terms: PageTerms, remade: Bool) in
            if let old = kept[path], old.isMade(from: page) { return (path, old, false) }
            return (path, Self.terms(of: page), true)
        }
        for entry in made { pages[entry.path] = entry.terms }
        let changed = Set(made.filter(\.remade).map(\.path)).union(kept.keys.filter { pages[$0] == nil })
        for (name, language) in languages {
            let count = SearchBuckets.count(pages: language.order.count)
            if let last, let old = last.languages[name], old.buckets.count == count {
                languages[name]?.buckets = old.buckets
                for path in changed { update(path, from: last.pages[path], to: pages[path], language: name) }
            } else {
                var buckets = (0..<count).map { _ in Bucket(revision: Self.nextRevision()) }
                for path in language.order.sorted(by: { ids[$0]! < ids[$1]! }) {
                    let id = ids[path]!
                    for term in pages[path]?.terms ?? [] {
                        buckets[SearchBuckets.bucket(of: term, count: count)].postings[term, default: []].append(id)
                    }
                }
                languages[name]?.buckets = buckets
            }
        }
    }

    /// Puts the pages at `paths` in again from `graph` (same pages, same order: a text edit).
    /// Returns the buckets whose postings changed, by language.
    mutating func update(_ paths: [String], in graph: SiteGraph, pageIndex: (String) -> Int?) -> [(language: String, bucket: Int)] {
        var touched: [(String, Int)] = []
        for path in paths {
            guard let before = pages[path], let index = pageIndex(path) else { continue }
            let page = graph.pages[index]
            if before.isMade(from: page) { continue }
            let after = Self.terms(of: page)
            pages[path] = after
            let count = languages[before.language]?.buckets.count ?? 0
            touched += before.terms.symmetricDifference(after.terms).map { (before.language, SearchBuckets.bucket(of: $0, count: count)) }
            update(path, from: before, to: after, language: before.language)
        }
        return touched
    }

    private mutating func update(_ path: String, from before: PageTerms?, to after: PageTerms?, language name: String) {
        guard var language = languages[name], !language.buckets.isEmpty, let id = ids[path] else { return }
        let count = language.buckets.count
        let old = before?.language == name ? before?.terms ?? [] : []
        let new = after?.language == name && language.numbers[path] != nil ? after?.terms ?? [] : []
        for term in old.subtracting(new) {
            let bucket = SearchBuckets.bucket(of: term, count: count)
            language.buckets[bucket].postings[term]?.removeAll { $0 == id }
            if language.buckets[bucket].postings[term]?.isEmpty == true { language.buckets[bucket].postings[term] = nil }
            language.buckets[bucket].revision = Self.nextRevision()
        }
        for term in new.subtracting(old) {
            let bucket = SearchBuckets.bucket(of: term, count: count)
            var list = language.buckets[bucket].postings[term] ?? []
            list.insert(id, at: list.firstIndex { $0 > id } ?? list.endIndex)
            language.buckets[bucket].postings[term] = list
            language.buckets[bucket].revision = Self.nextRevision()
        }
        languages[name] = language
    }

    /// The terms of a page: its title, summary and body text.
    static func terms(of page: Page) -> PageTerms {
        var terms = SearchTokenizer.terms(page.title)
        terms.formUnion(SearchTokenizer.terms(page.summary))
        terms.formUnion(SearchTokenizer.terms(page.source.body, markdown: true))
        return PageTerms(language: page.source.language, title: page.title, summary: page.summary,
                         body: page.source.body, terms: terms)
    }

    private static let revisions = Revisions()

    private static func nextRevision() -> Int { revisions.next() }
}

/// A counter shared by every index, so two different buckets never have the same revision.
private final class Revisions: @unchecked Sendable {
    private let lock = NSLock()
    private var last = 0

    func next() -> Int {
        lock.withLock { last += 1; return last }
    }
}
