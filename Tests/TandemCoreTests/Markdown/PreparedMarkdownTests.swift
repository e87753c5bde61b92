import CCmark
import Foundation
import Testing
@testable import TandemCore

/// A body is parsed once, in the parse stage: its HTML is written there with
/// each link and image as a hole, and filled in the render stage. What is
/// filled must be what libcmark writes, and the prose the content rules read
/// must be the text as written, though the tree has smart punctuation.
@Suite struct PreparedMarkdownTests {
    /// libcmark's HTML of a link or image node whose destination (and title) are these bytes.
    private func cmark(_ type: cmark_node_type, url: [UInt8], title: String = "") -> String {
        let node = cmark_node_new(type)!
        defer { cmark_node_free(node) }
        _ = (url + [0]).withUnsafeBufferPointer { cmark_node_set_url(node, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }
        cmark_node_set_title(node, title)
        let rendered = cmark_render_html(node, CMARK_OPT_UNSAFE)!
        defer { free(rendered) }
        return String(cString: rendered)
    }

    @Test func hrefAndTitleAreEscapedAsLibcmarkEscapesThem() {
        for byte in UInt8(1)...UInt8(127) {
            let url = "a" + String(UnicodeScalar(byte)) + "b"
            #expect(cmark(CMARK_NODE_LINK, url: Array(url.utf8)) == "<a href=\"" + CmarkEscaping.href(url) + "\"></a>", "byte \(byte)")
            let title = "t" + String(UnicodeScalar(byte))
            #expect(cmark(CMARK_NODE_LINK, url: [0x78], title: title)
                    == "<a href=\"x\" title=\"" + CmarkEscaping.attribute(title) + "\"></a>", "byte \(byte)")
        }
        for url in ["/news/été/", "a b#c d", "x?y=1&z='2'", "日本語/𝄞", "%41%zz"] {
            #expect(cmark(CMARK_NODE_LINK, url: Array(url.utf8)) == "<a href=\"" + CmarkEscaping.href(url) + "\"></a>", "\(url)")
        }
    }

    /// Bodies whose links and images sit in every place a hole can: in
    /// headings, in emphasis, around and inside images, with titles and
    /// characters to escape; rendered by preparing then filling, compared
    /// with libcmark's own rendering of the same text where links are left alone.
    @Test func aPreparedBodyFilledWithoutTheSiteIsLibcmarksHTML() {
        let bodies = [
            "A [link](https://example.org/a?b=1&c='d' \"A \\\"title\\\" & more\") and ![an *image*](x.png \"T\").",
            "## Heading with [a link](other.md) and `code`\n\nText.\n\n# Second\n",
            "[![inner](i.png)](outer.md) and ![outer ![inner](i.png) [link](l.md)](o.png)",
            "- item [one](1.md)\n  - nested ![two](2.png)\n\n> quote [three](3.md)\n",
            "Plain text only, no links: \u{1} a control byte, and &#1; another.",
            "A [link](a.md) beside \u{1}, \u{2} and &#1;: the markers must be found anyway.",
            "![decorative](line.svg \"decorative\") then [x](<a b.md>)",
            // Headings, whose ids go into their tags: empty, setext, holding the marker byte or only an image.
            "# \u{1} [x](x.md) heading\n\n##\n\nSetext *title*\n======\n\n### ![img](i.png) &#1;\n\n## [only a link](l.md)\n",
            "",
        ]
        let renderer = MarkdownRenderer()
        for body in bodies {
            let expected = CmarkArena.parse(body, options: renderer.options.cmarkOptions) { document in
                var ids = HeadingIDs()
                // libcmark's HTML with Tandem's heading ids and decorative images, links untouched.
                return Self.reference(document, ids: &ids, options: renderer.options)
            }
            #expect(renderer.render(body, source: nil).html == expected, "\(body)")
        }
    }

