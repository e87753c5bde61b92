import Mustache
import Foundation

/// The banner the preview of `tandem serve` puts at the top of a draft or an
/// embargoed page ("Draft — not published", "Embargoed until 09:00 GMT,
/// Tuesday 1 December 2026"). Its words come from the strings (`preview.draft`,
/// `preview.embargoed`), its markup from the `preview-banner` partial, so web
/// staff can reword and restyle it. A published build never has one.
enum PreviewBanner {
    /// The partial that renders the banner from the `preview_banner` key.
    static let partialName = "preview-banner"

    /// The `preview_banner` key of a page: one notice per reason the page would
    /// not be published now (`kind` is `draft` or `embargoed`); nil if it would be.
    static func notices(for matter: FrontMatter, isEmbargoed: Bool, language: String, strings: Strings) -> [MustacheValues]? {
        var notices: [MustacheValues] = []
        if matter.draft {
            notices.append(["kind": "draft", "text": strings.text("preview.draft", language: language) ?? "Draft — not published"])
        }
        if let embargo = matter.embargo?.value, isEmbargoed {
            notices.append(["kind": "embargoed", "text": embargoText(embargo.instant, language: language, strings: strings),
                            "until": embargo.rfc3339])
        }
        return notices.isEmpty ? nil : notices
    }

    /// "Embargoed until 09:00 GMT, Tuesday 1 December 2026": the instant in GMT,
    /// as the press conventions write it.
    static func embargoText(_ instant: Date, language: String, strings: Strings) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: instant)
        let months = strings.list("months", language: language)
        let weekdays = strings.list("weekdays", language: language)
        let (year, month, day) = (parts.year!, parts.month!, parts.day!)
        // Calendar counts weekdays from Sunday (1); the strings list them from Monday.
        let weekdayIndex = (parts.weekday! + 5) % 7
        let values = [
            "time": String(format: "%02d:%02d", parts.hour!, parts.minute!),
            "weekday": weekdays.count == 7 ? weekdays[weekdayIndex] : "",
            "day": String(day),
            "month": months.count == 12 ? months[month - 1] : String(month),
            "year": String(year),
        ]
        let format = strings.text("preview.embargoed", language: language) ?? "Embargoed until {time} GMT, {weekday} {day} {month} {year}"
        return Placeholders.fill(format, values)
    }

    /// Puts the rendered banner right after the opening `<body>` tag (at the
    /// start if there is none), whatever the layout does.
    static func insert(_ banner: String, into html: [UInt8]) -> [UInt8] {
        RenderedHTML.inserting(banner, afterOpening: "body", in: html) ?? Array(banner.utf8) + html
    }
}
