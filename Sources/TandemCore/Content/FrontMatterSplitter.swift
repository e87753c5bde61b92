/// Splits a Markdown file into its YAML front matter and its body.
///
/// The front matter sits between a first line `---` and the next line that is
/// `---` (or `...`); line numbers are kept so that errors in either part point
/// into the original file.
struct FrontMatterSplitter {
    struct Parts: Sendable {
        var yaml: String
        /// Line of the file holding the first YAML line.
        var yamlFirstLine: Int
        var body: String
        /// Line of the file holding the first body line.
        var bodyFirstLine: Int
    }

    static func split(_ text: String, path: String) -> Result<Parts, Diagnostic> {
        let start = SourceLocation(path: path, line: 1, column: 1)
        guard text.hasPrefix("---\n") || text == "---" else {
            return .failure(.error(start, "this page has no front matter",
                                   hint: "start the file with a line `---`, then `title: ...` and the other keys, then a line `---`"))
        }
        var lineNumber = 1
        // A file that is only `---` has no line after it: its front matter is never closed.
        var index = text.index(text.startIndex, offsetBy: 4, limitedBy: text.endIndex) ?? text.endIndex
        let yamlStart = index
        while index < text.endIndex {
            let lineEnd = text[index...].firstIndex(of: "\n") ?? text.endIndex
            lineNumber += 1
            let line = text[index..<lineEnd]
            if line == "---" || line == "..." || line == "--- " {
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                return .success(Parts(yaml: String(text[yamlStart..<index]), yamlFirstLine: 2,
                                      body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1))
            }
            index = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
        }
        return .failure(.error(start, "the front matter that starts here is never closed",
                               hint: "add a line `---` after the last front-matter key, before the text of the page"))
    }
}