    /// What Tandem writes of a body without a site: libcmark's HTML, headings with ids, decorative images without text.
    private static func reference(_ document: OpaquePointer, ids: inout HeadingIDs, options: MarkdownOptions) -> String {
        var headings: [OpaquePointer] = []
        var images: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)!
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_HEADING { headings.append(node) }
            if cmark_node_get_type(node) == CMARK_NODE_IMAGE { images.append(node) }
        }
        cmark_iter_free(iterator)
        for image in images where cmark_node_get_title(image).map({ String(cString: $0) }) == "decorative" {
            cmark_node_set_title(image, "")
            while let child = cmark_node_first_child(image) { cmark_node_unlink(child) }
        }
        for heading in headings {
            let id = ids.next(for: PlainText.of(heading))
            let level = cmark_node_get_heading_level(heading)
            let html = String(cString: cmark_render_html(heading, options.cmarkOptions)!)
            let block = CmarkArena.newNode(CMARK_NODE_CUSTOM_BLOCK)
            cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">" + html.dropFirst("<h\(level)>".count))
            cmark_node_set_on_exit(block, "")
            cmark_node_replace(heading, block)
        }
        return String(cString: cmark_render_html(document, options.cmarkOptions)!)
    }

    @Test func linksAreResolvedEvenWhenTheTextHoldsTheMarkerByte() {
        let links = FixedLinks(published: ["news/a.md": "/news/a/"])
        let result = MarkdownRenderer().render("\u{1} [a](a.md) &#1; [b](a.md)",
                                               source: .init(path: "content/news/x.md", contentPath: "news/x.md",
                                                             bodyFirstLine: 1, resolver: links))
        #expect(result.html == "<p>\u{1} <a href=\"/news/a/\">a</a> \u{1} <a href=\"/news/a/\">b</a></p>\n")
    }

    /// A prepared body read back from a damaged store may name places outside
    /// its HTML or out of order: filling it gives what it can, never a crash.
    @Test func holesOutsideTheHTMLAreNotFollowed() {
        let hole = MarkdownHole(isImage: false, isPlaced: true, url: "x", title: "", alt: "", imageTail: "",
                                place: BodyPlace(line: 1, column: 1))
        let prepared = PreparedMarkdown(html: Array("<p>ab</p>".utf8), holes: [hole, hole, hole], holeOffsets: [100, 2], levelOneHeadings: [])
        #expect(MarkdownRenderer().fill(prepared, source: nil).html == "<p>ab</p><a href=\"x\"><a href=\"x\">")
    }

    /// The prose of a body parsed with smart punctuation, put back as written,
    /// is the prose of the same body parsed without it.
    @Test func theProseIsTheTextAsWrittenThoughTheTreeHasSmartPunctuation() {
        let bodies = [
            "It's the \"first\" -- and 'last' --- word... or is it?",
            "Typographic “quotes”, ‘single’ – dashes — and … as written, beside \"straight\" ones.",
            "Escaped \\\"quotes\\\" and \\'single\\', entities &quot;x&quot; &mdash; &hellip; and ----- hyphens.",
            "## A heading's \"title\" -- with [a link's text](a.md \"it's\") and ![alt's \"text\"](i.png)",
            "> A quote: \"Refugees' rights\" ... in *emphasis 'here'* and `code \"spans\"`.",
            "L'OIM et l’OIM -- ensemble... « guillemets » -- fin.",
            "Numbers 1990--2000, a range 5---7 and four dots....",
        ]
        let plain = MarkdownRenderer(options: MarkdownOptions(smartPunctuation: false))
        for body in bodies {
            let page = LintFixture.page("title: A page", body)
            let written = ProseExtractor.extract(page, preparing: plain).prose
            let undone = ProseExtractor.extract(page, preparing: MarkdownRenderer()).prose
            #expect(undone.text == written.text, "\(body)")
            #expect(undone.links.map(\.text) == written.links.map(\.text), "\(body)")
            #expect(undone.images.map(\.alt) == written.images.map(\.alt), "\(body)")
        }
    }

    /// Every page of the sample site reads the same prose both ways.
    @Test func theSampleSitesProseIsTheSameBothWays() {
        let plain = MarkdownRenderer(options: MarkdownOptions(smartPunctuation: false))
        for page in SampleSiteTests.sources() {
            let written = ProseExtractor.extract(page, preparing: plain).prose
            let undone = ProseExtractor.extract(page, preparing: MarkdownRenderer()).prose
            #expect(undone.text == written.text, "\(page.path)")
        }
    }
}
