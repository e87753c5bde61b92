import Foundation
import Testing
@testable import TandemCore

/// The preview's in-memory builds: the same files as `tandem build`, and never
/// stale after any kind of edit.
@Suite struct IncrementalBuilderTests {
    static let now = try! PageDate.parse("2026-11-22T12:00:00Z").instant

    /// A copy of the repository's sample site in a fresh temporary folder.
    static func sampleSite() -> TestSite {
        let site = TestSite()
        for name in ["tandem.yaml", "content"] {
            try! FileManager.default.copyItem(at: SampleSiteTests.root.appendingPathComponent(name),
                                              to: site.root.appendingPathComponent(name))
        }
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent("content"))
        try! FileManager.default.copyItem(at: SampleSiteTests.root.appendingPathComponent("content"),
                                          to: site.root.appendingPathComponent("content"))
        return site
    }

    static func builder(_ site: TestSite, preview: Bool = true, drafts: Bool = true) -> IncrementalBuilder {
        IncrementalBuilder(root: site.root, mode: BuildMode(includeDrafts: drafts, preview: preview), clock: { now })
    }

    /// What a server holds after taking `update` on top of `served`.
    static func apply(_ update: SiteUpdate, to served: inout [String: Data]) {
        guard update.published else { return }
        served.merge(update.written) { _, new in new }
        served = served.filter { update.outputPaths.contains($0.key) }
    }

    /// A clean in-memory build of the site's files as they are now.
    static func clean(_ site: TestSite) -> [String: Data] {
        let update = builder(site).rebuild()
        #expect(update.written.count == update.outputPaths.count)
        return update.written
    }

    /// The paths whose bytes differ between two sites, for a readable failure.
    static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    @Test func aFirstBuildWithoutPreviewWritesExactlyWhatTandemBuildPublishes() throws {
        let site = Self.sampleSite()
        defer { site.cleanUp() }
        let report = SiteBuilder.build(BuildOptions(root: site.root, mode: BuildMode(includeDrafts: true, now: Self.now)))
        #expect(report.published)
        let update = Self.builder(site, preview: false).rebuild()
        #expect(update.published && update.diagnostics == report.diagnostics)
        var built: [String: Data] = [:]
        for path in site.publishedFiles() { built[path] = try Data(contentsOf: site.output.appendingPathComponent(path)) }
        #expect(Self.differences(update.written, built) == [])
        #expect(update.outputPaths == Set(built.keys))
    }

    @Test func aRebuildWithoutChangesRendersNothingAndReadsNothing() {
        let site = Self.sampleSite()
        defer { site.cleanUp() }
        let builder = Self.builder(site)
        let first = builder.rebuild()
        #expect(first.renderedFiles > 50)
        let second = builder.rebuild()
        #expect(second.parsedFiles == 0 && second.renderedFiles == 0)
        #expect(second.outputPaths == first.outputPaths)
    }

    @Test func aBodyEditRereadsOneFileAndRendersOnlyWhatShowsIt() throws {
        let site = Self.sampleSite()
        defer { site.cleanUp() }
        let builder = Self.builder(site)
        var served: [String: Data] = [:]
        Self.apply(builder.rebuild(), to: &served)
        let path = "content/news/2025/libya-voluntary-humanitarian-return.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        site.write(path, text + "\nA sentence added at the end.\n")
        let update = builder.rebuild()
        #expect(update.parsedFiles == 1)
        #expect(update.renderedFiles == 1, "a body edit that keeps the summary changes only the page itself")
        Self.apply(update, to: &served)
        #expect(Self.differences(served, Self.clean(site)) == [])
    }

    @Test(arguments: [false, true])
    func afterAnySeriesOfEditsThePreviewEqualsACleanBuild(verifyingSkips: Bool) throws {
        let site = Self.sampleSite()
        defer { site.cleanUp() }
        let builder = Self.builder(site)
        builder.cache.verifiesSkips = verifyingSkips
        var served: [String: Data] = [:]
        Self.apply(builder.rebuild(), to: &served)
        func read(_ path: String) throws -> String {
            try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        }
        func edit(_ path: String, _ change: (String) -> String) throws {
            let before = try read(path)
            let after = change(before)
            #expect(after != before, "the edit of \(path) changed nothing")
            site.write(path, after)
        }
        func replace(_ path: String, _ old: String, _ new: String) -> () throws -> Void {
            { try edit(path) { $0.replacingOccurrences(of: old, with: new) } }
        }
        let news = "content/news/2025/libya-voluntary-humanitarian-return.md"
        let darien = "content/briefings/2026/darien-mixed-movements.md"
        let draft = "content/news/2026/joint-livelihoods-assessment-tillaberi.md"
        let embargoed = "content/statements/2026/regional-resettlement-pledges-2027.md"
        let salma = "content/focal-points/salma-elmabrouk.md"
        let defaultPage = String(decoding: BuiltInTemplates.files.first { $0.path == "layouts/page.mustache" }!.bytes, as: UTF8.self)
        let steps: [(String, () throws -> Void)] = [
            ("text only (the graph is kept)", { try edit(darien) { $0 + "\nA closing sentence, [with a link](../../stories/2026/kano-mechanic-reintegration.md).\n" } }),
            ("summary removed (the first paragraph shows in listings)", replace(news, "summary: IOM's voluntary humanitarian return programme in Libya now screens every applicant with UNHCR for international protection needs before departure.\n", "")),
            ("first paragraph", replace(news, "Tripoli, 2 October 2025 –", "Tripoli, 3 October 2025 –")),
            ("persons moved between taxonomy terms", replace(news, "persons: [migrants]", "persons: [returnees, idps]")),
            ("title", replace(darien, "title: \"Darién: fewer journeys north, more journeys south\"", "title: \"Darién: journeys south\"")),
            ("slug of a page other pages link to", replace(darien, "date: 2026-10-14\n", "date: 2026-10-14\nslug: darien-renamed\n")),
            ("lead", replace(darien, "lead: co-led", "lead: UNHCR")),
            ("no longer joint", replace(news, "joint: true\nlead: IOM\n", "")),
            ("draft published", replace(draft, "draft: true", "draft: false")),
            ("page made a draft", replace(news, "date: 2025-10-02\n", "date: 2025-10-02\ndraft: true\n")),
            ("embargo lifted", replace(embargoed, "embargo: 2099-03-01T09:00:00Z", "embargo: 2020-03-01T09:00:00Z")),
            ("new page in a new folder", { site.write("content/news/2027/new-item.md", page("title: New item\ndate: 2027-01-05\njoint: true\nlead: IOM\npersons: [migrants]", "Brand new text.")) }),
            ("new translation", { site.write("content/news/2027/new-item.fr.md", page("title: Nouvel article\ndate: 2027-01-05", "Texte.")) }),
            ("deleted page that another links to", { site.remove("content/news/2026/chad-adre-relocation.md") }),
            ("one link fixed after the deletion", replace("content/stories/2026/adre-host-community-teacher.md", "(../../news/2026/chad-adre-relocation.md)", "(../../news/2027/new-item.md)")),
            ("the other link fixed", replace("content/news/2025/sudan-dtm-displacement-update.md", "(../2026/chad-adre-relocation.md)", "(../2027/new-item.md)")),
            ("section title (navigation)", replace("content/news/_index.md", "title: News\n", "title: Newsroom\n")),
            ("layout", { site.write("templates/layouts/page.mustache", defaultPage.replacingOccurrences(of: "<article class=\"page\">", with: "<article class=\"page edited\">")) }),
            ("partial", { site.write("templates/partials/site-footer.mustache", "<footer>Edited footer</footer>\n") }),
            ("strings", { site.write("templates/strings/en.yaml", "skip_link: Skip ahead\n") }),
            ("stylesheet", { site.write("templates/assets/style.css", "body { color: black }\n") }),
            ("image", { site.write("content/images/new.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>") }),
            ("focal point's phone (contact blocks, directory, vCards)", replace(salma, "+218 21 555 0160", "+218 21 555 0199")),
            ("focal point's topics (topic listings)", replace(salma, "topics: [migrants, returnees]", "topics: [migrants, refugees]")),
            ("new focal point", { site.write("content/focal-points/omar-haddad.md", try read(salma)
                .replacingOccurrences(of: "Salma El-Mabrouk", with: "Omar Haddad")
                .replacingOccurrences(of: "salma.elmabrouk@", with: "omar.haddad@")) }),
            ("another focal point named", replace(darien, "focal_points: [lucia-montalvo, valeria-castillo]", "focal_points: [lucia-montalvo, valeria-castillo, salma-elmabrouk]")),
            ("focal point removed", { site.remove("content/focal-points/omar-haddad.md") }),
            ("broken front matter", replace(darien, "title:", "titel:")),
            ("fixed front matter", replace(darien, "titel:", "title:")),
            ("tandem.yaml", replace("tandem.yaml", "title: Joint UNHCR–IOM information", "title: Joint information\npage_size: 3")),
            ("template removed", { site.remove("templates/partials/site-footer.mustache") }),
        ]
        let breaking: Set = ["deleted page that another links to", "one link fixed after the deletion", "broken front matter"]
        for (name, step) in steps {
            try step()
            let before = served
            let update = builder.rebuild()
            Self.apply(update, to: &served)
            if breaking.contains(name) {
                #expect(update.diagnostics.hasErrors && !update.published && served == before,
                        "a build with errors must leave the served pages as they were")
                continue
            }
            #expect(!update.diagnostics.hasErrors, "\(name): \(DiagnosticFormatter.human(update.diagnostics))")
            #expect(served != before || name == "fixed front matter", "\(name) changed nothing that is served")
            #expect(Self.differences(served, Self.clean(site)) == [], "after: \(name)")
            #expect(builder.cache.staleSkips == [], "after: \(name), files kept by their dependencies changed")
        }
    }

    /// What `GraphPatch` relies on: the graph does not change when only the
    /// text of pages does (their first paragraphs staying the same).
    @Test func assemblyReadsNoPageTextButTheFirstParagraph() {
        let sources = SampleSiteTests.sources()
        let config = ConfigLoader.load(root: SampleSiteTests.root).0
        let mode = BuildMode(includeDrafts: true, now: Self.now, preview: true)
        let (graph, diagnostics) = SiteAssembler.assemble(sources, config: config, mode: mode)
        let rewritten = sources.map { source -> SourcePage in
            var source = source
            if source.kind != .focalPoint { source.body = "Other text, [with a link](elsewhere.md).\n" }
            return source
        }
        var (other, otherDiagnostics) = SiteAssembler.assemble(rewritten, config: config, mode: mode)
        #expect(otherDiagnostics == diagnostics)
        for index in other.pages.indices { other.pages[index].source = graph.pages[index].source }
        #expect(canonical(other) == canonical(graph))
    }

    /// A description of a value that does not depend on the order of its dictionaries and sets.
    private func canonical(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        let children = mirror.children.map { ($0.label ?? "") + ":" + canonical($0.value) }
        switch mirror.displayStyle {
        case .dictionary, .set: return "{" + children.sorted().joined(separator: ",") + "}"
        case nil, .enum: return String(describing: value)
        default: return "\(mirror.subjectType)(" + children.joined(separator: ",") + ")"
        }
    }

    @Test func aBrokenBuildIsNotTakenButTheFirstBuildAlwaysIs() throws {
        let site = TestSite(["content/a.md": page("titel: A")])
        defer { site.cleanUp() }
        let builder = Self.builder(site)
        let first = builder.rebuild()
        #expect(first.published && first.diagnostics.hasErrors)
        site.write("content/b.md", page("title: B"))
        let second = builder.rebuild()
        #expect(!second.published && second.diagnostics.hasErrors)
        site.write("content/a.md", page("title: A"))
        let third = builder.rebuild()
        #expect(third.published && !third.diagnostics.hasErrors)
        #expect(third.written["b/index.html"] != nil && third.written["a/index.html"] != nil)
    }
}
