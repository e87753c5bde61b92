import Foundation
import Testing
@testable import TandemCore

/// A build starts from what the last published build left (`BuildState`):
/// it makes again only the files that read something that changed, keeps
/// the others as they were, and publishes exactly what a build with nothing
/// kept publishes. `tandem check` reports the kept files' problems.
@Suite struct BuildStateTests {
    static let files = [
        "tandem.yaml": "languages: [en, fr]\n",
        "content/index.md": page("title: Home", "Welcome."),
        "content/news/2026/camp.md": page("title: Camp\ndate: 2026-01-05\npersons: [refugees]", "# A second title\n\nWater trucking."),
        "content/news/2026/port.md": page("title: Port\ndate: 2026-02-05\npersons: [migrants]", "See [the camp](camp.md)."),
        "content/news/2026/later.md": page("title: Later\ndate: 2026-03-05\nembargo: 2026-06-01T09:00:00Z", "Not yet."),
        "content/news/2026/camp.fr.md": page("title: Camp (fr)\ndate: 2026-01-05\npersons: [refugees]", "Eau."),
        "content/about.md": page("title: About", "About us."),
        "content/docs/plan.txt": "A plan.",
    ]
    static let instant = "2026-04-01T12:00:00Z"

    /// Every published file with its bytes.
    static func published(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in ContentLoader.walk(folder) { files[path] = try? Data(contentsOf: folder.appendingPathComponent(path)) }
        return files
    }

