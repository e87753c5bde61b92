/// Dates as the UN writes them: "6 December 2026", in the page's language
/// (month names and order come from the strings: `months`, `date_format`).
enum UNDate {
    static func display(_ date: PageDate, language: String, strings: Strings) -> String {
        let months = strings.list("months", language: language)
        let month = months.count == 12 ? months[date.month - 1] : String(date.month)
        let format = strings.text("date_format", language: language) ?? "{day} {month} {year}"
        var result = ""
        var rest = Substring(format)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            switch rest[rest.index(after: open)..<close] {
            case "day": result += String(date.day)
            case "month": result += month
            case "year": result += String(date.year)
            default: result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
