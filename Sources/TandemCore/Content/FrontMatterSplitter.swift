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
        // Lines are found by their bytes (`\n` and the fences are ASCII, `memchr` finds the
        // ends), not by Characters; the parts are cut from `text` at those offsets.
        let fence = text.utf8.withContiguousStorageIfAvailable { Self.closingFence(in: $0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { Self.closingFence(in: $0) }
        if let fence {
            let utf8 = text.utf8
            let yamlStart = utf8.index(utf8.startIndex, offsetBy: 4)
            let yamlEnd = utf8.index(utf8.startIndex, offsetBy: fence.start)
            let bodyStart = utf8.index(utf8.startIndex, offsetBy: fence.bodyStart)
            return .success(Parts(yaml: String(text[yamlStart..<yamlEnd]), yamlFirstLine: 2,
                                  body: String(text[bodyStart...]), bodyFirstLine: fence.line + 1))
        }
        return .failure(.error(start, "the front matter that starts here is never closed",
                               hint: "add a line `---` after the last front-matter key, before the text of the page"))
    }

    /// The line after the opening `---` that is `---`, `...` or `--- `: its line
    /// number, the offset of its first byte and of the body after it.
    private static func closingFence(in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, start: Int, bodyStart: Int)? {
        var lineNumber = 1
        var fence: (line: Int, start: Int, bodyStart: Int)?
        // From after the opening `---\n` (a file of only `---` has no line after it: never closed).
        TextLines.forEachLine(in: bytes, from: 4) { range in
            lineNumber += 1
            let line = UnsafeBufferPointer(rebasing: bytes[range])
            guard line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) || line.elementsEqual("--- ".utf8) else { return true }
            fence = (lineNumber, range.lowerBound, min(range.upperBound + 1, bytes.count))
            return false
        }
        return fence
    }
}
