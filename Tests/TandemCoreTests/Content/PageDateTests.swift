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

    /// The instant is counted, not asked of Foundation's calendar: the count
    /// must agree with the calendar on every kind of day (leap days, century
    /// years, year ends, the Gregorian reform, far years) and zone.
    @Test func countedInstantsAgreeWithFoundationsCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var days: [(Int, Int, Int)] = [(1583, 1, 1), (1600, 2, 29), (1700, 2, 28), (1700, 3, 1), (1899, 12, 31),
                                       (1969, 12, 31), (1970, 1, 1), (2000, 2, 29), (2026, 12, 31), (2100, 3, 1), (9999, 12, 31)]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let year = Int.random(in: 1583...9999, using: &generator), month = Int.random(in: 1...12, using: &generator)
            days.append((year, month, Int.random(in: 1...PageDate.daysIn(month: month, year: year), using: &generator)))
        }
        for (index, (year, month, day)) in days.enumerated() {
            let offset = [0, 60, -300, 345, -720, 840][index % 6]
            let (hour, minute, second) = (index % 24, (index * 7) % 60, (index * 13) % 60)
            let components = DateComponents(timeZone: TimeZone(secondsFromGMT: offset * 60), year: year, month: month, day: day,
                                            hour: hour, minute: minute, second: second)
            let expected = try #require(calendar.date(from: components))
            #expect(PageDate.instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                                     offsetMinutes: offset) == expected, "\(year)-\(month)-\(day)")
        }
        // Before 1583 the calendar itself is asked (it turns Julian before 15 October 1582).
        let julian = DateComponents(timeZone: TimeZone(identifier: "UTC"), year: 1200, month: 3, day: 1)
        #expect(try PageDate.parse("1200-03-01").instant == calendar.date(from: julian))
    }

    /// The day as written is made byte by byte: it reads as the date parsed,
    /// with its zeros, for short years, the edges of the months and the last year.
    @Test func isoDayIsTheDayAsWritten() throws {
        for text in ["0001-01-01", "0099-02-28", "0999-12-31", "1583-10-15", "2026-11-29", "2000-02-29", "9999-12-31"] {
            #expect(try PageDate.parse(text).isoDay == text)
            #expect(try PageDate.parse(text + "T09:30:00+02:00").isoDay == text)
        }
    }
}
