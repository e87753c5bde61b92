import Foundation
import Testing
@testable import TandemCore

/// What a published build parsed is kept on disk, and a later run reads
/// again only the files that changed, with results that equal a run without
/// the store.
@Suite struct SourceStoreTests {
    static let files = [
        "content/index.md": page("title: Home", "Welcome. See [the camp](news/camp.md)."),
        "content/news/camp.md": page("title: Camp\ndate: 2026-01-05", "Failed asylum seekers arrived."),
        "content/news/port.md": page("title: Port\ndate: 2026-02-05\nlead: IOM", "Text."),
        "content/about.md": page("title: About", "About us."),
    ]

    /// A build, published and persisted as `tandem build` does it.
    @discardableResult
    private func run(_ site: TestSite) -> PipelineRun {
        let pipeline = Pipeline(root: site.root, mode: BuildMode())
        let folder = try! OutputFolder.prepare(destination: site.output, root: site.root)
        let run = pipeline.run(into: folder)
        #expect(!run.diagnostics.hasErrors, "\(run.diagnostics)")
        pipeline.forgetState()
        try! folder.publish()
        pipeline.persist(publishedInto: site.output)
        return run
    }

    private func runWithoutStore(_ site: TestSite) -> PipelineRun {
        Pipeline(root: site.root, mode: BuildMode(), keepsState: false).run(into: DiscardingOutput())
    }

    @Test func aSecondRunParsesNothingAndReportsTheSame() {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        let first = run(site)
        #expect(first.parsedFiles == 4)
        #expect(first.diagnostics.contains { $0.rule != nil } && first.diagnostics.contains { $0.message.contains("not marked joint") },
                "the fixture has a content-rule warning and a front-matter warning: \(first.diagnostics)")
        let second = run(site)
        #expect(second.parsedFiles == 0)
        #expect(second.diagnostics.sorted() == first.diagnostics.sorted())
        #expect(second.graph.pages == first.graph.pages)
    }

    @Test func anEditedFileIsTheOnlyOneParsedAgain() {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        run(site)
        site.write("content/news/camp.md", page("title: Camp, again\ndate: 2026-01-05", "Refugees arrived."))
        site.remove("content/about.md")
        site.write("content/news/new.md", page("title: New\ndate: 2026-03-05"))
        let edited = run(site)
        #expect(edited.parsedFiles == 2)
        #expect(edited.graph.pages.map(\.source.frontMatter.title).sorted() == ["Camp, again", "Home", "New", "Port"])
        #expect(edited.diagnostics == runWithoutStore(site).diagnostics)
        #expect(run(site).parsedFiles == 0)
    }

    @Test func newSettingsOrRulesParseEverythingAgain() {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        run(site)
        site.write("tandem.yaml", "title: Another title\n")
        #expect(run(site).parsedFiles == 4)
        #expect(run(site).parsedFiles == 0)
        site.write("lint/arrived.yaml", "extends: substitution\nmessage: \"Write '%s' instead of '%s'.\"\nlevel: warning\nswap:\n  arrived: came\n")
        let relinted = run(site)
        #expect(relinted.parsedFiles == 4)
        #expect(relinted.diagnostics.contains { $0.rule == "arrived" })
        #expect(relinted.diagnostics == runWithoutStore(site).diagnostics)
    }

    @Test func damagedOrForeignShardsAreIgnored() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        let clean = run(site)
        let folder = site.root.appendingPathComponent(SourceStore.folderName)
        let shards = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        #expect(shards.count == Set(Self.files.keys.map { SourceStore.shard(of: String($0.dropFirst("content/".count))) }).count)
        for name in shards {
            let file = folder.appendingPathComponent(name)
            let bytes = try Data(contentsOf: file)
            try bytes.prefix(bytes.count / 2).write(to: file)
        }
        let afterDamage = run(site)
        #expect(afterDamage.parsedFiles == 4 && afterDamage.diagnostics == clean.diagnostics)
        // A store written by other settings (another key) is not read.
        let foreign = SourceStore(root: site.root, settings: "config=elsewhere")
        foreign.save(["news/camp.md": SourceStore.Entry(stamp: FileStamp(path: site.root.appendingPathComponent("content/news/camp.md").path)!,
                                                          page: nil, diagnostics: [], lint: [])],
                     touched: Set(0 ..< SourceStore.shardCount))
        let afterForeign = run(site)
        #expect(afterForeign.parsedFiles == 4 && afterForeign.diagnostics == clean.diagnostics)
    }

    /// Reading an image's header opens libvips, which costs more than a whole rebuild's other reading (`ImageHeaderStore`).
    @Test func imageHeadersAreReadOnlyForImagesThatChanged() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        site.write("content/images/wide.jpg", ImageFixtures.data("wide.jpg"))
        site.write("content/images/broken.jpg", Data("not a JPEG".utf8))
        func refreshed() -> (SourceCache, SourceCache.Refresh) {
            let sources = SourceCache(root: site.root, readsStore: true)
            let refresh = sources.refresh()
            sources.storeWriting()()
            return (sources, refresh)
        }
        let (first, firstRefresh) = refreshed()
        #expect(firstRefresh.imagesRead == 2 && first.images.count == 1)
        let (second, secondRefresh) = refreshed()
        #expect(secondRefresh.imagesRead == 0)
        #expect(second.images == first.images && second.diagnostics.sorted() == first.diagnostics.sorted())
        #expect(second.diagnostics.contains { $0.path == "content/images/broken.jpg" && $0.severity == .error })
        site.write("content/images/wide.jpg", ImageFixtures.data("tall.jpg"))
        site.remove("content/images/broken.jpg")
        let (third, thirdRefresh) = refreshed()
        #expect(thirdRefresh.imagesRead == 1 && third.images["images/wide.jpg"] != first.images["images/wide.jpg"])
        #expect(!third.diagnostics.contains { $0.path == "content/images/broken.jpg" })
        let (fourth, fourthRefresh) = refreshed()
        #expect(fourthRefresh.imagesRead == 0 && fourth.images == third.images && fourth.diagnostics.sorted() == third.diagnostics.sorted())
        // The headers are kept beside the processed images, not with the parsed sources: they depend on neither the settings nor the pages.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(SourceStore.folderName))
        site.write("tandem.yaml", "title: Another title\n")
        let (fifth, fifthRefresh) = refreshed()
        #expect(fifthRefresh.imagesRead == 0 && fifthRefresh.parsedFiles == 4 && fifth.images == third.images)
    }

    @Test func aDiagnosticKeepsEveryField() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        let first = run(site)
        let lint = try #require(first.diagnostics.first { $0.rule != nil })
        #expect(lint.excerpt != nil && lint.length > 0 && lint.hint != nil)
        #expect(Mirror(reflecting: lint).children.count == 9, "a new field of Diagnostic must be added to StoredDiagnostic")
        #expect(run(site).diagnostics.contains(lint))
    }
}
