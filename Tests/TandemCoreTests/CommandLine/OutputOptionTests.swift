import Foundation
import Testing

/// A bad `--output` is a usage error: exit status 2, and nothing built.
@Suite struct OutputOptionTests {
    @Test func anOutputInsideContentOrUnderAFileExitsTwo() throws {
        let site = TestSite(["content/a.md": page("title: A")])
        defer { site.cleanUp() }
        let inside = try TandemProcess.run(["build", "--output", "content/site"], in: site.root)
        #expect(inside.status == 2)
        #expect(inside.standardError.contains("it is inside content/"))
        #expect(inside.standardError.contains("hint: choose another folder with --output"))
        site.write("notes.txt", "a file")
        let underAFile = try TandemProcess.run(["build", "--output", "notes.txt/site"], in: site.root)
        #expect(underAFile.status == 2)
        #expect(underAFile.standardError.contains("notes.txt is a file, not a folder"))
        #expect(try TandemProcess.run(["build", "--output", "/"], in: site.root).status == 2)
        #expect(site.siblingsOfOutput() == ["content", "notes.txt"])
    }
}
