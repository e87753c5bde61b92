import Foundation
import Testing
@testable import TandemCore

@Suite struct PageDateTests {
    @Test func parsesDaysAndInstantsWithZones() throws {
        let day = try PageDate.parse("2026-12-06")
        #expect(!day.hasTime && day.isoDay == "2026-12-06" && day.rfc3339 == "2026-12-06")
        let utc = try PageDate.parse("2026-12-01T09:00:00Z")
        let paris = try PageDate.parse("2026-12-01T10:00+01:00")
        #expect(utc.instant == paris.instant)
        #expect(utc.rfc3339 == "2026-12-01T09:00:00Z")
        #expect(try PageDate.parse("2026-12-01 09:00:00.5 -05:00").zoneOffsetMinutes == -300)
    }

    @Test func refusesTimesWithoutZonesAndImpossibleDays() {
        #expect(throws: PageDate.ParseError.missingZone) { try PageDate.parse("2026-12-01T09:00") }
        #expect(throws: PageDate.ParseError.noSuchDay) { try PageDate.parse("2025-02-29") }
        #expect(throws: PageDate.ParseError.notADate) { try PageDate.parse("2026-1-5") }
        #expect(throws: PageDate.ParseError.notADate) { try PageDate.parse("2026-12-01T25:00Z") }
    }

    @Test func leapDaysExist() throws {
        #expect(try PageDate.parse("2028-02-29").day == 29)
    }
}
