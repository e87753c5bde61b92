import Foundation
import Testing
@testable import TandemCore

/// The preview makes each search index from the last one; after any edit it
/// lists the same pages for each term, in the same term files, as an index
/// made from nothing.
@Suite struct SearchIndexUpdateTests {
    static let mode = BuildMode(includeDrafts: false, now: try! PageDate.parse("2026-11-22T12:00:00Z").instant)

    static func news(_ day: Int, _ title: String, _ body: String, _ more: String = "") -> String {
        page("title: \(title)\ndate: 2026-03-\(String(format: "%02d", day))\(more)", body)
    }

    /// Eight English pages (one term file), one French, one draft.
    static let files = [
        "tandem.yaml": "languages: [en, fr]\n",
        "content/news/2026/a.md": news(1, "Water trucking", "Trucks brought water to Adré."),
        "content/news/2026/b.md": news(2, "Shelter", "Families received tents.", "\nsummary: Tents for families."),
        "content/news/2026/c.md": news(3, "Registration", "Registration of new arrivals."),
        "content/news/2026/d.md": news(4, "Health", "Clinics opened near the border."),
        "content/news/2026/e.md": news(5, "Schools", "Classrooms reopened."),
        "content/news/2026/f.md": news(6, "Cash", "Cash assistance reached households."),
        "content/news/2026/g.md": news(7, "Returns", "Returnees crossed the river."),
        "content/news/2026/h.md": news(8, "Outlook", "Rains are expected."),
        "content/news/2026/a.fr.md": news(1, "Eau", "Des camions ont apporté de l'eau."),
        "content/news/2026/secret.md": news(9, "Hidden", "Xylophonist draftword.", "\ndraft: true"),
    ]

    /// A model of the site as it is now, its index made from `last`'s.
    static func model(_ sources: SourceCache, reusing last: SiteModel?) -> SiteModel {
        _ = sources.refresh()
        let graph = SiteAssembler.assemble(sources.pages, config: sources.config, mode: mode).0
        return SiteModel(graph: graph, templates: sources.templates!, fileStamps: [:], sitePaths: SitePaths(),
                         search: SearchIndex(graph: graph, reusing: last))
    }

    /// Each language's term files: the terms of each, with the numbers of the pages that list them.
    static func table(_ index: SearchIndex) -> [String: [[String: [Int32]]]] {
        index.languages.mapValues { language in
            language.buckets.map { $0.postings.dictionary.mapValues { ids in ids.map { language.numberOfID[Int($0)] }.sorted() } }
        }
    }

    @Test func afterEveryKindOfEditTheIndexEqualsOneMadeFromNothing() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        let sources = SourceCache(root: site.root)
        var last = Self.model(sources, reusing: nil)
        let edits: [(String, () -> Void)] = [
            ("body", { site.write("content/news/2026/c.md", Self.news(3, "Registration", "Registration of new arrivals, with biometrics.")) }),
            ("body words removed", { site.write("content/news/2026/c.md", Self.news(3, "Registration", "Biometrics.")) }),
            ("title", { site.write("content/news/2026/d.md", Self.news(4, "Health posts", "Clinics opened near the border.")) }),
            ("summary", { site.write("content/news/2026/b.md", Self.news(2, "Shelter", "Families received tents.", "\nsummary: Plastic sheeting.")) }),
            ("date: the numbering changes", { site.write("content/news/2026/h.md", Self.news(1, "Outlook", "Rains are expected.")) }),
            ("a ninth page: two term files", { site.write("content/news/2026/i.md", Self.news(10, "Livelihoods", "Vocational training began.")) }),
            ("a page added", { site.write("content/news/2026/j.md", Self.news(11, "Logistics", "Convoys left at dawn.")) }),
            ("a page made a draft", { site.write("content/news/2026/e.md", Self.news(5, "Schools", "Classrooms reopened.", "\ndraft: true")) }),
            ("a draft published", { site.write("content/news/2026/secret.md", Self.news(9, "Hidden", "Xylophonist draftword.")) }),
            ("a page removed", { site.remove("content/news/2026/a.md") }),
            ("a page changes language: one term file again", { site.write("content/news/2026/g.md", Self.news(7, "Retours", "Les rapatriés ont traversé.", "\nlang: fr")) }),
            ("a page under embargo", { site.write("content/news/2026/f.md", Self.news(6, "Cash", "Cash assistance reached households.", "\nembargo: 2099-01-01T00:00:00Z")) }),
            ("another page removed", { site.remove("content/news/2026/j.md") }),
        ]
        for (name, edit) in edits {
            edit()
            let model = Self.model(sources, reusing: last)
            let fresh = SearchIndex(graph: model.graph)
            #expect(Self.table(model.search) == Self.table(fresh), "after: \(name)")
            last = model
        }
        let terms = Self.table(last.search).values.flatMap { $0.flatMap(\.keys) }
        #expect(terms.contains("xylophonist") && terms.contains("rapatries") && !terms.contains("cash") && !terms.contains("convoys"))
        #expect(last.search.languages["en"]?.buckets.count == 1 && last.search.languages["fr"]?.order.count == 2)
    }

    @Test func aTextEditChangesOnlyTheTermFilesOfTheWordsItAddedOrRemoved() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        let sources = SourceCache(root: site.root)
        site.write("content/news/2026/i.md", Self.news(10, "Livelihoods", "Vocational training began."))
        let last = Self.model(sources, reusing: nil)
        let count = try #require(last.search.languages["en"]?.buckets.count)
        #expect(count > 1)
        site.write("content/news/2026/i.md", Self.news(10, "Livelihoods", "Vocational training began. Biometrics."))
        _ = sources.refresh()
        let graph = SiteAssembler.assemble(sources.pages, config: sources.config, mode: Self.mode).0
        let path = "news/2026/i.md"
        var index = last.search
        let touched = index.update([(try #require(last.page(at: path)), try #require(graph.pages.first { $0.source.contentPath == path }))])
        #expect(touched.map(\.bucket) == [SearchBuckets.bucket(of: "biometrics", count: count)] && touched.map(\.language) == ["en"])
        #expect(Self.table(index) == Self.table(SearchIndex(graph: graph)))
        let before = last.search.languages["en"]!.buckets.map(\.revision), after = index.languages["en"]!.buckets.map(\.revision)
        #expect(before.indices.filter { before[$0] != after[$0] } == touched.map(\.bucket))
    }
}
