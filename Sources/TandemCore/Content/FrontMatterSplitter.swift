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
        // Lines are found by their bytes (`\n` and the fences are ASCII), not by Characters.
        let utf8 = text.utf8
        // A file that is only `---` has no line after it: its front matter is never closed.
        var index = utf8.index(utf8.startIndex, offsetBy: 4, limitedBy: utf8.endIndex) ?? utf8.endIndex
        let yamlStart = index
        while index < utf8.endIndex {
            let lineEnd = utf8[index...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            lineNumber += 1
            let line = utf8[index..<lineEnd]
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) || line.elementsEqual("--- ".utf8) {
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return .success(Parts(yaml: String(text[yamlStart..<index]), yamlFirstLine: 2,
                                      body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1))
            }
            index = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        return .failure(.error(start, "the front matter that starts here is never closed",
                               hint: "add a line `---` after the last front-matter key, before the text of the page"))
    }
}
