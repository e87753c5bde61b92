/// Enforces the notice guarantee on a rendered page: a joint page holds
/// exactly one notice (inserted after `<main>` if its layout left it out,
/// reported back so the build can warn once per layout); any other page holds none.
///
/// A joint page with no notice to show is not blamed on its layout: that
/// happens only when the page has no `lead:`, already an error of its front
/// matter (and a site's joint-notice partial without the marker is an error
/// when templates load).
struct NoticeCheck {
    /// The rendered `joint-notice` partial for this page (empty for non-joint pages).
    var noticeHTML: String
    var layoutFile: String
    var pagePath: String

    struct Outcome {
        /// The page's UTF-8 (`RenderedHTML`).
        var html: [UInt8]
        var diagnostics: [Diagnostic] = []
        /// The notice was missing and has been inserted.
        var inserted = false
    }

    func enforce(_ html: [UInt8], isJoint: Bool) -> Outcome {
        let count = JointNotice.count(in: html)
        let place = SourceLocation(path: pagePath, line: 1, column: 1)
        if !isJoint {
            guard count == 0 else {
                return Outcome(html: html, diagnostics: [.error(place, "this page is not joint, but its layout \(layoutFile) puts a joint notice on it",
                                      hint: "render the notice only through `{{> joint-notice}}`, which shows it on joint pages alone")])
            }
            return Outcome(html: html)
        }
        switch count {
        case 1:
            return Outcome(html: html)
        case 0:
            let notices = JointNotice.count(in: noticeHTML)
            if notices == 0 && noticeHTML.allSatisfy(\.isWhitespace) { return Outcome(html: html) }
            guard notices == 1 else {
                return Outcome(html: html, diagnostics: [.error(place, "the joint-notice partial shows \(notices) notices on this page, not one",
                                      hint: "keep `\(JointNotice.marker)` on exactly one element of templates/partials/\(JointNotice.partialName).mustache, and show it whenever `joint_notice` is set")])
            }
            guard let inserted = JointNotice.insert(noticeHTML, into: html) else {
                return Outcome(html: html, diagnostics: [.error(SourceLocation(path: layoutFile), "the layout has no <main> element, so the joint notice of \(pagePath) has nowhere to go",
                                      hint: "add `{{> joint-notice}}` inside the layout's <main> element")])
            }
            return Outcome(html: inserted, inserted: true)
        default:
            return Outcome(html: html, diagnostics: [.error(place, "the joint notice appears \(count) times on this page (layout \(layoutFile))",
                                  hint: "use `{{> joint-notice}}` once per layout, and not in partials that the layout also includes")])
        }
    }
}
