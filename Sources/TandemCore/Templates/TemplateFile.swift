/// One file of the templates: a built-in default or the site's own under `templates/`.
public struct TemplateFile: Sendable {
    /// Path inside the templates folder, e.g. `layouts/page.mustache`.
    public var relativePath: String
    public var text: String
    /// True for the defaults compiled into Tandem.
    public var isBuiltIn: Bool

    /// Where errors point: `templates/layouts/page.mustache`, or
    /// `(built-in) layouts/page.mustache` for a default.
    public var displayPath: String {
        isBuiltIn ? "(built-in) " + relativePath : "templates/" + relativePath
    }
}
