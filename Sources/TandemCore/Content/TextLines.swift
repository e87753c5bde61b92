/// A text split at its line ends (`\n`), empty lines kept: the same lines as
/// `split(separator: "\n", omittingEmptySubsequences: false)`, found by
/// bytes instead of by Characters (which would run grapheme breaking over
/// every page).
enum TextLines {
    static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        while let newline = utf8[start...].firstIndex(of: 0x0A) {
            lines.append(text[start..<newline])
            start = utf8.index(after: newline)
        }
        lines.append(text[start...])
        return lines
    }
}
