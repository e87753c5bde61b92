import Foundation
import Testing
@testable import TandemCore

/// Control characters are errors at their place, never text lost in silence
/// (libcmark stops reading a page at a NUL).
@Suite struct SourceTextTests {
    @Test func aNULInAPageBodyIsAnErrorAtItsLineAndColumn() {
        let text = "---\ntitle: A\n---\nFirst para.\n\nSecond \u{0} para.\n"
        let (page, diagnostics) = ContentLoader.parse(Data(text.utf8), contentPath: "news/a.md", config: SiteConfig())
        #expect(page == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 6 && diagnostics.first?.column == 8)
        #expect(diagnostics.first?.message == "this file holds a NUL character (U+0000), which is not text")
    }

    @Test func checkCountsThePageWithANULAsAnError() {
        let site = TestSite(["content/a.md": page("title: A", "First para.\n\nSecond \u{0} para.\n\nThird para.")])
        defer { site.cleanUp() }
        let report = SiteBuilder.check(BuildOptions(root: site.root))
        #expect(report.diagnostics.errorCount == 1)
        #expect(report.diagnostics.first?.path == "content/a.md")
    }

    @Test func otherControlCharactersAreCountedAndTabsAndLineEndsAreNot() {
        let found = SourceText.controlCharacter(in: "a\tb\nc\u{1B}[31m d\u{7}\n", path: "templates/partials/x.mustache")
        #expect(found?.line == 2 && found?.column == 2)
        #expect(found?.message == "this file holds an invisible control character (U+001B), which is not text, and 1 more after it")
        #expect(SourceText.controlCharacter(in: "tab\there\nand lines\n", path: "x") == nil)
        guard case .success(let text) = SourceText.decode(Data("a\r\nb\rc".utf8), path: "x") else {
            Issue.record("carriage returns are line ends"); return
        }
        #expect(text == "a\nb\nc")
    }
}
