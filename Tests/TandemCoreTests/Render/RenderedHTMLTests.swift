import Testing
@testable import TandemCore

/// A rendered page stays UTF-8 bytes up to its file; the notice and the
/// preview banner are put into those bytes after the opening tag.
struct RenderedHTMLTests {
    private func inserting(_ text: String, after tag: String, in html: String) -> String? {
        RenderedHTML.inserting(text, afterOpening: tag, in: Array(html.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func textGoesRightAfterTheOpeningTagWithItsAttributes() {
        #expect(inserting("<p>نص</p>", after: "main", in: "<body>réfugiés<main id=\"main\" tabindex=\"-1\">x</main>")
            == "<body>réfugiés<main id=\"main\" tabindex=\"-1\">\n<p>نص</p>x</main>")
        #expect(inserting("b", after: "body", in: "<body><main><body>") == "<body>\nb<main><body>")
    }

    @Test func aPageWithoutTheTagGetsNothing() {
        #expect(inserting("b", after: "main", in: "<body>no main here</body>") == nil)
        #expect(inserting("b", after: "main", in: "<main") == nil)
        #expect(inserting("b", after: "main", in: "") == nil)
    }

    @Test func theBannerGoesFirstWhenThereIsNoBody() {
        #expect(String(decoding: PreviewBanner.insert("<b>", into: Array("text".utf8)), as: UTF8.self) == "<b>text")
        #expect(String(decoding: PreviewBanner.insert("<b>", into: Array("<body class=\"x\">t".utf8)), as: UTF8.self) == "<body class=\"x\">\n<b>t")
    }
}
