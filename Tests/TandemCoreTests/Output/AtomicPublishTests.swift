import Foundation
import Testing
@testable import TandemCore

@Suite struct AtomicPublishTests {
    /// Every file of a folder with its bytes.
    func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in ContentLoader.walk(folder) {
            files[path] = try? Data(contentsOf: folder.appendingPathComponent(path))
        }
        return files
    }

    @Test func aFailedBuildLeavesThePreviousSiteByteForByteAndNoStagingFolder() throws {
        let site = TestSite(["content/a.md": page("title: A"), "content/b.md": page("title: B")])
        defer { site.cleanUp() }
        #expect(site.build().published)
        let before = snapshot(site.output)
        #expect(!before.isEmpty)

        site.write("content/a.md", page("title: A changed"))
        site.write("content/b.md", page("title: B\npersons: [nobody]"))
        let report = site.build()
        #expect(!report.published)
        #expect(snapshot(site.output) == before)
        #expect(site.siblingsOfOutput() == ["content", "site"])
    }

    /// Deploy tools that compare modification times upload only what changed.
    @Test func aRebuildKeepsUnchangedFilesWithTheirModificationTimes() throws {
        let site = TestSite(["content/news/a.md": page("title: A\ndate: 2026-01-02"),
                             "content/news/b.md": page("title: B\ndate: 2026-01-01"),
                             "content/docs/plan.pdf": "%PDF-1.4 plan"])
        defer { site.cleanUp() }
        #expect(site.build().published)
        let files = FileManager.default
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        func modified(_ path: String) throws -> Date? {
            try files.attributesOfItem(atPath: site.output.appendingPathComponent(path).path)[.modificationDate] as? Date
        }
        for path in ["news/a/index.html", "news/b/index.html", "docs/plan.pdf"] {
            try files.setAttributes([.modificationDate: past], ofItemAtPath: site.output.appendingPathComponent(path).path)
        }

        site.write("content/news/a.md", page("title: A changed\ndate: 2026-01-02"))
        #expect(site.build().published)
        #expect(try modified("news/b/index.html") == past)
        #expect(try modified("docs/plan.pdf") == past)
        #expect(try modified("news/a/index.html") != past)
        #expect(site.published("news/a/index.html")?.contains("A changed") == true)
        #expect(site.siblingsOfOutput() == [".site.spare", "content", "site"], "the replaced site is kept as the spare folder")
    }

    @Test func aSuccessfulBuildReplacesTheWholeSite() {
        let site = TestSite(["content/a.md": page("title: A"), "content/b.md": page("title: B")])
        defer { site.cleanUp() }
        site.build()
        site.remove("content/b.md")
        #expect(site.build().published)
        #expect(site.published("b/index.html") == nil)
        #expect(site.published("a/index.html") != nil)
        #expect(site.siblingsOfOutput() == ["content", "site"], "the replaced site differs in most files: it is removed, not kept")
    }

    @Test func refusesToReplaceAFolderThatIsNotASite() throws {
        let site = TestSite(["content/a.md": page("title: A")])
        defer { site.cleanUp() }
        site.write("other/notes.txt", "keep me")
        let report = SiteBuilder.build(BuildOptions(root: site.root, output: site.root.appendingPathComponent("other")))
        #expect(!report.published)
        #expect(report.diagnostics.first?.message.contains("does not look like a built site") == true)
        #expect(try String(contentsOf: site.root.appendingPathComponent("other/notes.txt"), encoding: .utf8) == "keep me")
        let intoRoot = SiteBuilder.build(BuildOptions(root: site.root, output: site.root))
        #expect(intoRoot.diagnostics.first?.message.contains("holds the site's own files") == true)
    }

    @Test func stagingFoldersOfKilledBuildsAreRemoved() {
        let site = TestSite(["content/a.md": page("title: A")])
        defer { site.cleanUp() }
        site.write(".site.staging-999999999-1/index.html", "half-written")
        site.write(".site.staging-\(getpid())-2/index.html", "a build of this process still running")
        #expect(site.build().published)
        #expect(site.siblingsOfOutput() == [".site.staging-\(getpid())-2", "content", "site"])
    }
}

