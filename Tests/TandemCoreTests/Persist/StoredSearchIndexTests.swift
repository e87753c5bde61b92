import Foundation
import Testing
@testable import TandemCore

/// A build keeps its search index in its state (`StoredSearchIndex`); the
/// next build makes its own from the one read back, as the preview does from
/// the one in memory, and it must equal an index made from nothing.
@Suite struct StoredSearchIndexTests {
    typealias Update = SearchIndexUpdateTests

    /// The index written as a build's state writes it and read back; with
    /// `revisionsFrom`, as another process wrote it, whose revisions had
    /// come that far (each bucket's revision moved up by it).
    static func throughStore(_ index: SearchIndex, revisionsFrom offset: Int = 0) throws -> SearchIndex? {
        let paths = try CompactCoder.encode(StoredSearchIndex(paths: index))
        let languages = try index.languages.map { try CompactCoder.encode(StoredSearchIndex.StoredLanguage($0.key, $0.value)) }
        let readPaths = try paths.withUnsafeBytes { try CompactCoder.decode(StoredSearchIndex.self, from: $0) }
        var readLanguages = try languages.map { bytes in
            try bytes.withUnsafeBytes { try CompactCoder.decode(StoredSearchIndex.StoredLanguage.self, from: $0) }
        }
        for language in readLanguages.indices {
            for bucket in readLanguages[language].buckets.indices { readLanguages[language].buckets[bucket].revision += offset }
        }
        return readPaths.index(languages: readLanguages)
    }

    static func revisions(_ index: SearchIndex) -> [String: [Int]] {
        index.languages.mapValues { $0.buckets.map(\.revision) }
    }

    @Test func anIndexReadBackIsTheIndexOfItsSiteWithItsRevisions() throws {
        let site = TestSite(Update.files)
        defer { site.cleanUp() }
        let sources = SourceCache(root: site.root)
        let model = Update.model(sources, reusing: nil)
        let read = try #require(try Self.throughStore(model.search))
        #expect(Update.table(read) == Update.table(model.search) && Self.revisions(read) == Self.revisions(model.search))
        #expect(read.ids == model.search.ids && read.languages.mapValues(\.numbers) == model.search.languages.mapValues(\.numbers))
        #expect(read.isIndex(of: model.graph))
        site.write("content/news/2026/z.md", Update.news(12, "Another", "One more page."))
        #expect(!read.isIndex(of: Update.model(sources, reusing: nil).graph), "an index is not that of a site with another page")
    }

    @Test func afterEveryKindOfEditAnIndexMadeFromOneReadBackEqualsOneMadeFromNothing() throws {
        let site = TestSite(Update.files)
        defer { site.cleanUp() }
        let sources = SourceCache(root: site.root)
        var last = Update.model(sources, reusing: nil)
        let edits: [(String, () -> Void)] = [
            ("body", { site.write("content/news/2026/c.md", Update.news(3, "Registration", "Registration of new arrivals, with biometrics.")) }),
            ("title", { site.write("content/news/2026/d.md", Update.news(4, "Health posts", "Clinics opened near the border.")) }),
            ("a ninth page: two term files", { site.write("content/news/2026/i.md", Update.news(10, "Livelihoods", "Vocational training began.")) }),
            ("a page removed", { site.remove("content/news/2026/a.md") }),
            ("a page changes language", { site.write("content/news/2026/g.md", Update.news(7, "Retours", "Les rapatriés ont traversé.", "\nlang: fr")) }),
        ]
        for (step, (name, edit)) in edits.enumerated() {
            // As a new build, in a new process: the last site's model with the
            // index its state kept, whose revisions are above this process's.
            let read = try #require(try Self.throughStore(last.search, revisionsFrom: (step + 1) << 40))
            let kept = SiteModel(graph: last.graph, templates: last.templates, fileStamps: [:], sitePaths: SitePaths(), search: read)
            edit()
            let model = Update.model(sources, reusing: kept)
            #expect(Update.table(model.search) == Update.table(SearchIndex(graph: model.graph)), "after: \(name)")
            // A bucket that changed has a revision above every stored one (so
            // none it ever had); one that did not keeps its own.
            let before = Self.revisions(read), after = Self.revisions(model.search)
            let largestStored = before.values.joined().max()!
            for (language, revisions) in after where before[language]?.count == revisions.count {
                for (bucket, revision) in revisions.enumerated() where revision != before[language]![bucket] {
                    #expect(revision > largestStored, "after: \(name)")
                }
            }
            #expect(after != before, "after: \(name)")
            last = model
        }
    }

    @Test func aStoredIndexWhosePartsDoNotFitIsNotReadBack() throws {
        let site = TestSite(Update.files)
        defer { site.cleanUp() }
        let sources = SourceCache(root: site.root)
        let index = Update.model(sources, reusing: nil).search
        let paths = StoredSearchIndex(paths: index)
        let languages = index.languages.map { StoredSearchIndex.StoredLanguage($0.key, $0.value) }
        #expect(paths.index(languages: languages) != nil)
        var twice = paths
        twice.paths.append(twice.paths[0])
        #expect(twice.index(languages: languages) == nil, "a path twice")
        var unknown = languages
        unknown[0].order.append("news/2026/nowhere.md")
        #expect(paths.index(languages: unknown) == nil, "a page without an id")
        var cut = languages
        let withPostings = try #require(cut[0].buckets.firstIndex { !$0.postings.isEmpty })
        cut[0].buckets[withPostings].postings.removeLast()
        #expect(paths.index(languages: cut) == nil, "postings cut short")
        var beyond = languages
        beyond[0].buckets[withPostings].postings[1] = 0x7F
        #expect(paths.index(languages: beyond) == nil, "an id beyond the pages")
        var endless = languages
        endless[0].buckets[0].revision = .max
        #expect(paths.index(languages: endless) == nil, "a revision the counter could not go past")
    }
}
