import Foundation
import Testing
@testable import TandemCore

/// An output that cannot be written is an error with its path and the
/// system's reason, and the previous site stays exactly as it was (issue 14 #5).
@Suite struct UnwritableOutputTests {
    /// Every file of a folder with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: ContentLoader.walk(folder).map {
            ($0, (try? Data(contentsOf: folder.appendingPathComponent($0))) ?? Data())
        })
    }

    @Test(.enabled(if: canDropRoot)) func aReadOnlyFolderAboveTheSiteIsAnErrorAndTheSiteStays() throws {
        let site = TestSite(["content/index.md": page("title: Home", "First.")])
        let parent = site.root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: false)
        giveToAnotherUser(parent)
        defer {
            chmod(parent.path, 0o755)
            site.cleanUp()
        }
        let output = parent.appendingPathComponent("site")
        let first = try runAsAnotherUser(["build", "--root", site.root.path, "--output", output.path])
        #expect(first.status == 0, "\(first.standardError)")
        let before = Self.snapshot(output)
        #expect(before["index.html"].map { String(decoding: $0, as: UTF8.self).contains("First.") } == true)

        site.write("content/index.md", page("title: Home", "Second."))
        #expect(chmod(parent.path, 0o555) == 0)
        let second = try runAsAnotherUser(["build", "--root", site.root.path, "--output", output.path])
        #expect(second.status == 1)
        #expect(second.standardError.contains("\(output.path): error: cannot create the staging folder \(parent.path)/.site.staging-"),
                "\(second.standardError)")
        #expect(second.standardError.contains(": Permission denied\n"), "\(second.standardError)")
        #expect(second.standardError.contains("hint: make \(parent.path) writable for the user who runs tandem"))
        #expect(Self.snapshot(output) == before, "the previous site is unchanged")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
    }

    @Test func aFileThatCannotBeWrittenIsAnErrorWithTheSystemsReasonAndTheSiteStays() throws {
        let site = TestSite(["content/index.md": page("title: Home", "First.")])
        defer { site.cleanUp() }
        #expect(site.build().published)
        let before = Self.snapshot(site.output)

        let slug = String(repeating: "x", count: 300)
        site.write("content/index.md", page("title: Home", "Second."))
        site.write("content/long.md", page("title: Long\nslug: \(slug)"))
        let report = site.build()
        #expect(!report.published)
        let messages = report.diagnostics.about("content/long.md").map(\.message)
        #expect(messages == ["cannot write \(slug)/index.html: File name too long"])
        #expect(Self.snapshot(site.output) == before, "the previous site is unchanged")
        #expect(site.siblingsOfOutput() == ["content", "site"], "no staging folder is left behind")
    }
}
