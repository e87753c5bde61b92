import Foundation

/// Per language, which pages list each term, grouped by term file
/// (`SearchBuckets`). Made with the site's assembly; the preview makes each
/// index from the last one: only pages whose title, summary or body changed,
/// or that came, went or changed language, are split into terms again (their
/// old terms from the last model's page), and only the buckets of the terms
/// they gained or lost change. Each bucket has a revision, the value its term
/// file depends on. The index keeps no page's terms, only the postings, so a
/// text edit copies nothing of the size of the site. Postings name pages by
/// an id the index gives each page path for its life; a page's number in the
/// search files, its place in the language's listing of all pages (newest
/// first), is made from the id when a file is written.
struct SearchIndex: Sendable {
    /// The pages (by id, ascending) that list each term of one term file.
    struct Bucket: Sendable {
        var revision: Int
        var postings = TermPostings()
    }

    struct Language: Sendable {
        /// The searchable pages, newest first: a page's number is its place here.
        var order: [String] = []
        var numbers: [String: Int] = [:]
        /// The number of each page id (-1: not a page of this language).
        var numberOfID: [Int32] = []
        var buckets: [Bucket] = []
    }

    /// A page of a language before and after a change (nil: not a searchable page of the language).
    typealias Change = (path: String, before: Page?, after: Page?)

    private(set) var languages: [String: Language] = [:]
    /// The id of every page path the index has seen (ids are never reused).
    private(set) var ids: [String: Int32] = [:]