/// The replaced site is removed by names relative to open folders: all of
/// it, and nothing a link in it points to.
@Suite struct TreeRemovalTests {
    @Test func aTreeGoesWholeAndALinkInItIsRemovedNotFollowed() throws {
        let files = FileManager.default
        let base = files.temporaryDirectory.appendingPathComponent("tandem-removal-\(UUID().uuidString)")
        defer { try? files.removeItem(at: base) }
        let tree = base.appendingPathComponent("site.old").path
        let outside = base.appendingPathComponent("kept").path
        try files.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: outside + "/precious.txt"))
        for folder in ["news/2026/camp", "fr/news", "empty/inner"] {
            try files.createDirectory(atPath: tree + "/" + folder, withIntermediateDirectories: true)
        }
        for file in ["index.html", "news/2026/camp/index.html", "fr/news/index.html", "feed.xml"] {
            try Data("<p>x</p>".utf8).write(to: URL(fileURLWithPath: tree + "/" + file))
        }
        try files.createSymbolicLink(atPath: tree + "/news/outside", withDestinationPath: outside)
        try files.createSymbolicLink(atPath: tree + "/dangling", withDestinationPath: base.path + "/nowhere")

        SystemFiles.removeTree(tree)
        #expect(!files.fileExists(atPath: tree))
        #expect(try String(contentsOfFile: outside + "/precious.txt", encoding: .utf8) == "keep me")

        try Data("a file".utf8).write(to: URL(fileURLWithPath: base.path + "/single"))
        SystemFiles.removeTree(base.path + "/single")
        #expect(!files.fileExists(atPath: base.path + "/single"))
    }
}

/// Files kept ahead and then found outdated are taken back from the staging
/// folder with the folders they empty, and one that cannot be is reported.
@Suite struct UnkeepTests {
    @Test func linksGoWithTheFoldersTheyEmptyAndWhatCannotGoIsReported() throws {
        let files = FileManager.default
        let base = files.temporaryDirectory.appendingPathComponent("tandem-unkeep-\(UUID().uuidString)")
        defer { try? files.removeItem(at: base) }
        let published = base.appendingPathComponent("site")
        for file in ["index.html", "news/index.html", "news/2026/camp/index.html", "news/2026/port/index.html"] {
            try files.createDirectory(at: published.appendingPathComponent(file).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("<p>\(file)</p>".utf8).write(to: published.appendingPathComponent(file))
        }
        let output = try OutputFolder.prepare(destination: published, root: base.appendingPathComponent("root"))
        defer { output.discard() }
        let paths = ["index.html", "news/index.html", "news/2026/camp/index.html", "news/2026/port/index.html"]
        #expect(output.keep(paths) == [true, true, true, true])
        // A folder where a file is expected: unlink refuses it.
        try files.createDirectory(at: output.staging.appendingPathComponent("news/2026/gone/index.html/inner"), withIntermediateDirectories: true)

        let stuck = output.unkeep(["news/2026/camp/index.html", "news/index.html", "news/2026/gone/index.html", "absent.html"])
        #expect(stuck.keys.sorted() == ["news/2026/gone/index.html"])
        #expect(stuck["news/2026/gone/index.html"] == String(cString: strerror(EISDIR)))
        let staged = { (path: String) in files.fileExists(atPath: output.staging.appendingPathComponent(path).path) }
        #expect(!staged("news/2026/camp/index.html") && !staged("news/2026/camp"), "the link and the folder it emptied")
        #expect(!staged("news/index.html") && staged("news/2026/port/index.html") && staged("index.html"))
        #expect(staged("news/2026/gone/index.html/inner"), "a folder that holds anything stays")
        for path in paths {
            #expect(try Data(contentsOf: published.appendingPathComponent(path)) == Data("<p>\(path)</p>".utf8), "\(path) as published")
        }
    }
}
