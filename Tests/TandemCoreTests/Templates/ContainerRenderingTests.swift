import Foundation
import Testing
@testable import TandemCore

/// A container written as text renders as nothing, so no template can leak
/// the context into a page or multiply it into gigabytes.
@Suite struct ContainerRenderingTests {
    @Test func aLayoutRepeatingTheWholeContextStaysSmallAndQuick() throws {
        let repeated = String(repeating: "{{.}}{{page}}{{nav}}", count: 1_300)
        let site = TestSite(["content/a.md": page("title: A"),
                             "templates/layouts/page.mustache": "<main>" + repeated + "{{=| |=}}| || |</main>\n"])
        defer { site.cleanUp() }
        let report = site.build()
        let html = try #require(site.published("a/index.html"), "\(DiagnosticFormatter.human(report.diagnostics))")
        #expect(html.utf8.count < 1_000 && !html.contains("title"), "containers render as nothing: \(html.prefix(200))")
    }
}
