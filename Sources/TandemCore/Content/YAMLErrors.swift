import Yams

/// Words and places for Yams' errors. A problem is reported where the broken
/// construct starts — a quote or bracket that is never closed at the line that
/// opens it, not where the reader gave up — and a key written twice at its
/// second occurrence, the one to remove.
enum YAMLErrors {
    static func diagnostic(for error: YamlError, yaml: String, path: String, firstLine: Int) -> Diagnostic {
        func place(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: firstLine - 1 + mark.line, column: max(mark.column, 1))
        }
        let hint = "check the indentation and quoting on this line; a text that contains `: ` or starts with a quote, `[` or `{` must be written in double quotes"
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if let context, let (message, constructHint) = unclosed(context.text, problem) {
                return .error(place(context.mark), message, hint: constructHint)
            }
            var message = "malformed YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(firstLine - 1 + context.mark.line))" }
            return .error(place(mark), message, hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let second = secondOccurrence(of: key, line: context.mark.line, column: context.mark.column, in: yaml)
            let location = second.map { SourceLocation(path: path, line: firstLine - 1 + $0.line, column: $0.column) }
            return .error(location ?? place(context.mark), "'\(key)' is written twice",
                          hint: "keep one `\(key):` line; the first is on line \(firstLine - 1 + context.mark.line)")
        case .reader(let problem, _, _, _):
            return .error(SourceLocation(path: path, line: firstLine, column: 1), "cannot read the YAML: \(problem)")
        default:
            return .error(SourceLocation(path: path, line: firstLine, column: 1), "cannot read the YAML: \(error)")
        }
    }

    /// The words for a quote, list, group or key that is never finished, when
    /// libyaml's `context` names one: the error then belongs where it starts.
    private static func unclosed(_ context: String, _ problem: String) -> (String, String)? {
        if context.contains("quoted scalar") && (problem.contains("end of stream") || problem.contains("document indicator")) {
            return ("the quoted text that starts here is never closed",
                    "end it with the same quote mark it starts with; inside double quotes write a quote as `\\\"`, inside single quotes as `''`")
        }
        if context.contains("flow sequence") && problem.hasPrefix("did not find expected") {
            return ("the list that starts here with `[` is not closed with `]`",
                    "close the list on the same line, e.g. `persons: [refugees, migrants]`; an item that holds `,`, `[` or `]` goes in double quotes")
        }
        if context.contains("flow mapping") && problem.hasPrefix("did not find expected") {
            return ("the group that starts here with `{` is not closed with `}`",
                    "close it on the same line, e.g. `{rule: term, reason: quoted}`; a text that holds `,`, `{` or `}` goes in double quotes")
        }
        if context.contains("simple key") && problem.contains("expected ':'") {
            return ("this key is not followed by `:`", "write `key: value` on one line, with a space after the colon")
        }
        return nil
    }

    /// Where `key` is written again in the block mapping whose first `key` is
    /// at `line` and `column`: the next line at the same indentation that starts with it.
    static func secondOccurrence(of key: String, line firstLine: Int, column: Int, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let indentation = column - 1
        guard firstLine >= 1, firstLine < lines.count else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        for index in firstLine..<lines.count {
            let line = lines[index]
            let content = line.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") { continue }
            let indent = line.count - content.count
            if indent < indentation { return nil }
            guard indent == indentation else { continue }
            for spelling in spellings where content.hasPrefix(spelling) {
                if content.dropFirst(spelling.count).drop(while: { $0 == " " }).hasPrefix(":") {
                    return (index + 1, column)
                }
            }
        }
        return nil
    }
}
