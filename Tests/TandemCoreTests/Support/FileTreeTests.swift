import Foundation
import Testing
@testable import TandemCore

/// A folder that cannot be listed and a file that cannot be read come back
/// with the system's reason, never as a file that is simply not there.
@Suite struct FileTreeTests {
    @Test func aFolderThatCannotBeListedIsReportedWithTheSystemsReason() throws {
        let site = TestSite()
        defer { site.cleanUp() }
        site.remove("content")
        site.write("content", "not a folder")
        let listing = FileTree.listing(under: site.root.appendingPathComponent("content").path)
        #expect(listing.files.isEmpty)
        #expect(listing.unlistable == [FileTree.Unlistable(path: "", failure: FileTree.Failure(code: ENOTDIR))])
        #expect(listing.diagnostics(in: "content").map { DiagnosticFormatter.human($0) }
            == ["content: error: cannot list this folder: Not a directory\n    hint: content must be a folder: move the file away and create a folder of that name"])
        #expect(FileTree.listing(under: site.root.appendingPathComponent("templates").path).unlistable.isEmpty,
                "a folder that does not exist is empty")
    }

    @Test func aContentFolderThatCannotBeListedIsAnErrorOfTheBuild() {
        let site = TestSite()
        defer { site.cleanUp() }
        site.remove("content")
        site.write("content", "not a folder")
        let report = SiteBuilder.check(BuildOptions(root: site.root))
        #expect(report.diagnostics.map(\.message) == ["cannot list this folder: Not a directory"])
        #expect(report.diagnostics.first?.path == "content")
    }

    @Test func aFileThatCannotBeReadGivesTheSystemsReason() {
        let site = TestSite(["content/a.md": page("title: A")])
        defer { site.cleanUp() }
        guard case .failure(let missing) = FileTree.read(site.root.appendingPathComponent("content/b.md").path),
              case .failure(let folder) = FileTree.read(site.root.appendingPathComponent("content").path),
              case .success(let data) = FileTree.read(site.root.appendingPathComponent("content/a.md").path)
        else { Issue.record("expected two failures and a success"); return }
        #expect(missing.reason == "No such file or directory")
        #expect(folder.reason == "Is a directory")
        #expect(String(decoding: data, as: UTF8.self) == page("title: A"))
        #expect(folder.fileDiagnostic("content").hint == "make it readable for the user who runs tandem, e.g. `chmod u+r content`")
    }
}
