import Foundation
import PropertyBased
import Testing
@testable import TandemCore

/// A site whose one template or strings file is a mutated built-in one: the
/// template loader and a whole `tandem check` (which renders every page
/// through it) finish within the time bound, never crash, and every error
/// points at a file of the site.
@Suite(.timeLimit(.minutes(5)), FuzzBounds.shrinking) struct TemplateFuzzTests {
    static let pages = [
        "content/index.md": page("title: Home"),
        "content/news/2026/a.md": page("title: A\ndate: 2026-01-02\npersons: [refugees]\njoint: true\nlead: IOM\nfocal_points: [ana, bo]",
                                       "Some *text* and [a link](../../about.md)."),
        "content/about.md": page("title: About"),
        "content/focal-points/ana.md": page("name: Ana\nagency: UNHCR\nemail: ana@unhcr.example.org"),
        "content/focal-points/bo.md": page("name: Bo\nagency: IOM\nemail: bo@iom.example.org"),
    ]

    @Test func everyMutatedTemplateLoadsAndChecksWithErrorsAtTheSitesFiles() async {
        await propertyCheck(count: FuzzBounds.count(15), input: Gen.int(in: 0...(FuzzSeeds.templates.count - 1)), Mutation.list) { seed, mutations in
            let template = FuzzSeeds.templates[seed]
            let site = TestSite(Self.pages)
            defer { site.cleanUp() }
            site.write("templates/" + template.path, Data(Mutation.mutate(template.bytes, mutations)))
            let ((_, loaded), loadSeconds) = FuzzBounds.timed { TemplateSet.load(root: site.root, config: SiteConfig()) }
            #expect(loadSeconds < FuzzBounds.seconds, "\(template.path) \(mutations)")
            for diagnostic in loaded {
                #expect(diagnostic.path.hasPrefix("templates/") || diagnostic.path.hasPrefix("(built-in) "), "\(diagnostic)")
            }
            let (report, checkSeconds) = FuzzBounds.timed { SiteBuilder.check(BuildOptions(root: site.root)) }
            #expect(checkSeconds < FuzzBounds.seconds, "\(template.path) \(mutations)")
            for diagnostic in report.diagnostics where diagnostic.severity == .error {
                #expect(diagnostic.path.hasPrefix("content/") || diagnostic.path.hasPrefix("templates/"),
                        "every error points at a file of the site: \(diagnostic) \(template.path) \(mutations)")
            }
        }
    }
}