    /// What a build of the site as it is now publishes with nothing kept, and what it reports.
    static func clean(_ site: TestSite, at instant: String = instant) -> ([String: Data], [Diagnostic]) {
        let output = site.root.appendingPathComponent("clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let mode = BuildMode(now: try! PageDate.parse(instant).instant)
        let pipeline = Pipeline(root: site.root, mode: mode, keepsState: false)
        let folder = try! OutputFolder.prepare(destination: output, root: site.root)
        let run = pipeline.run(into: folder)
        try! folder.publish()
        return (published(output), run.diagnostics)
    }

    static func inode(_ url: URL) -> UInt64? {
        var info = stat()
        return lstat(url.path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    @Test func aBuildWithNothingChangedKeepsEveryFile() {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        let first = site.build(at: Self.instant)
        #expect(first.published && first.filesKept == 0)
        let about = site.output.appendingPathComponent("about/index.html")
        let before = Self.inode(about)
        let second = site.build(at: Self.instant)
        #expect(second.published && second.diagnostics == first.diagnostics)
        #expect(second.filesKept == Self.published(site.output).count, "\(second.summary)")
        #expect(Self.inode(about) == before, "a kept file is the same file")
        let (clean, cleanDiagnostics) = Self.clean(site)
        #expect(Self.published(site.output) == clean && second.diagnostics == cleanDiagnostics)
    }

    @Test func anEditRemakesWhatShowsThePageAndTheRestIsKept() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        site.build(at: Self.instant)
        let about = Self.inode(site.output.appendingPathComponent("about/index.html"))
        site.write("content/news/2026/port.md", page("title: Harbour\ndate: 2026-02-05\npersons: [migrants]", "See [the camp](camp.md)."))
        let report = site.build(at: Self.instant)
        #expect(report.published && report.filesKept > 10)
        #expect(Self.inode(site.output.appendingPathComponent("about/index.html")) == about)
        let (clean, _) = Self.clean(site)
        #expect(Self.published(site.output) == clean)
        #expect(site.published("news/index.html")?.contains("Harbour") == true)
    }

    /// A build, as `SiteBuilder` runs it, that also says whether it patched the last published site.
    static func build(_ site: TestSite) -> (published: Bool, patched: Bool) {
        let pipeline = Pipeline(root: site.root, mode: BuildMode(now: try! PageDate.parse(instant).instant))
        let folder = try! OutputFolder.prepare(destination: site.output, root: site.root)
        let run = pipeline.run(into: folder)
        guard !run.diagnostics.hasErrors else { folder.discard(); return (false, run.patchedAssembly) }
        pipeline.forgetState()
        try! folder.publish { pipeline.persist(publishedInto: site.output) }
        return (true, run.patchedAssembly)
    }

    /// After edits to page texts only, a build puts them into the site of the
    /// last published build instead of assembling the site again, and
    /// publishes what a build with nothing kept does; any other edit assembles
    /// the site again.
    @Test func aTextEditIsPutIntoThePublishedSiteAndOtherEditsAssembleIt() {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        #expect(Self.build(site) == (true, false), "nothing published yet")
        let about = Self.inode(site.output.appendingPathComponent("about/index.html"))
        site.write("content/news/2026/port.md", page("title: Port\ndate: 2026-02-05\npersons: [migrants]",
                                                     "Boats at the port.\n\nSee [the camp](camp.md).\n\n## More\n\nA new section."))
        #expect(Self.build(site) == (true, true))
        #expect(Self.published(site.output) == Self.clean(site).0)
        #expect(site.published("news/index.html")?.contains("Boats at the port.") == true, "the summary in listings")
        #expect(site.published("news/2026/port/index.html")?.contains("id=\"more\"") == true)
        #expect(Self.inode(site.output.appendingPathComponent("about/index.html")) == about)
        #expect(Self.build(site) == (true, true), "nothing changed")
        // Each with a text edit beside it, which alone would be patched.
        let otherEdits: [(what: String, files: [(path: String, text: String)])] = [
            ("a title is read by assembly", [("content/news/2026/port.md", page("title: Harbour\ndate: 2026-02-05\npersons: [migrants]", "Boats."))]),
            ("a file came", [("content/docs/map.txt", "A map."), ("content/about.md", page("title: About", "About us, again."))]),
            ("a page came", [("content/news/2026/new.md", page("title: New\ndate: 2026-02-06", "New.")),
                             ("content/about.md", page("title: About", "About us, and more."))]),
            ("a template changed", [("templates/partials/site-footer.mustache", "<footer>Changed footer</footer>\n"),
                                    ("content/about.md", page("title: About", "About us, once more."))]),
        ]
        for (what, files) in otherEdits {
            for (path, text) in files { site.write(path, text) }
            #expect(Self.build(site) == (true, false), "\(what)")
            #expect(Self.published(site.output) == Self.clean(site).0, "\(what)")
        }
    }

    /// A patching build links the published files into its staging folder
    /// before it knows which are outdated; those it makes again are taken back
    /// first, so it never writes into a published file: a second name of the
    /// old file (a deploy tool's copy, a reader's open file) keeps the old bytes.
    @Test func filesKeptAheadAndMadeAgainLeaveThePublishedFilesAsTheyWere() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        site.build(at: Self.instant)
        let paths = ["news/2026/port/index.html", "news/index.html", "index.html"]
        func secondName(of path: String) -> URL {
            site.root.appendingPathComponent("before-" + path.replacingOccurrences(of: "/", with: "-"))
        }
        var before: [String: Data] = [:]
        for path in paths {
            try FileManager.default.linkItem(at: site.output.appendingPathComponent(path), to: secondName(of: path))
            before[path] = try Data(contentsOf: secondName(of: path))
        }
        site.write("content/news/2026/port.md", page("title: Port\ndate: 2026-02-05\npersons: [migrants]", "Ships at the port."))
        #expect(Self.build(site) == (true, true))
        #expect(site.published("news/2026/port/index.html")?.contains("Ships at the port.") == true)
        #expect(site.published("news/index.html")?.contains("Ships at the port.") == true)
        for path in paths {
            #expect(try Data(contentsOf: secondName(of: path)) == before[path], "\(path): the old file's bytes")
        }
        #expect(Self.published(site.output) == Self.clean(site).0)
        #expect(site.siblingsOfOutput().filter { $0.hasPrefix(".site.staging") }.isEmpty, "no staging folder is left")
    }

    /// A staging folder whose links made ahead cannot all be taken back: `unkeep` reports `stuck`
    /// as a file that cannot be replaced (a folder where a file was kept gives that as root too).
    struct StuckLinks: PublishableOutput {
        let folder: OutputFolder
        let stuck: Set<String>

        func write(_ data: Data, to relativePath: String) throws {
            #expect(!stuck.contains(relativePath), "no file is written where a link could not be taken back")
            try folder.write(data, to: relativePath)
        }
        func copy(_ source: String, to relativePath: String) throws { try folder.copy(source, to: relativePath) }
        func canKeep(filesOf identity: String) -> Bool { folder.canKeep(filesOf: identity) }
        func keep(_ relativePaths: [String]) -> [Bool] { folder.keep(relativePaths) }
        func prepare(_ relativePaths: [String]) { folder.prepare(relativePaths) }
        func unkeep(_ relativePaths: [String]) -> [String: String] {
            var failed = folder.unkeep(relativePaths.filter { !stuck.contains($0) })
            for path in relativePaths where stuck.contains(path) { failed[path] = "Is a directory" }
            return failed
        }
        func publish(meanwhile: () -> Void) throws { try folder.publish(meanwhile: meanwhile) }
        func discard() { folder.discard() }
    }

    /// A file kept ahead that is to be made again but cannot be taken back is not
    /// written (it shares the published file's bytes) and is an error, so nothing is
    /// published: the published site stays exactly as it was.
    @Test func aLinkMadeAheadThatCannotBeTakenBackIsAnErrorAndNothingIsWritten() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        site.build(at: Self.instant)
        let before = Self.published(site.output)
        site.write("content/news/2026/port.md", page("title: Port\ndate: 2026-02-05\npersons: [migrants]", "Ships at the port."))
        let stuckPath = "news/2026/port/index.html"
        let pipeline = Pipeline(root: site.root, mode: BuildMode(now: try PageDate.parse(Self.instant).instant))
        let output = StuckLinks(folder: try OutputFolder.prepare(destination: site.output, root: site.root), stuck: [stuckPath])
        let run = pipeline.run(into: output)
        #expect(run.patchedAssembly, "the text edit takes the path that links files ahead")
        let errors = run.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1 && errors.first?.location.path == stuckPath, "\(run.diagnostics)")
        #expect(errors.first?.message.contains("cannot replace this file in the staging folder: Is a directory") == true)
        #expect(!run.madePaths.contains(stuckPath))
        output.discard()
        #expect(Self.published(site.output) == before)
        #expect(site.siblingsOfOutput().filter { $0.hasPrefix(".site.staging") }.isEmpty, "no staging folder is left")
    }

    @Test func aPagesProblemIsReportedFromTheRecordsWhileItsFileIsKept() {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        let first = site.build(at: Self.instant)
        let heading = first.diagnostics.filter { $0.message.contains("level-1 heading") }
        #expect(heading.count == 1, "the fixture's render-time warning: \(first.diagnostics)")
        site.write("content/about.md", page("title: About us", "About us."))
        let second = site.build(at: Self.instant)
        #expect(second.filesKept > 10 && second.diagnostics == first.diagnostics)
        let mode = BuildMode(now: try! PageDate.parse(Self.instant).instant)
        #expect(SiteBuilder.check(BuildOptions(root: site.root, mode: mode)).diagnostics == first.diagnostics)
        site.write("content/news/2026/camp.md", page("title: Camp\ndate: 2026-01-05\npersons: [refugees]", "Water trucking."))
        #expect(SiteBuilder.check(BuildOptions(root: site.root, mode: mode)).diagnostics.filter { $0.message.contains("level-1") }.isEmpty)
        #expect(site.build(at: Self.instant).diagnostics.filter { $0.message.contains("level-1") }.isEmpty)
    }

    @Test func anEmbargoThatLiftsBetweenBuildsPublishesThePageEverywhere() {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        site.build(at: Self.instant)
        #expect(site.published("news/2026/later/index.html") == nil)
        let lifted = "2026-06-02T12:00:00Z"
        let report = site.build(at: lifted)
        #expect(report.published && report.filesKept > 0)
        #expect(site.published("news/2026/later/index.html") != nil)
        #expect(Self.published(site.output) == Self.clean(site, at: lifted).0)
    }

    @Test func anotherFolderOrTemplateOrAFolderPutBackIsMadeAnew() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        site.build(at: Self.instant)
        // The published folder replaced by a copy with a changed file: nothing of it is kept.
        let copy = site.root.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: site.output, to: copy)
        try Data("changed by hand".utf8).write(to: copy.appendingPathComponent("about/index.html"))
        try FileManager.default.removeItem(at: site.output)
        try FileManager.default.moveItem(at: copy, to: site.output)
        let afterCopy = site.build(at: Self.instant)
        #expect(afterCopy.filesKept == 0)
        #expect(site.published("about/index.html")?.contains("About us") == true)
        site.write("templates/partials/site-footer.mustache", "<footer>Changed footer</footer>\n")
        let afterTemplate = site.build(at: Self.instant)
        #expect(afterTemplate.filesKept == 0)
        #expect(Self.published(site.output) == Self.clean(site).0)
        let elsewhere = site.root.appendingPathComponent("elsewhere")
        let report = SiteBuilder.build(BuildOptions(root: site.root, output: elsewhere, mode: BuildMode(now: try PageDate.parse(Self.instant).instant)))
        #expect(report.published && report.filesKept == 0)
    }

    @Test func aDamagedStateIsIgnored() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        site.build(at: Self.instant)
        let file = site.root.appendingPathComponent(BuildState.fileName)
        let bytes = try Data(contentsOf: file)
        for cut in [0, 5, bytes.count / 3, bytes.count - 1] {
            site.write("content/about.md", page("title: About", "About us, cut at \(cut)."))
            try bytes.prefix(cut).write(to: file)
            let report = site.build(at: Self.instant)
            #expect(report.published && report.filesKept == 0, "cut at \(cut)")
            #expect(Self.published(site.output) == Self.clean(site).0)
        }
    }

    @Test func afterAFailedBuildTheNextPublishesWhatAWholeBuildDoes() {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        site.build(at: Self.instant)
        let published = Self.published(site.output)
        site.write("content/news/2026/port.md", page("titel: Port"))
        #expect(!site.build(at: Self.instant).published)
        #expect(Self.published(site.output) == published, "a failed build changes nothing published")
        site.write("content/news/2026/port.md", page("title: Port, fixed\ndate: 2026-02-05", "Fixed."))
        // The failed build stored the sources it read, which are not the published build's: everything is made.
        let report = site.build(at: Self.instant)
        #expect(report.published && report.filesKept == 0)
        #expect(Self.published(site.output) == Self.clean(site).0)
        #expect(site.build(at: Self.instant).filesKept > 10, "and the build after it keeps again")
    }
}
