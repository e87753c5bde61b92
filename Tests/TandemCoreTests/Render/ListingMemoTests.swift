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
    static func listings(of site: TestSite, makesOnce: Bool, pages: Bool = false) -> (SiteModel, [String: String], [String: Set<Dependency>]) {
        let sources = SourceCache(root: site.root)
        _ = sources.refresh()
        let graph = SiteAssembler.assemble(sources.pages, config: sources.config, mode: mode).0
        let model = SiteModel(graph: graph, templates: sources.templates!, fileStamps: [:], sitePaths: SitePaths(),
                              search: SearchIndex())
        let plan = SitePlan(graph: graph, templates: sources.templates!)
        let output = MemoryOutput()
        var read: [String: Set<Dependency>] = [:]
        for entry in plan.entries {
            switch entry.job {
            case .listingPage: break
            case .page where pages: break
            default: continue
            }
            let reader = SiteReader(model: model, records: true, makesOnce: makesOnce)
            _ = SiteRenderer(site: reader, output: output, rootPath: site.root.path).make(entry)
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

    /// The terms and the navigation of pages render once per build too, and
    /// pages that append them are the same and read the same as pages made
    /// without memos.
    @Test func termsAndNavigationRenderOnceAndPagesAreTheSame() throws {
        var files = Self.files
        files["content/news/2026/d.md"] = page("title: Another shelter update\ndate: 2026-03-03\npersons: [refugees, migrants]", "More tents.")
        files["content/news/_index.md"] = page("title: News\npersons: [refugees]", "All the news.")
        let site = TestSite(files)
        defer { site.cleanUp() }
        let (model, remembered, readOnce) = Self.listings(of: site, makesOnce: true, pages: true)
        let (_, rendered, readEach) = Self.listings(of: site, makesOnce: false, pages: true)
        #expect(remembered.keys.contains("news/2026/d/index.html"))
        #expect(remembered == rendered)
        #expect(readOnce == readEach)
        #expect(model.elementMemos.value(.term(.persons, code: "refugees", language: "en", linked: true)) { MustacheMemo() }.count == 1)
        #expect(model.elementMemos.value(.navigation(language: "en", index: 0, current: true)) { MustacheMemo() }.count == 1)
        // A term of a page that links none (a section's) has a null link, not the page's own.
        let index = try #require(model.pageIndex(of: "news/_index.md"))
        let reader = SiteReader(model: model, records: false, makesOnce: false)
        let persons = PageContext(site: reader).page(reader.page(index), content: [])["persons"] as? [Any]
        let term = try #require(persons?.first as? MustacheValues)
        #expect(term["label"] as? String == "Refugees")
        #expect(term["url"] is NSNull)
    }

    /// A focal point in the contacts of several joint pages renders once, and
    /// so does each city of their contacts; the pages are the same and read
    /// the same as pages made without memos, whether the focal point has a
    /// phone, a mobile or neither, a city or none.
    @Test func contactsRenderOncePerFocalPoint() throws {
        let files = [
            "tandem.yaml": "languages: [en]\n",
            "content/focal-points/aline.md": page("name: Aline Kasongo\nagency: UNHCR\ntitle: Public Information Officer\nlocation: Goma\ncountry: CD\nlevel: field\nemail: aline@unhcr.example.org\nphone: \"+243 81 555 0130\"\ntopics: [idps]\ncountries: [CD]"),
            "content/focal-points/patrick.md": page("name: Patrick Kambale\nagency: IOM\nlocation: Goma\ncountry: CD\nlevel: field\nmobile: \"+243 97 555 0181\"\ntopics: [idps]\ncountries: [CD]"),
            "content/focal-points/sami.md": page("name: Sami Haddad\nagency: IOM\ncountry: CD\nlevel: country\nemail: sami@iom.example.org\ntopics: [idps]\ncountries: [CD]"),
            "content/news/2026/one.md": page("title: Registration in Goma\ndate: 2026-03-05\njoint: true\nlead: IOM\npersons: [idps]\ncountries: [CD]"),
            "content/news/2026/two.md": page("title: Shelter in Goma\ndate: 2026-03-06\njoint: true\nlead: UNHCR\npersons: [idps]\ncountries: [CD]"),
        ].withFocalPoints
        let site = TestSite(files)
        defer { site.cleanUp() }
        let (model, remembered, readOnce) = Self.listings(of: site, makesOnce: true, pages: true)
        let (_, rendered, readEach) = Self.listings(of: site, makesOnce: false, pages: true)
        let one = try #require(remembered["news/2026/one/index.html"])
        #expect(one.contains("Aline Kasongo") && one.contains("Patrick Kambale") && one.contains("+243 97 555 0181"))
        #expect(remembered == rendered)
        #expect(readOnce == readEach)
        #expect(one.contains("Sami Haddad"))
        for id in ["aline", "patrick", "sami"] {
            #expect(model.elementMemos.value(.focalPoint(id: id, language: "en")) { MustacheMemo() }.count == 1, "\(id)")
        }
        // So does each city of an agency's contacts (and its focal points without a city), with its people.
        let cities: [SharedElement] = [.contactCity(agency: .unhcr, city: "Goma", focalPoints: ["aline"], language: "en"),
                                       .contactCity(agency: .iom, city: "Goma", focalPoints: ["patrick"], language: "en"),
                                       .contactCity(agency: .iom, city: nil, focalPoints: ["sami"], language: "en")]
        for city in cities {
            #expect(model.elementMemos.value(city) { MustacheMemo() }.count == 1, "\(city)")
        }
        // The values of each city, with its people's cards, are made once for the run, with what making them read.
        let shared: [(SharedValue, String)] = [(.contactCity(agency: .unhcr, city: "Goma", ids: ["aline"], language: "en"), "aline"),
                                               (.contactCity(agency: .iom, city: "Goma", ids: ["patrick"], language: "en"), "patrick"),
                                               (.contactCity(agency: .iom, city: nil, ids: ["sami"], language: "en"), "sami")]
        for (key, id) in shared {
            let city = model.sharedValues.value(key) { TemplateValues([:]) }
            #expect((city.values["people"] as? [MustacheValues])?.count == 1, "\(key)")
            #expect(city.values[MustacheMemo.key] is MustacheMemo, "\(key)")
            #expect(city.dependencies.contains(.focalPoint(id)), "\(key)")
            #expect(city.dependencies.contains(.strings("en")), "\(key)")
        }
        let goma = model.sharedValues.value(shared[0].0) { TemplateValues([:]) }
        #expect(goma.values["label"] as? String == "In Goma:")
    }

    /// A reader notes its language's strings and the configuration once per
    /// output, without hashing them again; a value shared between outputs
    /// still records them as read when the output that made it had noted them
    /// before, so another output that only takes the value notes them too.
    @Test func aSharedValueRecordsTheStringsItsMakerHadNotedBefore() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        let sources = SourceCache(root: site.root)
        _ = sources.refresh()
        let graph = SiteAssembler.assemble(sources.pages, config: sources.config, mode: Self.mode).0
        let model = SiteModel(graph: graph, templates: sources.templates!, fileStamps: [:], sitePaths: SitePaths(),
                              search: SearchIndex())
        let maker = SiteReader(model: model, records: true)
        _ = maker.text("footer", "en")
        _ = maker.config
        let key = SharedValue.focalPoint(id: "nobody", language: "en")
        _ = maker.shared(key) { ["footer": maker.text("footer", "en") ?? "", "base": maker.config.baseURL] }
        #expect(maker.recorded == [.strings("en"), .config])
        let taker = SiteReader(model: model, records: true)
        _ = taker.shared(key) { Issue.record("made twice"); return [:] }
        #expect(taker.recorded == [.strings("en"), .config])
    }
}
