import Foundation
import Testing
@testable import TandemCore

/// The site a build replaces is kept beside the output (`.site.spare`), and
/// the next build takes it as its staging folder, relinking only the files
/// at which it differs from the published one: whatever the edits, the
/// result is what a build with nothing kept publishes.
@Suite struct SpareFolderTests {
    static let instant = BuildStateTests.instant

    static func inode(_ url: URL) -> UInt64? { BuildStateTests.inode(url) }

    /// The test site built, `path` given `text`, and built again: the site the
    /// second build replaced is its spare folder (returned with it).
    static func builtTwice(editing path: String, to text: String) -> (site: TestSite, spare: URL) {
        let site = TestSite(BuildStateTests.files)
        site.build(at: instant)
        site.write(path, text)
        site.build(at: instant)
        return (site, site.root.appendingPathComponent(".site.spare"))
    }

    @Test func eachBuildStartsFromTheSiteTheLastOneReplaced() throws {
        let site = TestSite(BuildStateTests.files)
        defer { site.cleanUp() }
        let spare = site.root.appendingPathComponent(".site.spare")
        site.build(at: Self.instant)
        #expect(!FileManager.default.fileExists(atPath: spare.path), "a first build replaces nothing")

        // `keeps`: whether the replaced site is kept. Not after a template change (the last
        // state no longer describes the site: everything is made anew, and no spare folder
        // is taken), nor when the replaced site differs in more than half the files (the
        // French pages gone).
        let templateChange = "a template changed"
        let edits: [(what: String, keeps: Bool, change: () -> Void)] = [
            ("a text edit", true, { site.write("content/news/2026/port.md", page("title: Port\ndate: 2026-02-05\npersons: [migrants]", "Ships.")) }),
            ("another text edit", true, { site.write("content/news/2026/port.md", page("title: Port\ndate: 2026-02-05\npersons: [migrants]", "Boats.")) }),
            ("the only French page removed", false, { site.remove("content/news/2026/camp.fr.md") }),
            ("a page added", true, { site.write("content/news/2026/new.md", page("title: New\ndate: 2026-02-06", "New.")) }),
            ("a title changed", true, { site.write("content/news/2026/new.md", page("title: Newer\ndate: 2026-02-06", "New.")) }),
            ("a page removed", true, { site.remove("content/news/2026/new.md") }),
            (templateChange, false, { site.write("templates/partials/site-footer.mustache", "<footer>Changed footer</footer>\n") }),
            ("nothing changed", true, {}),
            ("a text edit again", true, { site.write("content/about.md", page("title: About", "About us, again.")) }),
        ]
        for (what, keeps, change) in edits {
            let before = BuildStateTests.published(site.output)
            let spareBefore = Self.inode(spare)
            change()
            #expect(site.build(at: Self.instant).published, "\(what)")
            #expect(BuildStateTests.published(site.output) == BuildStateTests.clean(site).0, "\(what)")
            if let spareBefore, what != templateChange {
                #expect(Self.inode(site.output) == spareBefore, "\(what): the spare folder became the published one")
            }
            if keeps {
                #expect(BuildStateTests.published(spare) == before, "\(what): the spare folder is the site this build replaced")
            } else {
                #expect(!FileManager.default.fileExists(atPath: spare.path), "\(what): the replaced site is removed")
            }
        }
    }

    @Test func aFileNoEditTouchesStaysTheSameFile() {
        let site = TestSite(BuildStateTests.files)
        defer { site.cleanUp() }
        site.build(at: Self.instant)
        let about = Self.inode(site.output.appendingPathComponent("about/index.html"))
        for text in ["Ships.", "Boats.", "Ferries."] {
            site.write("content/news/2026/port.md", page("title: Port\ndate: 2026-02-05\npersons: [migrants]", text))
            #expect(site.build(at: Self.instant).published)
            #expect(Self.inode(site.output.appendingPathComponent("about/index.html")) == about, "\(text)")
            #expect(site.published("news/2026/port/index.html")?.contains(text) == true)
        }
    }

    /// A folder at the spare's name that no build left there (a copy put in
    /// its place, with a file of its own) is removed, never published.
    @Test func aFolderNoBuildLeftAtTheSparesNameIsNotPublished() throws {
        let (site, spare) = Self.builtTwice(editing: "content/about.md", to: page("title: About", "About us, once."))
        defer { site.cleanUp() }
        let copy = site.root.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: spare, to: copy)
        try Data("not made by Tandem".utf8).write(to: copy.appendingPathComponent("junk.html"))
        try FileManager.default.removeItem(at: spare)
        try FileManager.default.moveItem(at: copy, to: spare)
        let foreign = Self.inode(spare)

