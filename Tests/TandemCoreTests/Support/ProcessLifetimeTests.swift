import Testing
@testable import TandemCore

/// The command line's runs stay in memory until the process exits (it exits
/// right after); a run asked to free its memory, as tests and the preview
/// do, leaves nothing behind.
@Suite struct ProcessLifetimeTests {
    @Test func aRunIsKeptUntilExitOnlyWhenAsked() {
        let site = TestSite(["content/a.md": page("title: A")])
        defer { site.cleanUp() }
        let before = ProcessLifetime.count
        _ = SiteBuilder.build(BuildOptions(root: site.root))
        #expect(ProcessLifetime.count == before)
        // After a build, a run keeps its pipeline, the model of the site that build published and what it made (its assembly, records).
        let report = SiteBuilder.check(BuildOptions(root: site.root, keepsMemoryUntilExit: true))
        #expect(report.diagnostics.isEmpty)
        #expect(ProcessLifetime.count == before + 3)
        let rebuilt = SiteBuilder.build(BuildOptions(root: site.root, keepsMemoryUntilExit: true))
        #expect(rebuilt.published)
        #expect(ProcessLifetime.count == before + 6)
    }
}
