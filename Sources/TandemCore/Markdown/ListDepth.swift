import Foundation

/// The one bound Tandem puts on Markdown before libcmark reads it: list markers
/// nested on one line (`- - - - text`, `1. 1. 1. text`).
///
/// libcmark matches every blank line against each open list item, so a line
/// nesting lists thousands deep followed by thousands of blank lines takes it
/// minutes (40,000 of each: 22 s). No page needs more than a few levels, so a
/// line that nests more than `maximum` is an error, and the parser is given
/// the text with the marker past the bound escaped (`\-`), shown as text.
enum ListDepth {
    /// The most list markers one line may open.
    static let maximum = 32

    /// A line whose list markers go past `maximum`.
    struct TooDeep: Equatable {
        /// The line, counted from 1 within the text.
        var line: Int
        /// The column (from 1) of the first marker past the bound.
        var column: Int
        /// How many markers the line opens in all.
        var depth: Int
        /// Where, in the text's UTF-8, a backslash stops the first marker past the bound.
        var escapeOffset: Int
    }

    /// The lines of `text` that nest lists past `maximum`, in order.
    static func tooDeepLines(in text: String) -> [TooDeep] {
        var text = text
        return text.withUTF8 { scan($0) }
    }

    /// `text` as libcmark should read it: unchanged, unless a line nests past
    /// `maximum`; then each such line's first marker past the bound is escaped.
    static func bounded(_ text: String) -> String {
        let found = tooDeepLines(in: text)
        guard !found.isEmpty else { return text }
        var bytes = Array(text.utf8)
        for place in found.reversed() { bytes.insert(UInt8(ascii: "\\"), at: place.escapeOffset) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Scans each line's start: spaces, tabs, `>` and list markers, counting
    /// the markers. Lines end at `\n`, `\r\n` or a lone `\r`, as libcmark's do.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [TooDeep] {
        guard let base = bytes.baseAddress else { return [] }
        let hasReturns = memchr(base, 0x0D, bytes.count) != nil
        var found: [TooDeep] = []
        var start = 0
        var line = 1
        while true {
            var end = bytes.count
            if hasReturns {
                end = start
                while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            } else if let newline = memchr(base + start, 0x0A, bytes.count - start) {
                end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(newline))
            }
            if let tooDeep = lineDepth(bytes, start: start, end: end, line: line) { found.append(tooDeep) }
            guard end < bytes.count else { return found }
            start = bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A ? end + 2 : end + 1
            line += 1
        }
    }

    /// The line's markers, if they go past `maximum`; a line that is a
    /// thematic break from some marker on (`- * * * *`) stops counting there.
    private static func lineDepth(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, line: Int) -> TooDeep? {
        var position = start
        var depth = 0
        var escapeOffset = 0
        let breakStart = thematicBreakStart(bytes, start: start, end: end)
        while true {
            while position < end, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == UInt8(ascii: ">") {
                position += 1
            }
            guard position < end, position < breakStart, let (markerEnd, escapeAt) = marker(bytes, at: position, end: end) else { break }
            depth += 1
            if depth == maximum + 1 { escapeOffset = escapeAt }
            position = markerEnd
        }
        guard depth > maximum else { return nil }
        return TooDeep(line: line, column: escapeOffset - start + 1, depth: depth, escapeOffset: escapeOffset)
    }

    /// A list marker at `position` (`-`, `+`, `*`, or up to nine digits and
    /// `.` or `)`, then a space, a tab or the line's end): where it ends, and
    /// where a backslash would make it text.
    private static func marker(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int, end: Int) -> (Int, Int)? {
        let byte = bytes[position]
        var after = position + 1
        var escapeAt = position
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") {
            // the bullet itself
        } else if (0x30...0x39).contains(byte) {
            while after < end, after - position < 9, (0x30...0x39).contains(bytes[after]) { after += 1 }
            guard after < end, bytes[after] == UInt8(ascii: ".") || bytes[after] == UInt8(ascii: ")") else { return nil }
            escapeAt = after
            after += 1
        } else {
            return nil
        }
        guard after == end || bytes[after] == 0x20 || bytes[after] == 0x09 else { return nil }
        return (after, escapeAt)
    }

    /// Where the line's trailing thematic break begins: the earliest position
    /// from which only one of `-`, `*`, `_` (three or more times), spaces and
    /// tabs are left; `end` when there is none.
    private static func thematicBreakStart(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        var position = end
        var character: UInt8 = 0
        var count = 0
        var earliest = end
        while position > start {
            let byte = bytes[position - 1]
            if byte == 0x20 || byte == 0x09 {
                position -= 1
                continue
            }
            guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_"),
                  character == 0 || byte == character else { break }
            character = byte
            count += 1
            position -= 1
            if count >= 3 { earliest = position }
        }
        return earliest
    }
}
