import CCmark
import CCmarkArena
import Foundation
import Testing
@testable import TandemCore

/// libcmark's trees live in a per-thread arena, emptied after each parse.
@Suite struct CmarkArenaTests {
    static let renderer = MarkdownRenderer(options: MarkdownOptions(rawHTML: false, smartPunctuation: false, headingIDs: true))

    /// A paragraph of 3 MB outgrows a block of the arena (1 MiB) and the
    /// 8 MiB kept between pages; the page after it still renders whole.
    @Test func aPageLargerThanTheArenaBlocksRendersWholeAndSoDoesTheNext() {
        let words = String(repeating: "word ", count: 600_000)
        let big = Self.renderer.render("# Title\n\n" + words + "\n\n*end*")
        #expect(big.hasPrefix("<h1 id=\"title\">Title</h1>\n<p>word word"))
        #expect(big.hasSuffix("word</p>\n<p><em>end</em></p>\n"))
        #expect(big.utf8.count > 3_000_000)
        #expect(Self.renderer.render("Small *page*.") == "<p>Small <em>page</em>.</p>\n")
    }

    /// libcmark is given the text with its length, not a C string: all of it
    /// is read (sources refuse a NUL, `SourceText`, but a text from elsewhere
    /// may hold one; libcmark shows it as U+FFFD), and an empty text too.
    @Test func theWholeTextIsReadWithItsLength() {
        #expect(Self.renderer.render("before\u{0}after *here*") == "<p>before\u{FFFD}after <em>here</em></p>\n")
        #expect(Self.renderer.render("") == "")
        #expect(CmarkArena.parse("", options: CMARK_OPT_DEFAULT) { cmark_node_first_child($0) == nil })
    }

    /// A parse inside another's body (a summary read while a page is walked)
    /// leaves the outer tree intact: the arena empties at the outermost end.
    @Test func aParseInsideAnotherLeavesTheOuterTreeIntact() {
        let outer = CmarkArena.parse("First *paragraph*.\n\nSecond.", options: CMARK_OPT_DEFAULT) { document in
            let inner = MarkdownSummary.firstParagraph(of: "Inner **text** here.\n\nMore.")
            let first = cmark_node_first_child(document)!
            return (inner, PlainText.of(first), PlainText.of(cmark_node_next(first)!))
        }
        #expect(outer.0 == "Inner text here.")
        #expect(outer.1 == "First paragraph.")
        #expect(outer.2 == "Second.")
    }

    /// The nodes a page's rendering adds to its tree (a stand-in for each
    /// link, a heading with its id) go with the tree: rendering a page a
    /// thousand times leaves the thread's arena as one rendering left it.
    /// (When the arena was inline in a header, a Swift file's own copy of it
    /// took those nodes and was never emptied.)
    @Test func nodesAddedToATreeGoWithIt() {
        let page = "## Links\n\n" + (0..<200).map { "[link \($0)](page-\($0).md) ![image](i\($0).png)" }.joined(separator: "\n\n")
        let once = DispatchQueue(label: "one thread").sync { () -> (Int, Int) in
            _ = Self.renderer.render(page)
            let after = tandem_arena_size()
            for _ in 0..<1000 { _ = Self.renderer.render(page) }
            return (after, tandem_arena_size())
        }
        #expect(once.0 > 0 && once.1 == once.0, "\(once)")
    }

    /// Threads parse at once, each in its own arena.
    @Test func threadsRenderAtOnceEachInItsOwnArena() {
        let pages = (0..<64).map { "## Part \($0)\n\n" + String(repeating: "Text \($0) with a [link](https://example.org/\($0)). ", count: 200) }
        let expected = pages.map { Self.renderer.render($0) }
        let rendered = pages.parallelMap { Self.renderer.render($0) }
        #expect(rendered == expected)
    }
}
