/// A page as a layout rendered it: UTF-8 bytes, written to its file as they
/// are (`OutputSink.write(utf8:to:)`), without a String made of them first,
/// which would check every byte again.
enum RenderedHTML {
    /// `html` with a line break and `text` right after the opening tag of the
    /// first `tag` element (`main`: after `<main …>`); nil if there is none.
    static func inserting(_ text: String, afterOpening tag: String, in html: [UInt8]) -> [UInt8]? {
        let opening = Array("<\(tag)".utf8)
        guard let start = firstIndex(of: opening, in: html),
              let close = html[(start + opening.count)...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        var result = html
        result.insert(contentsOf: [UInt8(ascii: "\n")] + Array(text.utf8), at: close + 1)
        return result
    }

    private static func firstIndex(of needle: [UInt8], in html: [UInt8]) -> Int? {
        guard needle.count <= html.count else { return nil }
        return (0...(html.count - needle.count)).first { start in
            html[start] == needle[0] && html[start ..< start + needle.count].elementsEqual(needle)
        }
    }
}
