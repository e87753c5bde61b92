import Foundation
import Testing
@testable import TandemCore

/// Templates that reach themselves are errors when templates load, and are
/// never rendered (swift-mustache would recurse until the process crashes).
@Suite struct TemplateCycleTests {
    /// Builds and checks the site: both must return (not crash) with the same errors.
    private func errors(_ files: [String: String]) -> [Diagnostic] {
        let site = TestSite(files)
        defer { site.cleanUp() }
        let built = site.build()
        #expect(!built.published)
        let checked = SiteBuilder.check(BuildOptions(root: site.root))
        #expect(checked.diagnostics == built.diagnostics)
        return built.diagnostics
    }

    @Test func aPartialThatIncludesItselfIsAnErrorAtItsTagAndTheBuildReturns() {
        let diagnostics = errors([
            "content/a.md": page("title: A"),
            "templates/partials/site-footer.mustache": "x{{> site-footer}}\n",
        ])
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(DiagnosticFormatter.human(diagnostics[0]).hasPrefix(
            "templates/partials/site-footer.mustache:1:2: error: the partial includes itself: site-footer → site-footer\n    hint: remove `{{> site-footer}}` here"))
    }

    @Test func aLayoutThatIsItsOwnParentIsAnError() {
        let diagnostics = errors([
            "content/a.md": page("title: A"),
            "templates/layouts/page.mustache": "{{<page}}{{$main}}x{{/main}}{{/page}}\n",
        ])
        #expect(diagnostics.map(\.message) == ["the layout is its own parent: page → page"])
        #expect(diagnostics.first?.path == "templates/layouts/page.mustache")
    }

    @Test func twoPartialsThatIncludeEachOtherAreOneErrorNamingTheCycle() {
        let diagnostics = errors([
            "content/a.md": page("title: A"),
            "templates/partials/site-header.mustache": "<header>\n{{> nav}}</header>\n",
            "templates/partials/nav.mustache": "<nav>{{> site-header}}</nav>\n",
        ])
        #expect(diagnostics.map(\.message) == ["the partial includes itself: nav → site-header → nav"])
        #expect(diagnostics.first?.path == "templates/partials/nav.mustache")
        #expect(diagnostics.first?.hint?.contains("`{{> nav}}` in templates/partials/site-header.mustache") == true)
    }

    @Test func twoLayoutsThatAreEachOthersParentAreOneError() {
        let diagnostics = errors([
            "content/a.md": page("title: A\nlayout: wide"),
            "templates/layouts/wide.mustache": "{{<frame}}{{$main}}wide{{/main}}{{/frame}}",
            "templates/layouts/frame.mustache": "<main>{{<wide}}{{/wide}}</main>",
        ])
        #expect(diagnostics.map(\.message) == ["the layout is its own parent: frame → wide → frame"])
    }

    @Test func aPartialChosenByAValueIsRefused() {
        let diagnostics = errors([
            "content/a.md": page("title: A"),
            "templates/partials/site-footer.mustache": "<footer>{{>*page.title}}</footer>",
        ])
        #expect(diagnostics.map(\.message) == ["this template chooses a partial by a value (`{{> *page.title}}`), which Tandem does not support"])
        #expect(diagnostics.first?.column == 9)
    }

    @Test func referencesAreGraphedWithoutFollowingThem() {
        let graph = TemplateGraph(texts: ["a": "{{> b}}", "b": "{{> c}}{{> a}}", "c": "", "d": "{{> d}}", "e": "{{> a}}"])
        #expect(graph.cycles().map { $0.map(\.from) } == [["a", "b"], ["d"]])
        #expect(graph.unusable(broken: []) == ["a", "b", "d", "e"])
        #expect(TemplateGraph(texts: ["a": "{{> b}}", "b": "", "c": "{{> a}}"]).unusable(broken: ["b"]) == ["a", "b", "c"])
    }
}
