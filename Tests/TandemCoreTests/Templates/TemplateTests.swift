import Foundation
import Testing
@testable import TandemCore

@Suite struct TemplateTests {
    @Test func missingPartialIsAnErrorNamingTheTemplateAndLine() {
        let site = TestSite([
            "content/a.md": page("title: A"),
            "templates/layouts/page.mustache": "{{<base}}\n{{$main}}\n<p>x</p>\n  {{> page-fotter}}\n{{/main}}\n{{/base}}",
        ])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.count == 1)
        let diagnostic = report.diagnostics[0]
        #expect(diagnostic.path == "templates/layouts/page.mustache")
        #expect(diagnostic.line == 4 && diagnostic.column == 3)
        #expect(diagnostic.message == "this template uses the partial 'page-fotter', which does not exist")
    }

    @Test func missingParentIsAnError() {
        let site = TestSite(["templates/layouts/list.mustache": "{{<basis}}{{$main}}x{{/main}}{{/basis}}"])
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.map(\.message) == ["this template uses the parent layout 'basis', which does not exist"])
        #expect(diagnostics.first?.hint == "did you mean 'base'?")
    }

    @Test func templateSyntaxErrorIsReportedWithItsLine() {
        let site = TestSite(["templates/partials/site-footer.mustache": "<footer>\n{{#nav}}\n<a>{{title}}</a>\n{{/navigation}}\n</footer>"])
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.path == "templates/partials/site-footer.mustache")
        #expect(diagnostics.first?.line == 4)
        #expect(diagnostics.first?.message == "this closing tag does not match the section it closes")
    }

    @Test func referencesAreFoundAcrossDelimiterChanges() {
        let references = TemplateReferences.scan("{{> a}}\n{{=<% %>=}}\n<%> b %>\n{{> not-a-tag}}\n<%={{ }}=%>{{< c}}")
        #expect(references.map(\.name) == ["a", "b", "c"])
        #expect(references.map(\.line) == [1, 3, 5])
    }

    /// A name is read without the spaces, tabs or other blanks around it (a no-break space too).
    @Test func referencesAreReadWithoutTheBlanksAroundTheirNames() {
        let references = TemplateReferences.scan("{{>a}}{{ >\tb }}{{>\u{00A0}c\u{2003}}}{{<  d}}{{> é }}")
        #expect(references.map(\.name) == ["a", "b", "c", "d", "é"])
    }

    /// Tags are found by their bytes; a column counts the Characters before the tag, so
    /// text in any script before it, and delimiters outside ASCII, are placed as a reader counts.
    @Test func referencesArePlacedByCharactersWhateverTheScript() {
        let references = TemplateReferences.scan("« été » {{> a}}\nالعربية {{< b}}\n{{=«« »»=}}\né ««> c »» {{> no}}")
        #expect(references.map(\.name) == ["a", "b", "c"])
        #expect(references.map(\.line) == [1, 2, 4])
        #expect(references.map(\.column) == [9, 9, 3])
    }

    @Test func aSitesTemplateReplacesTheBuiltInOne() throws {
        let site = TestSite([
            "content/a.md": page("title: A"),
            "templates/partials/site-footer.mustache": "<footer><p>Our own footer</p></footer>",
        ])
        defer { site.cleanUp() }
        site.build()
        let html = try #require(site.published("a/index.html"))
        #expect(html.contains("Our own footer"))
        #expect(html.contains("class=\"skip-link\""))
    }

    @Test func layoutsFallBackFromSectionToKindAndFrontMatterChooses() throws {
        let site = TestSite([
            "content/news/2026/a.md": page("title: A\ndate: 2026-01-01"),
            "content/stories/2026/b.md": page("title: B\ndate: 2026-01-01"),
            "content/stories/2026/c.md": page("title: C\ndate: 2026-01-01\nlayout: wide"),
            "templates/layouts/news/page.mustache": "<main>news layout {{page.title}}</main>",
            "templates/layouts/wide.mustache": "<main>wide layout {{page.title}}</main>",
        ])
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.isEmpty)
        #expect(site.published("news/2026/a/index.html") == "<main>news layout A</main>")
        #expect(try #require(site.published("stories/2026/b/index.html")).contains("<h1>B</h1>"))
        #expect(site.published("stories/2026/c/index.html") == "<main>wide layout C</main>")
    }

    @Test func unknownLayoutSuggestsTheNearest() {
        let site = TestSite(["content/a.md": page("title: A\nlayout: pgae")])
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.map(\.message) == ["there is no layout 'pgae'"])
        #expect(diagnostics.first?.hint == "did you mean 'page'?")
        #expect(diagnostics.first?.line == 3)
    }

    @Test func datesAreInUNStyleInThePagesLanguage() throws {
        let (strings, _) = Strings.load([:], config: { var c = SiteConfig(); c.languages = ["en", "fr", "es"]; return c }())
        let date = try PageDate.parse("2026-12-06")
        #expect(UNDate.display(date, language: "en", strings: strings) == "6 December 2026")
        #expect(UNDate.display(date, language: "fr", strings: strings) == "6 décembre 2026")
        #expect(UNDate.display(date, language: "es", strings: strings) == "6 de diciembre de 2026")
    }

    @Test func everyBuiltInFileIsListed() {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/TandemCore/Defaults")
        let onDisk = ContentLoader.walk(folder).filter { $0 != "README.md" && !$0.hasPrefix("lint/") }
        #expect(onDisk == BuiltInTemplates.files.map(\.path).sorted())
    }
}
