import Foundation
import Mustache
import Testing
@testable import TandemCore

/// A page's entry in listings renders once per build with the built-in
/// templates (`PageContext.item`, `MustacheMemo`), and the listings that
/// append the kept text are the same as listings rendered without it, and
/// record that they read the same.
@Suite struct ListingMemoTests {
    static let mode = BuildMode(includeDrafts: false, now: try! PageDate.parse("2026-11-22T12:00:00Z").instant)

    static let files = [
        "tandem.yaml": "languages: [en, fr]\n",
        "content/news/2026/a.md": page("title: Water trucking\ndate: 2026-03-01\npersons: [refugees]\njoint: true\nlead: UNHCR\nfocal_points: []", "Trucks brought water."),
        "content/news/2026/b.md": page("title: Shelter\ndate: 2026-03-02\npersons: [refugees]\nsummary: Tents for families.", "Families received tents."),
        "content/news/2026/c.md": page("title: Undated note\npersons: [migrants]", "No date here."),
    ]

    /// The model of the site and every listing page of its plan, made through
    /// readers that record what they read (as `tandem build` and the preview do).
    static func listings(of site: TestSite, makesOnce: Bool) -> (SiteModel, [String: String], [String: Set<Dependency>]) {
        let sources = SourceCache(root: site.root)
        _ = sources.refresh()
        let graph = SiteAssembler.assemble(sources.pages, config: sources.config, mode: mode).0
        let model = SiteModel(graph: graph, templates: sources.templates!, fileStamps: [:], sitePaths: SitePaths(),
                              search: SearchIndex())
        let plan = SitePlan(graph: graph, templates: sources.templates!)
        let output = MemoryOutput()
        var read: [String: Set<Dependency>] = [:]
        for entry in plan.entries {
            guard case .listingPage = entry.job else { continue }
            let reader = SiteReader(model: model, records: true, makesOnce: makesOnce)
            _ = SiteRenderer(site: reader, output: output, root: site.root).make(entry)
            read[entry.outputPath] = reader.recorded
        }
        return (model, output.files.mapValues { String(decoding: $0.bytes, as: UTF8.self) }, read)
    }

    @Test func eachEntryIsRenderedOnceAndListingsAreTheSame() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        let (model, remembered, readOnce) = Self.listings(of: site, makesOnce: true)
        let (previewModel, rendered, readEach) = Self.listings(of: site, makesOnce: false)
        #expect(remembered.count > 3)
        #expect(remembered == rendered)
        // A listing that appends an entry's kept text depends on the entry as one that made it.
        #expect(readOnce == readEach)
        #expect(readOnce.values.filter { $0.contains(.card("news/2026/b.md")) }.count > 1)
        for path in ["news/2026/a.md", "news/2026/b.md", "news/2026/c.md"] {
            let index = try #require(model.pageIndex(of: path))
            #expect(model.listingMemo(index).count == 1, "\(path)")
            // The preview makes each output's values itself: nothing is shared between outputs.
            #expect(previewModel.listingMemo(index).count == 0, "\(path)")
        }
        #expect(remembered.values.contains { $0.contains("Tents for families.") && $0.contains("Undated note") })
    }
}
