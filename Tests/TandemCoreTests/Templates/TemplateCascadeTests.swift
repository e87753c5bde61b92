import Foundation
import Testing
@testable import TandemCore

/// One problem, one error: what follows from a template's error is not blamed on another template.
@Suite struct TemplateCascadeTests {
    @Test func aSyntaxErrorInTheSitesBaseLayoutIsTheOnlyErrorOnJointPages() throws {
        let site = TestSite([
            "content/news/2026/a.md": page("title: A\ndate: 2026-01-01\njoint: true\nlead: IOM"),
            "templates/layouts/base.mustache": "<html><body><main>{{$main}}{{/main}}</main>\n{{#site}}\n</body></html>",
        ].withFocalPoints)
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.map(\.path) == ["templates/layouts/base.mustache"], "\(diagnostics)")
        #expect(diagnostics.map(\.message) == ["a section opened in this template is never closed"])
    }

    @Test func aSyntaxErrorInTheSitesJointNoticePartialIsTheOnlyError() {
        let site = TestSite([
            "content/news/2026/a.md": page("title: A\ndate: 2026-01-01\njoint: true\nlead: IOM"),
            "templates/partials/joint-notice.mustache": "{{#joint_notice}}<aside data-joint-notice>{{text}}</aside>{{/joint_notice",
        ].withFocalPoints)
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.map(\.path) == ["templates/partials/joint-notice.mustache"], "\(diagnostics)")
    }

    @Test func aSyntaxErrorInALayoutAPageChoosesIsTheOnlyError() {
        let site = TestSite([
            "content/news/2026/a.md": page("title: A\ndate: 2026-01-01\njoint: true\nlead: IOM\nlayout: wide"),
            "templates/layouts/wide.mustache": "<main>{{#page}}{{title}}</main>",
        ].withFocalPoints)
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.map(\.path) == ["templates/layouts/wide.mustache"], "\(diagnostics)")
    }

    @Test func aJointPageWithoutLeadIsOneErrorAtItsFrontMatter() {
        let site = TestSite(["content/news/2026/a.md": page("title: A\ndate: 2026-01-01\njoint: true")].withFocalPoints)
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.map(\.message) == ["a joint page must say who leads it"], "\(diagnostics)")
        #expect(diagnostics.first?.path == "content/news/2026/a.md")
    }

    @Test func aJointNoticePartialWithoutTheMarkerIsAnErrorAndTheBuiltInNoticeIsUsed() throws {
        let site = TestSite([
            "content/news/2026/a.md": page("title: A\ndate: 2026-01-01\njoint: true\nlead: IOM"),
            "templates/partials/joint-notice.mustache": "{{#joint_notice}}<aside>{{text}}</aside>{{/joint_notice}}",
        ].withFocalPoints)
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.map(\.message) == ["the joint-notice partial has no element marked data-joint-notice"], "\(diagnostics)")
    }
}
