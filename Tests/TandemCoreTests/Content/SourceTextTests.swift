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

    /// The bytes are looked at eight at a time: a control character or a
    /// carriage return is found at every place of a word, among the bytes
    /// allowed just above 0x20 and below it (tabs and line ends).
    @Test func aControlCharacterOrCarriageReturnIsFoundAtEveryOffset() {
        for length in [1, 7, 8, 9, 23, 40] {
            for offset in 0 ..< length {
                var bytes = [UInt8]((0 ..< length).map { [0x20, 0x21, 0x7F, 0x41, 0x09, 0x0A][$0 % 6] })
                bytes[offset] = 0x1B
                guard case .failure(let found) = SourceText.decode(Data(bytes), path: "x") else {
                    Issue.record("escape at \(offset) of \(length) not found"); continue
                }
                #expect(found.message.contains("U+001B"))
                bytes[offset] = 0x0D
                guard case .success(let text) = SourceText.decode(Data(bytes), path: "x") else {
                    Issue.record("carriage return at \(offset) of \(length) refused"); continue
                }
                #expect(!text.utf8.contains(0x0D), "carriage return at \(offset) of \(length) made a line end")
            }
        }
        guard case .success(let plain) = SourceText.decode(Data("Tabs\tand lines\nonly, all the way through.\n".utf8), path: "x") else {
            Issue.record("plain text refused"); return
        }
        #expect(plain == "Tabs\tand lines\nonly, all the way through.\n")
    }
}
