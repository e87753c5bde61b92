import TandemCore

/// The box every preview page shows while the latest build has errors: each
/// error with its file, line, message and hint. The pages underneath are the
/// last ones that built. The same markup is injected into pages as they are
/// served and sent to open pages over the event stream.
enum ErrorOverlay {
    /// The element's id, which the live-reload script replaces.
    static let elementID = "tandem-problems"

    /// The overlay's markup, or "" when the latest build has no errors.
    static func html(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return "" }
        let e = MarkupEscaping.escape
        var html = """
        <div id="\(elementID)" role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;\
        margin:0;padding:1rem 1.25rem;background:#fff;color:#1a1a1a;border-top:6px solid #b00020;box-shadow:0 -4px 16px rgba(0,0,0,.3);\
        font:15px/1.45 system-ui,sans-serif;text-align:start">
        <p style="margin:0 0 .5rem;font-weight:bold;color:#b00020">\
        \(errors.count == 1 ? "1 error" : "\(errors.count) errors"): the preview shows the last pages that built. \
        Fix the files below and save; this box goes away when the site builds.</p>
        <ol style="margin:0;padding-inline-start:1.25rem">

        """
        for diagnostic in errors {
            var place = diagnostic.path
            if diagnostic.line > 0 { place += ":\(diagnostic.line):\(max(diagnostic.column, 1))" }
            html += "<li style=\"margin:.35rem 0\"><code style=\"font-weight:bold\">\(e(place))</code> \(e(diagnostic.message))"
            if let hint = diagnostic.hint {
                html += "<br><span style=\"color:#444\">hint: \(e(hint))</span>"
            }
            html += "</li>\n"
        }
        html += """
        </ol>
        <p style="margin:.5rem 0 0"><a href="/_review" style="color:#0b57d0">All problems and pages under review</a> \
        <button type="button" data-tandem-dismiss style="margin-inline-start:1rem">Hide</button></p>
        </div>

        """
        return html
    }
}
