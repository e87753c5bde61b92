/// Bounds on one template, checked before swift-mustache parses it.
///
/// swift-mustache 2.1.1's parser measures the rest of the file, character by
/// character, at every tag and line it reads (`Parser.read(count:)` calls
/// `String.distance(from:to:)`), so parsing takes time in proportion to the
/// tags times the size: 16,000 tags in 224 KB took 9.5 s, and a template of
/// 63,000 delimiter changes minutes. Real templates are far smaller (the
/// largest built-in one is 1.5 KB), so a template beyond these bounds is an
/// error that asks for partials instead of a command that seems to hang.
enum TemplateLimits {
    static let maximumBytes = 64 * 1024
    static let maximumTags = 4_000

    /// An error for `file` if it exceeds a bound, else nil.
    static func check(_ file: TemplateFile) -> Diagnostic? {
        let bytes = file.text.utf8.count
        if bytes > maximumBytes {
            return .error(SourceLocation(path: file.displayPath, line: 1, column: 1),
                          "this template is \(bytes / 1024) KB; Tandem reads templates of up to \(maximumBytes / 1024) KB",
                          hint: "move parts of it into partials (templates/partials/NAME.mustache, used as `{{> NAME}}`)")
        }
        let tags = TemplateReferences.tags(file.text)
        if tags.count > maximumTags {
            let first = tags[maximumTags]
            return .error(SourceLocation(path: file.displayPath, line: first.line, column: first.column),
                          "this template has \(tags.count) tags; Tandem reads templates of up to \(maximumTags) tags",
                          hint: "move parts of it into partials (templates/partials/NAME.mustache, used as `{{> NAME}}`)")
        }
        return nil
    }
}
