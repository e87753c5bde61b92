import Foundation
import Testing
@testable import TandemCore

/// `tandem check`, `tandem build` and the preview of `tandem serve` run one
/// pipeline, so a broken site gets the same diagnostics from all three.
@Suite struct SameDiagnosticsTests {
    static let focalPoints = [
        "content/focal-points/ana.md": page("name: Ana Press\nagency: UNHCR\nlevel: headquarters\nemail: ana@unhcr.example.org"),
        "content/focal-points/ivo.md": page("name: Ivo Media\nagency: IOM\nlevel: headquarters\nemail: ivo@iom.example.org"),
    ]

    static let brokenSites: [String: [String: String]] = [
        "alias over the feed": ["content/news/x.md": page("title: X\ndate: 2026-01-01\naliases: [/feed.xml]")],
        "aliases over generated files": ["content/news/x.md": page("title: X\ndate: 2026-01-01\naliases: [/sitemap.xml, /assets/style.css, /focal-points/ana.vcf, /q?x=1]")]
            .merging(focalPoints) { a, _ in a },
        "link to a missing file": ["content/a.md": page("title: A", "See [the plan](docs/plan.pdf) and ![x](pic.png).")],
        "invalid date": ["content/news/x.md": page("title: X\ndate: 2026-13-40")],
        "template syntax error": ["content/a.md": page("title: A", "Text."), "templates/layouts/page.mustache": "<main>{{#page}}{{title}}</main>\n"],
        "joint page without lead": ["content/a.md": page("title: A\njoint: true")].merging(focalPoints) { a, _ in a },
        "two pages at one URL": ["content/news/a.md": page("title: A\ndate: 2026-01-01\nslug: b"), "content/news/b.md": page("title: B\ndate: 2026-01-01")],
        "a file of content/ at a generated URL": ["content/a.md": page("title: A"), "content/feed.xml": "<feed/>", "content/robots.txt": "x"],
        "unknown key": ["content/a.md": page("title: A\ntittle: B")],
        "an empty base layout under a joint page": ["content/a.md": page("title: A\njoint: true\nlead: IOM"), "templates/layouts/base.mustache": ""]
            .merging(focalPoints) { a, _ in a },
    ]

    @Test(arguments: brokenSites.keys.sorted())
    func checkBuildAndServeReportTheSame(_ name: String) throws {
        let site = TestSite(Self.brokenSites[name]!)
        defer { site.cleanUp() }
        let now = try PageDate.parse("2026-11-26T12:00:00Z").instant
        let options = BuildOptions(root: site.root, mode: BuildMode(now: now))
        let checked = SiteBuilder.check(options).diagnostics
        let built = SiteBuilder.build(options)
        let (served, _) = Pipeline(root: site.root, mode: BuildMode(includeDrafts: true, preview: true), incremental: true,
                                   clock: { now }).runInMemory()
        #expect(checked.hasErrors, "\(name) is broken")
        #expect(!built.published && built.diagnostics == checked, "\(name)")
        #expect(served.diagnostics == checked, "\(name)")
        for diagnostic in checked where diagnostic.severity == .error {
            #expect(diagnostic.path.hasPrefix("content/") || diagnostic.path.hasPrefix("templates/") || diagnostic.path == "tandem.yaml",
                    "\(name): every error points at a file of the site: \(diagnostic)")
        }
    }

    @Test func aSiteTemplateThatLosesMainIsNamedNotTheBuiltInLayoutThatUsesIt() throws {
        let site = TestSite(Self.brokenSites["an empty base layout under a joint page"]!)
        defer { site.cleanUp() }
        let errors = SiteBuilder.check(BuildOptions(root: site.root)).diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.path) == ["templates/layouts/base.mustache"], "\(errors)")
    }

    @Test func anAliasOverAGeneratedFileIsAnErrorAtTheAliasNamingTheFile() throws {
        let site = TestSite(Self.brokenSites["aliases over generated files"]!.merging(["content/news/y.md": page("title: Y\ndate: 2026-01-01\naliases: [/feed.xml]")]) { a, _ in a })
        defer { site.cleanUp() }
        let diagnostics = SiteBuilder.check(BuildOptions(root: site.root)).diagnostics
        let human = DiagnosticFormatter.human(diagnostics)
        #expect(human.contains("content/news/y.md:4:11: error: the alias '/feed.xml' is the site's Atom feed"), "\(human)")
        #expect(human.contains("error: the alias '/sitemap.xml' is the sitemap"))
        #expect(human.contains("error: the alias '/assets/style.css' is the built-in file /assets/style.css"))
        #expect(human.contains("error: the alias '/focal-points/ana.vcf' is the vCard of content/focal-points/ana.md"))
        #expect(human.contains("an alias must be a path on this site, such as /news/old-name/: '/q?x=1'"))
        #expect(diagnostics.errorCount == 5, "one error per problem: \(human)")
    }
}
