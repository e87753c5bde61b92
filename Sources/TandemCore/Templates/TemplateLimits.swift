/// Bounds on one template, checked before it is parsed.
///
/// Real templates are far smaller (the largest built-in one is 1.5 KB); a
/// template beyond these bounds — a generated or pasted file — is an error
/// that asks for partials instead of a build that seems to hang. swift-mustache
/// 2.1.1's parser was quadratic (16,000 tags in 224 KB took 9.5 s); Tandem's
/// fork in `Vendor/swift-mustache` parses in linear time, and the bounds keep
/// any one template's cost small all the same.
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
