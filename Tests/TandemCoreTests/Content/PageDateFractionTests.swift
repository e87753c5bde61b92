import Foundation
import Testing
@testable import TandemCore

/// A fraction of a second in a date-time counts: an embargo is never lifted early.
@Suite struct PageDateFractionTests {
    @Test func theFractionOfASecondIsKept() throws {
        let whole = try PageDate.parse("2026-12-01T09:00:00Z")
        #expect(try PageDate.parse("2026-12-01T09:00:00.5Z").instant == whole.instant.addingTimeInterval(0.5))
        #expect(try PageDate.parse("2026-12-01T10:00:00.250+01:00").instant == whole.instant.addingTimeInterval(0.25))
        #expect(throws: PageDate.ParseError.notADate) { try PageDate.parse("2026-12-01T09:00:00.Z") }
    }

    @Test func anEmbargoWithAFractionIsNotPublishedBeforeIt() {
        let site = TestSite(["content/a.md": page("title: A\nembargo: 2026-12-01T09:00:00.750Z")])
        defer { site.cleanUp() }
        site.build(at: "2026-12-01T09:00:00.500Z")
        #expect(site.published("a/index.html") == nil)
        site.build(at: "2026-12-01T09:00:00.750Z")
        #expect(site.published("a/index.html") != nil)
    }
}
