import Mustache

/// Words for swift-mustache's parse errors, aimed at web staff editing templates.
enum TemplateErrors {
    static func diagnostic(for error: MustacheTemplate.ParserError, in file: TemplateFile) -> Diagnostic {
        let location = SourceLocation(path: file.displayPath, line: error.context.lineNumber,
                                      column: max(error.context.columnNumber, 1))
        let (message, hint): (String, String)
        switch error.error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?:
            (message, hint) = ("this closing tag does not match the section it closes",
                               "close `{{#name}}` with `{{/name}}`, using the same name")
        case .unfinishedName?:
            (message, hint) = ("this tag is not finished", "end every tag with `}}` (and `{{{name}}}` with `}}}`)")
        case .expectedSectionEnd?:
            (message, hint) = ("a section opened in this template is never closed",
                               "add the matching `{{/name}}` for every `{{#name}}` and `{{^name}}`")
        case .invalidSetDelimiter?:
            (message, hint) = ("this delimiter change is not well formed", "write it as `{{=<% %>=}}`")
        default:
            (message, hint) = ("this template cannot be read: \(error.error)", "check the tag on this line")
        }
        return .error(location, message, hint: hint)
    }
}
