import Foundation
import TandemCore

/// `/_review`: what a reviewer checks before a publish, on one page: drafts,
/// pages under embargo with the instant it lifts, joint pages with their
/// lead and contacts, and every warning and error of the latest build at its
/// file and line, each linking to the page it concerns.
enum ReviewPage {
    static let path = "/_review"

    static func html(_ state: SiteStore.State) -> String {
        let e = MarkupEscaping.escape
        let diagnostics = state.diagnostics
        let pages = state.graph?.pages ?? []
        let now = state.graph?.mode.now ?? Date()
        let title = "Review" + (state.graph.map { " · " + $0.config.title } ?? "")
        let config = state.graph?.config ?? SiteConfig()
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title>
        <style>
        body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#1a1a1a}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{text-align:start;padding:.3rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
        .error{color:#b00020;font-weight:bold}.warning{color:#8a5a00;font-weight:bold}.info{color:#0b57d0;font-weight:bold}code{font-size:.9em}.empty{color:#555}
        </style>
        </head>
        <body>
        <main>
        <h1>\(e(title))</h1>
        <p>\(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s"), \(diagnostics.warningCount) warning\(diagnostics.warningCount == 1 ? "" : "s") in the latest build. \
        This page updates itself when a file changes.</p>

        """
        let drafts = pages.filter { $0.frontMatter.draft }
        html += section("Drafts", drafts.isEmpty ? nil : table(["Page", "File", "Language"], drafts.map {
            [link($0, config), "<code>\(e($0.source.path))</code>", e($0.source.language)]
        }))
        let embargoed = pages.compactMap { page in page.frontMatter.embargo.map { (page, $0.value) } }
            .filter { $0.1.instant > now }
            .sorted { $0.1.instant < $1.1.instant }
        html += section("Under embargo", embargoed.isEmpty ? nil : table(["Page", "Embargo lifts", "File"], embargoed.map { page, embargo in
            [link(page, config), "<time datetime=\"\(e(embargo.rfc3339))\">\(e(gmt(embargo.instant)))</time>", "<code>\(e(page.source.path))</code>"]
        }))
        let joint = pages.filter { $0.isJoint && $0.source.kind != .section }
        html += section("Joint activities", joint.isEmpty ? nil : table(["Page", "Lead", "Contacts", "Language"], joint.map {
            [link($0, config), e($0.frontMatter.lead?.value.rawValue ?? "none"), contacts($0, state.graph), e($0.source.language)]
        }))
        let hidden = (state.graph?.hiddenByContentPath ?? [:]).sorted { $0.key < $1.key }
        if !hidden.isEmpty {
            html += section("Left out of this preview", table(["File", "Why"], hidden.map { ["<code>content/\(e($0.key))</code>", e($0.value)] }))
        }
        let urls = state.graph?.urlByContentPath ?? [:]
        html += section("Problems", diagnostics.isEmpty ? nil : table(["", "Where", "Problem"], diagnostics.map { diagnostic in
            var place = diagnostic.path
            if diagnostic.line > 0 { place += ":\(diagnostic.line):\(max(diagnostic.column, 1))" }
            var whereText = "<code>\(e(place))</code>"
            if diagnostic.path.hasPrefix("content/"), let url = urls[String(diagnostic.path.dropFirst("content/".count))] {
                whereText += "<br><a href=\"\(e(url.href(config)))\">\(e(url.path))</a>"
            }
            var problem = e(diagnostic.message)
            if let hint = diagnostic.hint { problem += "<br>hint: \(e(hint))" }
            let rule = diagnostic.rule.map { " <code>[\(e($0))]</code>" } ?? ""
            return ["<span class=\"\(diagnostic.severity.rawValue)\">\(diagnostic.severity.rawValue)</span>\(rule)", whereText, problem]
        }))
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private static func section(_ heading: String, _ body: String?) -> String {
        "<h2>\(heading)</h2>\n" + (body ?? "<p class=\"empty\">None.</p>\n")
    }

    private static func table(_ headings: [String], _ rows: [[String]]) -> String {
        var html = "<table>\n<thead><tr>" + headings.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows { html += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n" }
        return html + "</tbody>\n</table>\n"
    }

    /// "UNHCR: Ana Press (named); IOM: Ivo Media (headquarters)", each name linking to the focal point's page.
    private static func contacts(_ page: Page, _ graph: SiteGraph?) -> String {
        guard !page.contacts.isEmpty else { return "<span class=\"error\">none</span>" }
        let e = MarkupEscaping.escape
        return page.contacts.map { group in
            let people = group.focalPointIDs.map { id -> String in
                let record = graph?.focalPoints[id]
                let name = e(record?.name ?? id)
                guard let path = record?.path, let url = graph?.urlByContentPath[String(path.dropFirst("content/".count))] else { return name }
                return "<a href=\"\(e(url.href(graph!.config)))\">\(name)</a>"
            }
            return "\(e(group.agency.rawValue)): \(people.joined(separator: ", ")) (\(e(group.reason.rawValue)))"
        }.joined(separator: "<br>")
    }

    private static func link(_ page: Page, _ config: SiteConfig) -> String {
        "<a href=\"\(MarkupEscaping.escape(page.url.href(config)))\">\(MarkupEscaping.escape(page.title))</a>"
    }

    /// "09:00 GMT, Tuesday 1 December 2026".
    static func gmt(_ instant: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "HH:mm 'GMT', EEEE d MMMM yyyy"
        return formatter.string(from: instant)
    }
}
