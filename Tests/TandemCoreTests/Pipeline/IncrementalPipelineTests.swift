import Foundation
import Testing
@testable import TandemCore

/// The preview's runs of the pipeline: the same files as `tandem build`, and
/// never stale after any kind of edit.
@Suite struct IncrementalPipelineTests {
    static let now = try! PageDate.parse("2026-11-22T12:00:00Z").instant

    /// A copy of the repository's sample site in a fresh temporary folder.
    static func sampleSite() -> TestSite {
        let site = TestSite()
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent("content"))
        for name in ["tandem.yaml", "content"] {
            try! FileManager.default.copyItem(at: SampleSiteTests.root.appendingPathComponent(name),
                                              to: site.root.appendingPathComponent(name))
        }
        return site
    }

    /// A preview of a site: an incremental pipeline and the files it serves, decompressed.
    final class Preview {
        let pipeline: Pipeline
        private(set) var served: [String: Data] = [:]

        init(_ site: TestSite, preview: Bool = true, drafts: Bool = true) {
            pipeline = Pipeline(root: site.root, mode: BuildMode(includeDrafts: drafts, preview: preview), incremental: true,
                                clock: { IncrementalPipelineTests.now })
        }

        /// Runs the pipeline and takes its files if the run was accepted.
        @discardableResult
        func run() -> PipelineRun {
            let (run, made) = pipeline.runInMemory()
            if run.accepted {
                served.merge(made.mapValues(\.bytes)) { _, new in new }
                served = served.filter { run.outputPaths.contains($0.key) }
            }
            return run
        }
    }

    /// A clean in-memory build of the site's files as they are now.
    static func clean(_ site: TestSite) -> [String: Data] {
        let (run, made) = Pipeline(root: site.root, mode: BuildMode(includeDrafts: true, preview: true), incremental: true,
                                   clock: { now }).runInMemory()
        #expect(run.madePaths == run.outputPaths)
        return made.mapValues(\.bytes)
    }

    /// The paths whose bytes differ between two sites, for a readable failure.
    static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    @Test func aFirstRunWithoutPreviewMakesExactlyWhatTandemBuildPublishes() throws {
        let site = Self.sampleSite()
        defer { site.cleanUp() }
        let report = SiteBuilder.build(BuildOptions(root: site.root, mode: BuildMode(includeDrafts: true, now: Self.now)))
        #expect(report.published)
        let preview = Preview(site, preview: false)
        let run = preview.run()
        #expect(run.accepted && run.diagnostics == report.diagnostics)
        var built: [String: Data] = [:]
        for path in site.publishedFiles() { built[path] = try Data(contentsOf: site.output.appendingPathComponent(path)) }
        #expect(Self.differences(preview.served, built) == [])
        #expect(run.outputPaths == Set(built.keys))
    }

    @Test func aRunWithoutChangesMakesNothingAndReadsNothing() {
        let site = Self.sampleSite()
        defer { site.cleanUp() }
        let preview = Preview(site)
        let first = preview.run()
        #expect(first.madePaths.count > 50)
        let second = preview.run()
        #expect(second.parsedFiles == 0 && second.madePaths.isEmpty)
        #expect(second.outputPaths == first.outputPaths && second.diagnostics == first.diagnostics)
    }

    @Test func aBodyEditRereadsOneFileAndMakesOnlyThatPage() throws {
        let site = Self.sampleSite()
        defer { site.cleanUp() }
        let preview = Preview(site)
        preview.run()
        let path = "content/news/2025/libya-voluntary-humanitarian-return.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        site.write(path, text + "\nA sentence added at the end.\n")
        let run = preview.run()
        #expect(run.parsedFiles == 1)
        let terms = run.madePaths.filter { $0.hasPrefix("search/terms/") }
        #expect(run.madePaths.subtracting(terms) == ["news/2025/libya-voluntary-humanitarian-return/index.html"],
                "a body edit that keeps the summary changes only the page itself and the search terms of its new words")
        #expect(!terms.isEmpty && terms.count <= 4, "\(terms.sorted())")
        #expect(Self.differences(preview.served, Self.clean(site)) == [])
    }

    @Test func aSummaryEditMakesAgainTheListingsFeedsAndIndexesThatShowThePageAndNothingElse() throws {
        let site = Self.sampleSite()
        defer { site.cleanUp() }
        let preview = Preview(site)
        let first = preview.run()
        let path = "content/news/2025/libya-voluntary-humanitarian-return.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        site.write(path, text.replacingOccurrences(of: "summary: IOM's", with: "summary: Edited. IOM's"))
        let run = preview.run()
        #expect(run.madePaths.contains("news/2025/libya-voluntary-humanitarian-return/index.html"))
        #expect(run.madePaths.contains("news/index.html") && run.madePaths.contains("feed.xml"))
        let search = run.madePaths.filter { $0.contains("search/") }
        #expect(search.contains { $0.hasPrefix("search/pages/") } && search.contains { $0.hasPrefix("search/terms/") })
        #expect(search.filter { $0.hasPrefix("search/pages/") }.count == 1, "only the result file that shows the page")
        #expect(!search.contains { $0.hasPrefix("fr/") || $0.contains("facets/") }, "\(search.sorted())")
        #expect(!run.madePaths.contains("about/index.html"))
        #expect(run.madePaths.count < first.madePaths.count / 3)
        #expect(Self.differences(preview.served, Self.clean(site)) == [])
    }

    @Test func afterAnySeriesOfEditsThePreviewEqualsACleanBuild() throws {
        let site = Self.sampleSite()
        defer { site.cleanUp() }
        let preview = Preview(site)
        preview.run()
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
        let goma = "content/news/2026/goma-displacement-site-registration.md"
        let defaultPage = String(decoding: BuiltInTemplates.files.first { $0.path == "layouts/page.mustache" }!.bytes, as: UTF8.self)
        let steps: [(String, () throws -> Void)] = [
            ("text only", { try edit(darien) { $0 + "\nA closing sentence, [with a link](../../stories/2026/kano-mechanic-reintegration.md).\n" } }),
            ("a link to a heading of another page", { try edit(goma) { $0 + "\nSee [who is on the move](../../briefings/2026/darien-mixed-movements.md#who-is-on-the-move).\n" } }),
            ("that heading renamed", replace(darien, "## Who is on the move", "## Who moves")),
            ("the link follows the heading", replace(goma, "#who-is-on-the-move)", "#who-moves)")),
            ("searchable words in the body only", { try edit(darien) { $0 + "\nZyxwvut quixotic Éléphant بالعربية.\n" } }),
            ("a searchable word removed", replace(darien, "Zyxwvut quixotic", "Quixotic")),
            ("a PDF in content/", { site.write("content/docs/plan.pdf", Data("%PDF-1.4 plan".utf8)) }),
            ("links to the PDF and to a new image", {
                site.write("content/images/family.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
                try edit(darien) { $0 + "\nSee [the plan](../../docs/plan.pdf) and ![A family](../../images/family.svg).\n" }
            }),
            ("the PDF replaced", { site.write("content/docs/plan.pdf", Data("%PDF-1.4 plan, second edition".utf8)) }),
            ("the linked image removed", { site.remove("content/images/family.svg") }),
            ("the image back", { site.write("content/images/family.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\"/>") }),
            ("a photo added", { site.write("content/images/photo.jpg", ImageFixtures.data("wide.jpg")) }),
            ("the photo shown", { try edit(darien) { $0 + "\n![A photo](../../images/photo.jpg)\n" } }),
            ("the photo replaced by one of another size", { site.write("content/images/photo.jpg", ImageFixtures.data("tall.jpg")) }),
            ("the shown photo deleted", { site.remove("content/images/photo.jpg") }),
            ("the photo back, as it was first", { site.write("content/images/photo.jpg", ImageFixtures.data("wide.jpg")) }),
            ("a photo's widths", { try edit("tandem.yaml") { $0 + "images: {widths: [320, 640]}\n" } }),
            ("summary removed (the first paragraph shows in listings)", replace(news, "summary: IOM's voluntary humanitarian return programme in Libya now screens every applicant with UNHCR for international protection needs before departure.\n", "")),
            ("first paragraph", replace(news, "Tripoli, 2 October 2025 –", "Tripoli, 3 October 2025 –")),
            ("persons moved between taxonomy terms", replace(news, "persons: [migrants]", "persons: [returnees, idps]")),
            ("a search filter: another country", replace(news, "countries: [\"LY\"]", "countries: [\"LY\", \"TD\"]")),
            ("title", replace(darien, "title: \"Darién: fewer journeys north, more journeys south\"", "title: \"Darién: journeys south\"")),
            ("slug of a page other pages link to", replace(darien, "date: 2026-10-14\n", "date: 2026-10-14\nslug: darien-renamed\n")),
            ("lead", replace(darien, "lead: co-led", "lead: UNHCR")),
            ("no longer joint", replace(news, "joint: true\nlead: IOM\n", "")),
            ("draft published", replace(draft, "draft: true", "draft: false")),
            ("page made a draft", replace(news, "date: 2025-10-02\n", "date: 2025-10-02\ndraft: true\n")),
            ("embargo lifted", replace(embargoed, "embargo: 2099-03-01T09:00:00Z", "embargo: 2020-03-01T09:00:00Z")),
            ("a link to a path not published yet", { try edit(goma) { $0 + "\nRead [what comes next](/news/2027/new-item/).\n" } }),
            ("new page in a new folder", { site.write("content/news/2027/new-item.md", page("title: New item\ndate: 2027-01-05\njoint: true\nlead: IOM\npersons: [migrants]", "Brand new text.")) }),
            ("new translation", { site.write("content/news/2027/new-item.fr.md", page("title: Nouvel article\ndate: 2027-01-05", "Texte.")) }),
            ("translation removed", { site.remove("content/news/2026/r4v-2027-regional-plan.es.md") }),
            ("Arabic translation added", { site.write("content/news/2027/new-item.ar.md", page("title: مقال جديد\ndate: 2027-01-05\njoint: true\nlead: IOM\npersons: [migrants]", "نص جديد عن IOM.")) }),
            ("Arabic translation removed", { site.remove("content/news/2026/chad-adre-relocation.ar.md") }),
            ("a language's title (tandem.yaml)", replace("tandem.yaml", "title: Informations conjointes HCR–OIM", "title: Informations conjointes")),
            ("a language's description (tandem.yaml)", replace("tandem.yaml", "description: >-\n      Actualités", "description: >-\n      Nouvelles")),
            ("Arabic strings", { site.write("templates/strings/ar.yaml", "skip_link: انتقل إلى المحتوى\n") }),
            ("Arabic strings: the contacts heading", { site.write("templates/strings/ar.yaml", "skip_link: انتقل إلى المحتوى\ncontacts:\n  heading: للتواصل مع الإعلام\n") }),
            ("alias added", replace(darien, "date: 2026-10-14\n", "date: 2026-10-14\naliases: [/briefings/darien-old/]\n")),
            ("alias removed", replace(goma, "aliases: [/news/old-goma-registration/]\n", "")),
            ("alias naming the site's feed", replace(darien, "aliases: [/briefings/darien-old/]", "aliases: [/feed.xml]")),
            ("alias fixed", replace(darien, "aliases: [/feed.xml]", "aliases: [/briefings/darien-older/]")),
            ("deleted page that another links to", { site.remove("content/news/2026/chad-adre-relocation.md") }),
            ("one link fixed after the deletion", replace("content/stories/2026/adre-host-community-teacher.md", "(../../news/2026/chad-adre-relocation.md)", "(../../news/2027/new-item.md)")),
            ("the other link fixed", replace("content/news/2025/sudan-dtm-displacement-update.md", "(../2026/chad-adre-relocation.md)", "(../2027/new-item.md)")),
            ("section title (navigation)", replace("content/news/_index.md", "title: News\n", "title: Newsroom\n")),
            ("layout", { site.write("templates/layouts/page.mustache", defaultPage.replacingOccurrences(of: "<article class=\"page\">", with: "<article class=\"page edited\">")) }),
            ("a section's own layout added", { site.write("templates/layouts/news/page.mustache", defaultPage.replacingOccurrences(of: "<article class=\"page\">", with: "<article class=\"page news\">")) }),
            ("partial", { site.write("templates/partials/site-footer.mustache", "<footer>Edited footer</footer>\n") }),
            ("strings", { site.write("templates/strings/en.yaml", "skip_link: Skip ahead\n") }),
            ("French strings", { site.write("templates/strings/fr.yaml", "skip_link: Aller au contenu\n") }),
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
            ("base URL with a path", replace("tandem.yaml", "base_url: https://joint.example.org/", "base_url: https://example.org/joint/")),
            ("template removed", { site.remove("templates/partials/site-footer.mustache") }),
        ]
        let breaking: Set = ["that heading renamed", "the linked image removed", "the shown photo deleted", "alias naming the site's feed", "a link to a path not published yet", "deleted page that another links to",
                             "one link fixed after the deletion", "broken front matter"]
        for (name, step) in steps {
            try step()
            let before = preview.served
            let run = preview.run()
            if breaking.contains(name) {
                #expect(run.diagnostics.hasErrors && !run.accepted && preview.served == before,
                        "\(name): a run with errors must leave the served pages as they were")
                continue
            }
            #expect(!run.diagnostics.hasErrors, "\(name): \(DiagnosticFormatter.human(run.diagnostics))")
            #expect(preview.served != before || name == "fixed front matter" || name == "alias fixed" || name == "the image back",
                    "\(name) changed nothing that is served")
            #expect(Self.differences(preview.served, Self.clean(site)) == [], "after: \(name)")
        }
        let home = try #require(preview.served["index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(home.contains("href=\"/joint/news/\"") && !home.contains("href=\"/news/\""))
    }

    /// What `Assembly.patch` relies on: the graph does not change when only
    /// the bodies of pages do, and their summaries change only `Page.summary`.
    @Test func assemblyReadsNoPageBodyAndCopiesTheSummary() {
        let sources = SampleSiteTests.sources()
        let config = ConfigLoader.load(root: SampleSiteTests.root).0
        let mode = BuildMode(includeDrafts: true, now: Self.now, preview: true)
        let (graph, diagnostics) = SiteAssembler.assemble(sources, config: config, mode: mode)
        let rewritten = sources.map { source -> SourcePage in
            var source = source
            source.body = .markdown("Other text, [with a link](elsewhere.md).\n")
            source.firstParagraph = "Other text."
            source.bodyFirstLine += 1
            source.frontMatter.summary = source.frontMatter.summary.map { "Other: " + $0 }
            source.frontMatter.summaryStart = source.frontMatter.summaryStart.map { SourceLocation(path: $0.path, line: $0.line + 1, column: 1) }
            return source
        }
        var (other, otherDiagnostics) = SiteAssembler.assemble(rewritten, config: config, mode: mode)
        #expect(otherDiagnostics == diagnostics)
        for index in other.pages.indices {
            #expect(other.pages[index].summary == SiteAssembler.summary(of: rewritten.first { $0.path == other.pages[index].source.path }!))
            other.pages[index].source = graph.pages[index].source
            other.pages[index].summary = graph.pages[index].summary
        }
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

    @Test func aTextEditTakesTheShortcutAndAWatcherHintReadsOnlyThatFile() throws {
        let site = Self.sampleSite()
        defer { site.cleanUp() }
        let preview = Preview(site)
        preview.run()
        let path = "content/stories/2026/kano-mechanic-reintegration.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        site.write(path, text + "\nOne more line.\n")
        let (run, made) = preview.pipeline.runInMemory(changed: [path])
        #expect(run.parsedFiles == 1
                && run.madePaths.filter { !$0.hasPrefix("search/terms/") } == ["stories/2026/kano-mechanic-reintegration/index.html"])
        #expect(String(decoding: made["stories/2026/kano-mechanic-reintegration/index.html"]!.bytes, as: UTF8.self).contains("One more line."))
        site.write("content/docs/new.pdf", Data("%PDF".utf8))
        let (added, _) = preview.pipeline.runInMemory(changed: ["content/docs"])
        #expect(added.outputPaths.contains("docs/new.pdf"), "a new folder is found by listing content/ again")
        let (temporary, _) = preview.pipeline.runInMemory(changed: ["content/stories/2026/sedX1a2b3"])
        #expect(temporary.madePaths.isEmpty && temporary.parsedFiles == 0, "a temporary file gone before the run changes nothing")
        site.remove("content/docs")
        let (removed, _) = preview.pipeline.runInMemory(changed: ["content/docs"])
        #expect(!removed.outputPaths.contains("docs/new.pdf"), "a removed folder takes its files with it")
    }

    /// The text-edit shortcut keeps the last assembly, and its warnings, only
    /// until a focal point's review warning would say something else.
    @Test func aReviewWarningGrowsADayOlderWhileTheShortcutIsTaken() throws {
        let site = TestSite([
            "content/focal-points/old.md": page("name: Old Review\nagency: UNHCR\nemail: old@unhcr.example.org\nreviewed_on: 2025-01-10"),
            "content/about.md": page("title: About"),
        ])
        defer { site.cleanUp() }
        final class Clock: @unchecked Sendable {
            var now = try! PageDate.parse("2026-06-01T12:00:00Z").instant
        }
        let clock = Clock()
        let pipeline = Pipeline(root: site.root, mode: BuildMode(includeDrafts: true, preview: true), incremental: true,
                                clock: { clock.now })
        func warning() -> String? {
            pipeline.runInMemory(changed: ["content/about.md"]).0.diagnostics.first { $0.path == "content/focal-points/old.md" }?.message
        }
        #expect(warning()?.contains(" 507 days ago") == true)
        for (hours, age) in [(2, 507), (13, 508), (14, 508), (37, 509)] {
            clock.now = try PageDate.parse("2026-06-01T12:00:00Z").instant.addingTimeInterval(Double(hours) * 3_600)
            site.write("content/about.md", page("title: About", "Edited \(hours) hours later."))
            #expect(warning()?.contains(" \(age) days ago") == true, "\(hours) hours later")
        }
    }

    @Test func aBrokenRunIsNotAcceptedButTheFirstRunAlwaysIs() throws {
        let site = TestSite(["content/a.md": page("titel: A")])
        defer { site.cleanUp() }
        let preview = Preview(site)
        let first = preview.run()
        #expect(first.accepted && first.diagnostics.hasErrors)
        site.write("content/b.md", page("title: B"))
        let second = preview.run()
        #expect(!second.accepted && second.diagnostics.hasErrors)
        site.write("content/a.md", page("title: A"))
        let third = preview.run()
        #expect(third.accepted && !third.diagnostics.hasErrors)
        #expect(preview.served["b/index.html"] != nil && preview.served["a/index.html"] != nil)
    }
}