    /// The index of `graph`; with `last`, the index of the last model, made
    /// again only where pages changed (or in full for a language whose number
    /// of term files changed).
    init(graph: SiteGraph, reusing last: SiteModel? = nil) {
        // Ids of pages gone stay taken; once they are most of the ids, the index is made afresh.
        let last = last.flatMap { $0.search.ids.count <= 2 * graph.pages.count + 64 ? $0 : nil }
        ids = last?.search.ids ?? [:]
        // By index in `graph.pages`: no list of pages is made for the index.
        var searchable: [String: [Int]] = [:]
        for language in graph.config.languages {
            var entry = Language()
            if let all = graph.listings.first(where: { $0.kind == .all && $0.language == language }) {
                searchable[language] = all.members
                entry.order = all.members.map { graph.pages[$0].source.contentPath }
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
            let pages = searchable[name] ?? []
            let count = SearchBuckets.count(pages: pages.count)
            if let last, let old = last.search.languages[name], old.buckets.count == count {
                languages[name]?.buckets = old.buckets
                // Compared on both cores: the pages of the last model are only read.
                var changes: [Change] = pages.parallelMap { index -> Change? in
                    let page = graph.pages[index]
                    let path = page.source.contentPath
                    let before = old.numbers[path] != nil ? last.page(at: path) : nil
                    return before.map { Self.sameText($0, page) } == true ? nil : (path, before, page)
                }.compactMap { $0 }
                changes += old.order.filter { language.numbers[$0] == nil }.map { ($0, last.page(at: $0), nil) }
                apply(changes, language: name)
            } else {
                languages[name]?.buckets = (0..<count).map { _ in Bucket(revision: Self.nextRevision()) }
                apply(newPages: pages, of: graph, language: name)
            }
        }
    }

    /// Puts changed pages in again (a text edit: the same pages, in the same
    /// languages and order). Returns the buckets whose postings changed.
    mutating func update(_ changes: [(before: Page, after: Page)]) -> [(language: String, bucket: Int)] {
        var touched: [(String, Int)] = []
        for (before, after) in changes where !Self.sameText(before, after) {
            let path = after.source.contentPath, language = after.source.language
            guard languages[language]?.numbers[path] != nil else { continue }
            touched += apply([(path, before, after)], language: language).map { (language, $0) }
        }
        return touched
    }

    /// Moves the pages of `changes` from their old terms to their new ones in
    /// the buckets of `language`. Returns the buckets that changed.
    @discardableResult
    private mutating func apply(_ changes: [Change], language name: String) -> [Int] {
        apply(count: changes.count, language: name, path: { changes[$0].path }) { index, id, buckets in
            Move(changes[index], id: id, buckets: buckets)
        }
    }

    /// Puts pages new to the index (`graph.pages[pages[i]]`) into the buckets
    /// of `language`: a full build's pages, read where they are in the graph,
    /// not copied into a list of changes first.
    private mutating func apply(newPages pages: [Int], of graph: SiteGraph, language name: String) {
        apply(count: pages.count, language: name, path: { graph.pages[pages[$0]].source.contentPath }) { index, id, buckets in
            Move(adding: SearchIndex.collectTerms(of: graph.pages, at: pages[index]), id: id, buckets: buckets)
        }
    }

    /// Applies `count` moves, `move(i, id, buckets)` making the `i`th for
    /// the page at `path(i)` with its id; returns the buckets that changed.
    @discardableResult
    private mutating func apply(count changeCount: Int, language name: String, path: (Int) -> String,
                                move: @Sendable (Int, Int32, Int) -> Move) -> [Int] {
        guard var language = languages[name], !language.buckets.isEmpty else { return [] }
        let count = language.buckets.count
        let ids = self.ids
        // In id order, so that a whole language's pages are appended to the postings, not inserted.
        let order = (0..<changeCount).map { (index: $0, id: ids[path($0)]!) }.sorted { $0.id < $1.id }
        var touched = [Bool](repeating: false, count: count)
        // A few hundred pages at a time: only their term sets are held at
        // once, not those of every page of the language. Their moves are made
        // on all cores; then each half of the buckets takes its own, one half
        // on each core (a bucket's postings change in the same order as one by one).
        for start in stride(from: 0, to: order.count, by: Self.pagesAtOnce) {
            let chunk = Array(order[start..<min(order.count, start + Self.pagesAtOnce)])
            let moves = chunk.parallelMap { move($0.index, $0.id, count) }
            let halves = language.buckets.withUnsafeMutableBufferPointer { buckets in
                concurrently({ Self.apply(moves, half: 0, to: buckets) }, { Self.apply(moves, half: 1, to: buckets) })
            }
            for bucket in halves.0 + halves.1 { touched[bucket] = true }
        }
        let changed = touched.indices.filter { touched[$0] }
        for bucket in changed { language.buckets[bucket].revision = Self.nextRevision() }
        languages[name] = language
        return changed
    }

    /// How many pages' terms are made in parallel and held at once.
    private static let pagesAtOnce = 256

    /// The terms one page loses and gains (`TermList`s), with each one's
    /// bucket, by half of the buckets (the lower half is 0).
    private struct Move: Sendable {
        /// A term of `lost` or `gained`, by its place there.
        /// A struct, not a tuple: an array of tuples is destroyed through the runtime's generic tuple code.
        struct Term {
            var bucket: Int
            var index: Int
        }

        var id: Int32
        var lost: TermList
        var gained: TermList
        var lostByHalf: [[Term]]
        var gainedByHalf: [[Term]]

        /// The move of a page new to the index (every page of a full build, a
        /// page added while the preview runs): it only gains, each term's bytes
        /// and hash the ones the tokenizer made as it read the term, and no set
        /// is needed.
        init(adding terms: SearchTokenizer.Collector, id: Int32, buckets count: Int) {
            self.init(id: id, lost: TermList(), gained: terms.termList, buckets: count)
        }

        init(_ change: Change, id: Int32, buckets count: Int) {
            guard let before = change.before else {
                self.init(adding: change.after.map(SearchIndex.collectTerms(of:)) ?? SearchTokenizer.Collector(), id: id, buckets: count)
                return
            }
            let old = Set(SearchIndex.terms(of: before)), now = Set(change.after.map(SearchIndex.terms(of:)) ?? [])
            self.init(id: id, lost: TermList(old.subtracting(now)), gained: TermList(now.subtracting(old)), buckets: count)
        }

        private init(id: Int32, lost: TermList, gained: TermList, buckets count: Int) {
            self.id = id
            self.lost = lost
            self.gained = gained
            lostByHalf = Move.byHalf(lost, buckets: count)
            gainedByHalf = Move.byHalf(gained, buckets: count)
        }

        /// Each term of `terms` with its bucket, by half of the buckets (the lower half first).
        private static func byHalf(_ terms: TermList, buckets count: Int) -> [[Term]] {
            var (lower, upper): ([Term], [Term]) = ([], [])
            // Each half holds about half of the terms: room for a little more, so neither grows.
            lower.reserveCapacity(terms.count / 2 + terms.count / 8 + 8)
            upper.reserveCapacity(terms.count / 2 + terms.count / 8 + 8)
            terms.withTerms { bytes in
                for index in 0 ..< terms.count {
                    let term = Term(bucket: SearchBuckets.bucket(of: bytes[index], count: count), index: index)
                    if term.bucket < count / 2 { lower.append(term) } else { upper.append(term) }
                }
            }
            return [lower, upper]
        }
    }

    /// Applies the moves of one half of the buckets, in order; returns the buckets touched.
    private static func apply(_ moves: [Move], half: Int, to buckets: UnsafeMutableBufferPointer<Bucket>) -> [Int] {
        var touched: [Int] = []
        for move in moves {
            move.lost.withTerms { bytes in
                for term in move.lostByHalf[half] {
                    buckets[term.bucket].postings.remove(move.id, from: bytes[term.index], hash: move.lost.hashes[term.index])
                    touched.append(term.bucket)
                }
            }
            move.gained.withTerms { bytes in
                for term in move.gainedByHalf[half] {
                    buckets[term.bucket].postings.add(move.id, to: bytes[term.index], hash: move.gained.hashes[term.index])
                    touched.append(term.bucket)
                }
            }
        }
        return touched
    }

    /// Whether two versions of a page have the same searchable text.
    private static func sameText(_ a: Page, _ b: Page) -> Bool {
        a.title == b.title && a.summary == b.summary && a.source.body == b.source.body
    }

    /// The terms of a page, each once: its title, summary and body text.
    static func terms(of page: Page) -> [String] {
        collectTerms(of: page).list
    }

    /// The terms of a page with their hashes (`SearchTokenizer.Collector`).
    static func collectTerms(of page: Page) -> SearchTokenizer.Collector {
        collectTerms(title: page.title, summary: page.summary, body: page.source.body)
    }

    /// `collectTerms(of:)` of `pages[index]`, its fields read where the page is (not copied whole).
    static func collectTerms(of pages: [Page], at index: Int) -> SearchTokenizer.Collector {
        collectTerms(title: pages[index].title, summary: pages[index].summary, body: pages[index].source.body)
    }

    private static func collectTerms(title: String, summary: String, body: PageBody) -> SearchTokenizer.Collector {
        var collector = SearchTokenizer.Collector()
        collector.add(title)
        collector.add(summary)
        switch body {
        case .markdown(let markdown): collector.add(markdown, markdown: true)
        case .prepared(let prepared):
            collector.add(utf8: prepared.html, html: true)
            // An image's text is in its hole, not in the HTML.
            for hole in prepared.holes where hole.isImage { collector.add(hole.alt) }
        }
        return collector
    }

    private static let revisions = Revisions()

    private static func nextRevision() -> Int { revisions.next() }

    /// An index read back from a build's state (`StoredSearchIndex`): the
    /// revisions this process gives from now on are above all of its own, so
    /// that a bucket changed later never has a revision it had before.
    init(ids: [String: Int32], languages: [String: Language]) {
        self.ids = ids
        self.languages = languages
        let largest = languages.values.flatMap { $0.buckets.map(\.revision) }.max() ?? 0
        Self.revisions.advance(past: largest)
    }

    /// Whether this index lists the searchable pages of `graph`, in its order
    /// (a kept index is used for the site it was made for, and no other).
    func isIndex(of graph: SiteGraph) -> Bool {
        guard Set(languages.keys) == Set(graph.config.languages) else { return false }
        return graph.config.languages.allSatisfy { language in
            let all = graph.listings.first { $0.kind == .all && $0.language == language }
            let order = languages[language]!.order
            return order.count == (all?.members.count ?? 0)
                && zip(order, all?.members ?? []).allSatisfy { $0 == graph.pages[$1].source.contentPath }
        }
    }
}

/// A counter shared by every index, so two different buckets never have the same revision.
private final class Revisions: @unchecked Sendable {
    private let lock = NSLock()
    private var last = 0

    func next() -> Int {
        lock.withLock { last += 1; return last }
    }

    func advance(past revision: Int) {
        lock.withLock { last = max(last, revision) }
    }
}
