import Foundation
import Testing
@testable import TandemCore

/// Lists nested on one line past `ListDepth.maximum` are an error at that line,
/// and libcmark never sees more than the bound (a line nesting 40,000 deep
/// followed by 40,000 blank lines took it 22 s).
@Suite struct ListDepthTests {
    static func nested(_ depth: Int, marker: String = "- ") -> String {
        String(repeating: marker, count: depth) + "deep"
    }

    @Test func aLineWithinTheBoundIsLeftAsItIs() {
        let text = "Intro\n\n" + Self.nested(ListDepth.maximum) + "\n"
        #expect(ListDepth.tooDeepLines(in: text).isEmpty)
        #expect(ListDepth.bounded(text) == text)
    }

    @Test func theFirstMarkerPastTheBoundIsFoundAndEscaped() {
        let text = "Intro\r\n\r\n" + Self.nested(ListDepth.maximum + 8) + "\n"
        let found = ListDepth.tooDeepLines(in: text)
        #expect(found == [ListDepth.TooDeep(line: 3, column: 2 * ListDepth.maximum + 1, depth: ListDepth.maximum + 8,
                                            escapeOffset: 9 + 2 * ListDepth.maximum)])
        let rendered = MarkdownRenderer().render(text)
        #expect(rendered.components(separatedBy: "<ul>").count - 1 == ListDepth.maximum)
        #expect(rendered.contains("<li>- - - - - - - - deep</li>"), "the markers past the bound are text")
    }

    @Test func orderedMarkersCountAndAreEscapedAtTheirDelimiter() {
        let text = Self.nested(ListDepth.maximum + 1, marker: "1. ")
        let found = ListDepth.tooDeepLines(in: text)
        #expect(found.map(\.escapeOffset) == [3 * ListDepth.maximum + 1])
        #expect(MarkdownRenderer().render(text).contains("<li>1. deep</li>"))
    }

    @Test func aLongThematicBreakIsNoNesting() {
        for line in [String(repeating: "- ", count: 60), String(repeating: "* ", count: 60),
                     "- " + String(repeating: "* ", count: 60), "+ + " + String(repeating: "_ ", count: 60)] {
            #expect(ListDepth.tooDeepLines(in: "Intro\n\n" + line + "\n").isEmpty, "\(line)")
        }
    }

    @Test func emptyItemsOfMixedBulletsAreNesting() {
        let line = String(repeating: "- * ", count: ListDepth.maximum)
        #expect(ListDepth.tooDeepLines(in: line).map(\.depth) == [2 * ListDepth.maximum])
    }

    /// libcmark's slow case, bounded: 40,000 markers and 40,000 blank lines
    /// give at most `maximum` lists (without the bound, 40,000 of them).
    @Test func aDeepLineFollowedByBlankLinesIsReadWithinTheBound() {
        let text = "Intro\n\n" + Self.nested(40_000) + String(repeating: "\n", count: 40_000) + "after\n"
        let html = MarkdownRenderer().render(text)
        #expect(html.components(separatedBy: "<ul>").count - 1 == ListDepth.maximum)
        #expect(MarkdownSummary.firstParagraph(of: text) == "Intro")
    }

    @Test func thePageHasOneErrorAtItsFirstDeepLineNamingTheOthers() throws {
        let body = "Intro\n\n" + Self.nested(50) + "\n\n" + Self.nested(60) + "\n"
        let text = "---\ntitle: Deep\n---\n" + body
        let (page, diagnostics) = ContentLoader.parse(Data(text.utf8), contentPath: "news/deep.md", config: SiteConfig())
        #expect(page != nil)
        #expect(diagnostics.count == 1)
        let problem = try #require(diagnostics.first)
        #expect(problem.severity == .error)
        #expect(problem.path == "content/news/deep.md")
        #expect(problem.line == 6)
        #expect(problem.column == 2 * ListDepth.maximum + 1)
        #expect(problem.message == "this line nests lists 50 levels deep (and on 1 more line); Tandem reads at most \(ListDepth.maximum)")
    }

    @Test func sameNamedHeadingsGetTheNextNumber() {
        var ids = HeadingIDs()
        let given = (0..<1_000).map { _ in ids.next(for: "Notes") }
        #expect(given.prefix(3) == ["notes", "notes-2", "notes-3"])
        #expect(given.last == "notes-1000")
        #expect(Set(given).count == given.count)
        #expect(ids.next(for: "Notes 2") == "notes-2-2", "a heading whose own slug was given already takes the next number")
    }
}
