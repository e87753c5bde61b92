import Foundation
import Testing
@testable import TandemCore

/// `tandem build` and `tandem check` run the content rules: errors stop a publish, warnings and info print.
@Suite struct LintPipelineTests {
    @Test func aRuleErrorStopsTheBuildAndAWarningDoesNot() {
        let site = TestSite(["content/a.md": page("title: A", "They met economic migrants.")])
        defer { site.cleanUp() }
        let warned = site.build()
        #expect(warned.published)
        #expect(warned.diagnostics.rules == ["economic-migrant"])
        site.write("content/a.md", page("title: A", "They met illegal migrants."))
        let stopped = site.build()
        #expect(!stopped.published)
        #expect(stopped.diagnostics.rules == ["illegal-migrant"])
        #expect(stopped.diagnostics.first?.excerpt == "They met illegal migrants.")
    }

    @Test func theWatchingPipelineChecksEveryPageAgainWhenARuleFileChanges() {
        let site = TestSite(["content/a.md": page("title: A", "A refugee crisis."),
                             "content/b.md": page("title: B", "Ten percent.")])
        defer { site.cleanUp() }
        let pipeline = Pipeline(root: site.root, mode: BuildMode(), incremental: true)
        #expect(pipeline.run(into: MemoryOutput()).diagnostics.rules == ["percent"])
        site.write("lint/refugee-crisis.yaml", SiteRulesTests.oxymoron)
        #expect(pipeline.run(into: MemoryOutput()).diagnostics.rules == ["refugee-crisis", "percent"])
        site.write("tandem.yaml", "lint: {disable: [percent]}\n")
        #expect(pipeline.run(into: MemoryOutput()).diagnostics.rules == ["refugee-crisis"])
        site.remove("lint/refugee-crisis.yaml")
        #expect(pipeline.run(into: MemoryOutput()).diagnostics.isEmpty)
    }
}
