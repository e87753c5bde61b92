import Foundation

/// Dates as the UN writes them, day before month: "4 June 2026", "4 juin
/// 2026", "4 de junio de 2026", "4 يونيو، 2026". Month names and order come
/// from Foundation's locale data (ICU), in the locale the strings name
/// (`date_locale`: `en-GB` for English, so the day comes first; else the
/// language itself). A site that writes `months` and `date_format` in its
/// strings gets its own wording instead.
enum UNDate {
    static func display(_ date: PageDate, language: String, strings: Strings) -> String {
        if let format = strings.text("date_format", language: language) {
            return written(date, format: format, months: strings.list("months", language: language))
        }
        let locale = strings.text("date_locale", language: language) ?? language
        return formatted(date, locale: locale)
    }

    private struct Day: Hashable {
        var year: Int, month: Int, day: Int
        var locale: String
    }

    private static let made = Memo<Day, String>()

    /// The day of `date` (as written, in its own zone) in the long form of `locale`.
    static func formatted(_ date: PageDate, locale identifier: String) -> String {
        made.value(Day(year: date.year, month: date.month, day: date.day, locale: identifier)) {
            format(date, locale: identifier)
        }
    }

    private static func format(_ date: PageDate, locale identifier: String) -> String {
        let style = styles.value(identifier) { longStyle(locale: identifier) }
        guard let day = style.calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12)) else {
            return date.isoDay
        }
        return day.formatted(style)
    }

    /// The long date style of each locale, made once, not for each of the
    /// site's distinct days (making its calendar, zone and locale for each
    /// cost about 4 M of a 1,000-page build's 3.55 G instructions).
    private static let styles = Memo<String, Date.FormatStyle>()

    private static func longStyle(locale identifier: String) -> Date.FormatStyle {
        var calendar = Calendar(identifier: .gregorian)
        let utc = TimeZone(identifier: "UTC")!
        calendar.timeZone = utc
        return Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: identifier), calendar: calendar, timeZone: utc)
    }

    /// `{day} {month} {year}` filled with the strings' own month names.
    private static func written(_ date: PageDate, format: String, months: [String]) -> String {
        let month = months.count == 12 ? months[date.month - 1] : String(date.month)
        return Placeholders.fill(format) { name in
            switch name {
            case "day": String(date.day)
            case "month": month
            case "year": String(date.year)
            default: nil
            }
        }
    }
}
