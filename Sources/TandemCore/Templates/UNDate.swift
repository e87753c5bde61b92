/// Dates as the UN writes them: "6 December 2026", in the page's language
/// (month names and order come from the strings: `months`, `date_format`).
enum UNDate {
    static func display(_ date: PageDate, language: String, strings: Strings) -> String {
        let months = strings.list("months", language: language)
        let month = months.count == 12 ? months[date.month - 1] : String(date.month)
        let format = strings.text("date_format", language: language) ?? "{day} {month} {year}"
        return format.replacingOccurrences(of: "{day}", with: String(date.day))
            .replacingOccurrences(of: "{month}", with: month)
            .replacingOccurrences(of: "{year}", with: String(date.year))
    }
}

import Foundation
