import Yams

/// Parses a block of YAML into a node tree with positions, turning Yams'
/// errors (whose marks count from the block's first line) into diagnostics
/// at the line and column of the original file.
enum YAMLDocument {
    static func parse(_ yaml: String, path: String, firstLine: Int) -> Result<Node?, Diagnostic> {
        do {
            return .success(try Yams.compose(yaml: yaml, .basic))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: path, firstLine: firstLine))
        } catch {
            return .failure(.error(SourceLocation(path: path, line: firstLine, column: 1), "cannot read the YAML: \(error)"))
        }
    }

    private static func diagnostic(for error: YamlError, path: String, firstLine: Int) -> Diagnostic {
        func place(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: firstLine - 1 + mark.line, column: mark.column)
        }
        let hint = "check the indentation and quoting on this line; a text that contains `: ` or starts with a quote, `[` or `{` must be written in double quotes"
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "malformed YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(firstLine - 1 + context.mark.line))" }
            return .error(place(mark), message, hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(place(context.mark), "a key is written twice: \(duplicates.joined(separator: ", "))",
                          hint: "keep one line for each key")
        case .reader(let problem, _, _, _):
            return .error(SourceLocation(path: path, line: firstLine, column: 1), "cannot read the YAML: \(problem)")
        default:
            return .error(SourceLocation(path: path, line: firstLine, column: 1), "cannot read the YAML: \(error)")
        }
    }
}
