import Testing
@testable import TandemCore

@Suite struct FocalPointReviewTests {
    let files = [
        "content/focal-points/old.md": page("name: Old Review\nagency: UNHCR\nemail: old@unhcr.example.org\nreviewed_on: 2025-01-10"),
        "content/focal-points/recent.md": page("name: Recent Review\nagency: IOM\nemail: recent@iom.example.org\nreviewed_on: 2026-01-10"),
    ]

    @Test func aReviewOlderThanAYearIsAWarningAtItsLine() {
        let site = TestSite(files)
        defer { site.cleanUp() }
        let report = site.build(at: "2026-06-01T00:00:00Z")
        #expect(report.published)
        let warnings = report.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.path) == ["content/focal-points/old.md"])
        #expect(warnings.first?.line == 5)
        #expect(warnings.first?.message == "the details of Old Review were last reviewed 507 days ago (2025-01-10), more than 365 days before this build")
    }

    @Test func theReviewPeriodIsConfigurable() {
        var files = files
        files["tandem.yaml"] = "focal_point_review_days: 100"
        let site = TestSite(files)
        defer { site.cleanUp() }
        let warnings = site.build(at: "2026-06-01T00:00:00Z").diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.path) == ["content/focal-points/old.md", "content/focal-points/recent.md"])
    }

    @Test func aReviewPeriodBelowOneDayIsAnError() {
        let (_, diagnostics) = ConfigLoader.parse("focal_point_review_days: 0\n")
        #expect(diagnostics.map(\.message) == ["'focal_point_review_days' must be at least 1"])
    }
}
