import Foundation
import Testing
@testable import TandemCore

/// An alias that no URL could reach (`?` starts a query, `#` a fragment, `%`
/// an escape) is an error at its line, never a redirect written where nothing
/// arrives; a space or an accent is a path like any other (issue 14 #8).
@Suite struct AliasCharactersTests {
    @Test func aliasesWithAQueryAFragmentOrAPercentAreErrorsAtTheirLine() {
        let site = TestSite([
            "content/a.md": page("title: A\naliases:\n  - /q?x=1\n  - /old#top\n  - /50%/\n  - /fine/"),
        ])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.published)
        let errors = report.diagnostics.about("content/a.md")
        #expect(errors.map(\.message) == ["/q?x=1", "/old#top", "/50%/"].map {
            "an alias must be a path on this site, such as /news/old-name/: '\($0)'"
        })
        #expect(errors.map(\.line) == [4, 5, 6])
        #expect(errors.allSatisfy { $0.hint == "start it with `/`, and leave out `..`, `?`, `#` and `%`" })
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "nothing is written")
    }

    @Test func aliasesWithSpacesOrAccentsRedirectFromTheirEncodedURL() throws {
        let site = TestSite(["content/a.md": page("title: A\naliases: [/vieux café/]")])
        defer { site.cleanUp() }
        #expect(site.build().published)
        let redirect = try #require(site.published("vieux café/index.html"))
        #expect(redirect.contains("/a/"))
        #expect(Route.alias("/vieux café/")?.href(SiteConfig()) == "/vieux%20caf%C3%A9/")
    }
}