        site.write("content/about.md", page("title: About", "About us, twice."))
        #expect(site.build(at: Self.instant).published)
        #expect(site.published("junk.html") == nil)
        #expect(Self.inode(site.output) != foreign)
        #expect(BuildStateTests.published(site.output) == BuildStateTests.clean(site).0)
        #expect(!FileManager.default.fileExists(atPath: spare.appendingPathComponent("junk.html").path),
                "the foreign folder is gone; the spare is the replaced site")
    }

    /// A spare folder that cannot be brought level with the published one (a
    /// folder stands where it had a file to replace) is not used: the build
    /// starts from an empty staging folder and publishes what a whole build does.
    @Test func aSpareThatCannotBeBroughtLevelIsNotUsed() throws {
        let (site, spare) = Self.builtTwice(editing: "content/news/2026/port.md",
                                            to: page("title: Port\ndate: 2026-02-05\npersons: [migrants]", "Ships."))
        defer { site.cleanUp() }
        let blocked = spare.appendingPathComponent("news/2026/port/index.html")
        try FileManager.default.removeItem(at: blocked)
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("inner"), withIntermediateDirectories: true)
        // A file only the spare holds: published if the spare were taken. (Its inode cannot tell:
        // the staging folder made again after the spare's removal may get the same number.)
        try Data("only in the spare".utf8).write(to: spare.appendingPathComponent("marker.txt"))

        site.write("content/news/2026/port.md", page("title: Port\ndate: 2026-02-05\npersons: [migrants]", "Boats."))
        #expect(site.build(at: Self.instant).published)
        #expect(site.published("marker.txt") == nil, "the spare folder was not published")
        #expect(BuildStateTests.published(site.output) == BuildStateTests.clean(site).0)
        #expect(site.published("news/2026/port/index.html")?.contains("Boats.") == true)
    }

    /// A build that fails after taking the spare folder changes nothing
    /// published; the next one, without a spare, publishes what a whole build does.
    @Test func aFailedBuildThatTookTheSpareLeavesThePublishedSiteAsItWas() {
        let (site, spare) = Self.builtTwice(editing: "content/about.md", to: page("title: About", "About us, once."))
        defer { site.cleanUp() }
        #expect(FileManager.default.fileExists(atPath: spare.path))
        let published = BuildStateTests.published(site.output)
        site.write("content/about.md", page("titel: About"))
        #expect(!site.build(at: Self.instant).published)
        #expect(BuildStateTests.published(site.output) == published)
        #expect(!FileManager.default.fileExists(atPath: spare.path), "the spare was taken, and discarded with the staging folder")
        #expect(site.siblingsOfOutput().filter { $0.hasPrefix(".site.staging") }.isEmpty, "no staging folder is left")
        site.write("content/about.md", page("title: About", "About us, fixed."))
        #expect(site.build(at: Self.instant).published)
        #expect(BuildStateTests.published(site.output) == BuildStateTests.clean(site).0)
    }

    /// Writing or copying a file at a name never writes into the file that
    /// was there: another name of it (the published site's) keeps its bytes.
    @Test func writingAtANameLeavesOtherNamesOfTheOldFileAsTheyWere() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (published, staged, source) = (folder.appendingPathComponent("published"), folder.appendingPathComponent("staged"),
                                           folder.appendingPathComponent("source"))
        try Data("published bytes".utf8).write(to: published)
        try Data("copied bytes".utf8).write(to: source)
        try SystemFiles.hardLink(published.path, as: staged.path)
        try SystemFiles.write(Data("new bytes".utf8), to: staged.path)
        #expect(try Data(contentsOf: published) == Data("published bytes".utf8))
        #expect(try Data(contentsOf: staged) == Data("new bytes".utf8))
        try FileManager.default.removeItem(at: staged)
        try SystemFiles.hardLink(published.path, as: staged.path)
        try SystemFiles.copy(source.path, to: staged.path)
        #expect(try Data(contentsOf: published) == Data("published bytes".utf8))
        #expect(try Data(contentsOf: staged) == Data("copied bytes".utf8))
    }
}
