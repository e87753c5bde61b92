import Testing
@testable import TandemCore

/// A resolver over a fixed map of content paths.
struct FixedLinks: LinkResolving {
    var published: [String: String] = [:]
    var hidden: [String: String] = [:]

    func target(ofContentPath contentPath: String) -> LinkTarget {
        if let url = published[contentPath] { return .published(url) }
        if let reason = hidden[contentPath] { return .unpublished(reason: reason) }
        return .missing
    }

    /// Site paths: every path is published as it is.
    func target(ofSitePath path: String) -> LinkTarget { .published(path) }

    var knownContentPaths: [String] { Array(published.keys) + Array(hidden.keys) }
}

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    func render(_ markdown: String, links: FixedLinks = FixedLinks(), from contentPath: String = "news/2026/a.md") -> RenderedMarkdown {
        renderer.render(markdown, source: .init(path: "content/" + contentPath, contentPath: contentPath,
                                                 bodyFirstLine: 5, resolver: links))
    }

    @Test func rawHTMLIsDroppedByDefaultAndKeptWhenTheSiteOptsIn() {
        #expect(renderer.render("<b>bold</b> and <script>x()</script>") == "<p><!-- raw HTML omitted -->bold<!-- raw HTML omitted --> and <!-- raw HTML omitted -->x()<!-- raw HTML omitted --></p>\n")
        let unsafe = MarkdownRenderer(options: MarkdownOptions(rawHTML: true))
        #expect(unsafe.render("<b>bold</b>") == "<p><b>bold</b></p>\n")
    }

    @Test func javascriptURLsAreDropped() {
        #expect(renderer.render("[click](javascript:alert(1)) [v](VBScript:x)") == "<p><a href=\"\">click</a> <a href=\"\">v</a></p>\n")
        #expect(renderer.render("![pic](data:image/png;base64,AAAA)") == "<p><img src=\"data:image/png;base64,AAAA\" alt=\"pic\" /></p>\n")
        // Any case, after spaces, and a data: URL in a link or one that is not a picture.
        #expect(renderer.render("[a](<  JaVaScRiPt:x>) [b](FILE:///etc/passwd) [c](data:image/png;base64,AAAA)")
                == "<p><a href=\"\">a</a> <a href=\"\">b</a> <a href=\"\">c</a></p>\n")
        #expect(renderer.render("![d](DATA:text/html;base64,AAAA)") == "<p><img src=\"\" alt=\"d\" /></p>\n")
        // A combining mark after the colon does not hide the scheme.
        #expect(renderer.render("[g](javascript:\u{301}alert(1))") == "<p><a href=\"\">g</a></p>\n")
        // A scheme that only starts like a dangerous one stays.
        #expect(renderer.render("[e](javascrip.html) [f](files/report.pdf)") == "<p><a href=\"javascrip.html\">e</a> <a href=\"files/report.pdf\">f</a></p>\n")
    }

    @Test func smartPunctuation() {
        #expect(renderer.render("\"Quoted\" -- it's... ---") == "<p>“Quoted” – it’s… —</p>\n")
    }

    @Test func headingIDsAreUniqueAndEscaped() {
        let html = renderer.render("## Next steps\n\n## Next steps\n\n### Café & \\<co\\>\n\n## \"Main\"")
        #expect(html == """
        <h2 id="next-steps">Next steps</h2>
        <h2 id="next-steps-2">Next steps</h2>
        <h3 id="café-co">Café &amp; &lt;co&gt;</h3>
        <h2 id="main-2">“Main”</h2>

        """)
    }

    @Test func headingIDOfSymbolsOnlyIsStillAnID() {
        #expect(renderer.render("## ???") == "<h2 id=\"section\">???</h2>\n")
    }

    @Test func relativeLinksToMarkdownFilesBecomePublishedURLs() {
        let links = FixedLinks(published: ["news/2025/b.md": "/news/2025/b/", "about.md": "/about/"])
        let result = render("[b](../2025/b.md#figures), [about](/about.md), [site](https://unhcr.org/x.md)", links: links)
        #expect(result.diagnostics.isEmpty)
        #expect(result.html == "<p><a href=\"/news/2025/b/#figures\">b</a>, <a href=\"/about/\">about</a>, <a href=\"https://unhcr.org/x.md\">site</a></p>\n")
    }

    @Test func linkToAMissingPageIsAnErrorAtItsLine() {
        let links = FixedLinks(published: ["news/2026/camp.md": "/news/2026/camp/"])
        let result = render("Intro.\n\nSee [the camp](camp2.md) for more.", links: links)
        #expect(result.diagnostics.count == 1)
        let diagnostic = result.diagnostics[0]
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.line == 7 && diagnostic.column == 16)
        #expect(diagnostic.message == "this links to 'camp2.md', but there is no content/news/2026/camp2.md")
        #expect(diagnostic.hint == "did you mean content/news/2026/camp.md?")
    }

    @Test func linkToAnUnpublishedPageIsAnError() {
        let links = FixedLinks(hidden: ["news/2026/secret.md": "a draft"])
        let result = render("[s](secret.md)", links: links)
        #expect(result.diagnostics.first?.message == "this links to 'secret.md', which is a draft")
        #expect(!result.html.contains("secret"))
    }

    @Test func aLevelOneHeadingInTheBodyIsAWarning() {
        let result = render("Intro.\n\n# Second title")
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.diagnostics.first?.line == 7)
    }

    @Test func firstParagraphIsTheDefaultSummary() {
        #expect(MarkdownSummary.firstParagraph(of: "## Heading\n\nTeams *registered* `42`\nfamilies.\n\nMore.") == "Teams registered 42 families.")
    }

    @Test func relativeLinksToFilesOfContentBecomeAbsolute() {
        let links = FixedLinks(published: ["images/camp.jpg": "/images/camp.jpg", "news/2026/plan.pdf": "/news/2026/plan.pdf"])
        let result = render("![Camp](../../images/camp.jpg) [plan](plan.pdf) [folder](../) [mail](mailto:a@b.org)", links: links)
        #expect(result.diagnostics.isEmpty)
        #expect(result.html == "<p><img src=\"/images/camp.jpg\" alt=\"Camp\" /> <a href=\"/news/2026/plan.pdf\">plan</a> <a href=\"../\">folder</a> <a href=\"mailto:a@b.org\">mail</a></p>\n")
    }

    @Test func aMissingImageIsAnError() {
        let result = render("![Camp](../../images/kamp.jpg)", links: FixedLinks(published: ["images/camp.jpg": "/images/camp.jpg"]))
        #expect(result.diagnostics.map(\.message) == ["this links to '../../images/kamp.jpg', but there is no content/images/kamp.jpg"])
        #expect(result.diagnostics.first?.hint == "did you mean content/images/camp.jpg?")
    }
}

/// Heading ids: ASCII headings take a shortcut by bytes that must give the same slug.
@Suite struct HeadingSlugTests {
    @Test func asciiAndOtherHeadingsAreSluggedAlike() {
        #expect(HeadingIDs.slug("Next steps: 2026 (Plan)") == "next-steps-2026-plan")
        #expect(HeadingIDs.slug("  --Key   figures!! ") == "key-figures")
        #expect(HeadingIDs.slug("?!") == "section")
        #expect(HeadingIDs.slug("Next steps: 2026 (Plan) é") == "next-steps-2026-plan-é")
        #expect(HeadingIDs.slug("Réfugiés et migrants") == "réfugiés-et-migrants")
        #expect(HeadingIDs.slug("اللاجئون 2026") == "اللاجئون-2026")
    }
}
