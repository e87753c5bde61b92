import Foundation

/// A date as front matter wrote it: a calendar day (`2026-03-05`) or an
/// instant with its zone (`2026-03-05T09:00:00Z`, `2026-03-05T09:00+01:00`).
public struct PageDate: Sendable, Hashable, Comparable, Codable {
    /// The instant; a calendar day counts from midnight UTC.
    public var instant: Date
    /// The calendar day as written (year, month, day), used for display.
    public var year: Int
    public var month: Int
    public var day: Int
    /// Whether a time of day was written.
    public var hasTime: Bool
    /// Minutes east of UTC of the written zone (0 for a plain day).
    public var zoneOffsetMinutes: Int

    public static func < (lhs: PageDate, rhs: PageDate) -> Bool { lhs.instant < rhs.instant }

    /// `2026-03-05`, the day as written.
    public var isoDay: String {
        // Ten ASCII bytes for any year a page can have (0 to 9999), written in
        // place: every page, entry and feed asks for it.
        guard (0...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else {
            return Self.digits(year, 4) + "-" + Self.digits(month, 2) + "-" + Self.digits(day, 2)
        }
        let (year, month, day) = (self.year, self.month, self.day)
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func digit(_ value: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(value) }
            bytes[0] = digit(year / 1000)
            bytes[1] = digit(year / 100 % 10)
            bytes[2] = digit(year / 10 % 10)
            bytes[3] = digit(year % 10)
            bytes[4] = UInt8(ascii: "-")
            bytes[5] = digit(month / 10)
            bytes[6] = digit(month % 10)
            bytes[7] = UInt8(ascii: "-")
            bytes[8] = digit(day / 10)
            bytes[9] = digit(day % 10)
            return 10
        }
    }

    /// RFC 3339 for machines: the day, or the instant in UTC.
    public var rfc3339: String {
        hasTime ? Self.instants.value(instant) { instant.formatted(.iso8601) } : isoDay
    }

    private static let instants = Memo<Date, String>()

    /// `value` with leading zeros to `width` digits.
    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Why a text is not a date, in words for the person who wrote it.
    public enum ParseError: Error, Equatable {
        case notADate
        case noSuchDay
        case missingZone
    }

    /// Parses `YYYY-MM-DD`, optionally followed by `T` (or a space), `HH:MM[:SS[.fff]]`
    /// and a zone (`Z` or `±HH:MM`). A time without a zone is refused, not guessed;
    /// a fraction of a second is kept.
    public static func parse(_ text: String) throws(ParseError) -> PageDate {
        var scanner = DateScanner(Array(text.utf8.drop { $0 == 32 }.reversed().drop { $0 == 32 }.reversed()))
        guard let year = scanner.number(digits: 4), scanner.take("-"),
              let month = scanner.number(digits: 2), scanner.take("-"),
              let day = scanner.number(digits: 2)
        else { throw .notADate }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else {
            throw .noSuchDay
        }
        if scanner.atEnd {
            return PageDate(instant: instant(year: year, month: month, day: day), year: year, month: month, day: day,
                            hasTime: false, zoneOffsetMinutes: 0)
        }
        guard scanner.take("T") || scanner.take("t") || scanner.take(" "),
              let hour = scanner.number(digits: 2), scanner.take(":"),
              let minute = scanner.number(digits: 2), hour < 24, minute < 60
        else { throw .notADate }
        var second = 0
        var fraction = 0.0
        if scanner.take(":") {
            guard let s = scanner.number(digits: 2), s < 61 else { throw .notADate }
            second = min(s, 59)
            if scanner.take(".") {
                guard let digits = scanner.digits() else { throw .notADate }
                fraction = Double("0." + digits) ?? 0
            }
        }
        scanner.skipSpaces()
        let offset: Int
        if scanner.atEnd {
            throw .missingZone
        } else if scanner.take("Z") || scanner.take("z") {
            offset = 0
        } else {
            let sign: Int
            if scanner.take("+") { sign = 1 } else if scanner.take("-") { sign = -1 } else { throw .notADate }
            guard let zh = scanner.number(digits: 2) else { throw .notADate }
            _ = scanner.take(":")
            let zm = scanner.number(digits: 2) ?? 0
            guard zh < 24, zm < 60 else { throw .notADate }
            offset = sign * (zh * 60 + zm)
        }
        guard scanner.atEnd else { throw .notADate }
        let written = instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetMinutes: offset)
        // The fraction of a second counts: an embargo lifts at the instant written, not before.
        return PageDate(instant: written.addingTimeInterval(fraction), year: year, month: month,
                        day: day, hasTime: true, zoneOffsetMinutes: offset)
    }

    static let calendar = Calendar(identifier: .gregorian)

    /// The instant of a day and time written in a zone `offsetMinutes` east of UTC.
    /// From 1583 on (the Gregorian calendar everywhere Foundation's is), counted
    /// from the days since 1970 (`daysSince1970`): what Foundation's calendar
    /// gives, without its calendar and time-zone machinery (asking it, once per
    /// page, took about 0.6 % of a 10k build's samples). Earlier days take
    /// Foundation's calendar, which turns Julian before 15 October 1582.
    static func instant(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                        offsetMinutes: Int = 0) -> Date {
        guard year >= 1583 else {
            let components = DateComponents(timeZone: TimeZone(secondsFromGMT: offsetMinutes * 60), year: year, month: month,
                                            day: day, hour: hour, minute: minute, second: second)
            return calendar.date(from: components)!
        }
        let seconds = daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
            - offsetMinutes * 60
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Days from 1970-01-01 to a day of the proleptic Gregorian calendar: the
    /// year counted from March, so that a leap day ends it, in eras of 400 years.
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A tiny cursor over ASCII bytes for `PageDate.parse`.
private struct DateScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ character: Character) -> Bool {
        guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += digits
        return value
    }

    /// The digits from here on, as written; nil if there are none.
    mutating func digits() -> String? {
        let start = index
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 32 { index += 1 }
    }
}
