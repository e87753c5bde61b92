import Foundation

/// The text people read on one page — title, summary, then the body's
/// paragraphs, headings, list items, link texts and image alt texts — as one
/// string (runs separated by line ends), with where each stretch of it comes
/// from in the file, so a match found by a regular expression points into the
/// Markdown source through inline markup. Made by `ProseExtractor`.
struct Prose {
    /// A place in the file: line and column (in characters), both 1-based; line 0 when unknown.
    struct Place: Equatable {
        var line: Int32
        var column: Int32
        static let none = Place(line: 0, column: 0)
    }

    struct Image {
        var alt: String
        var title: String
        var location: SourceLocation
    }

    struct Link {
        var text: String
        var location: SourceLocation
        var length: Int
    }

    /// The text as UTF-16 units; `text` is the same as a String.
    var units: [UInt16] = []
    /// `text` in UTF-8 with ASCII letters in lower case and its line ends, for `PatternAnchors`.
    var folded = PatternAnchors.Folded()
    /// The line of the text at `range` (from `PatternAnchors.lines`) as a
    /// String, made once: rules run over the few lines that may match, not
    /// over the page, and most pages need no String at all.
    func lineText(_ range: NSRange) -> String { lineCache.text(of: units, range) }
    private let lineCache = LineCache()
    /// Where each stretch of `units` comes from, in order (`ProseOrigins`).
    var origins = ProseOrigins()
    /// The stretches of `units` inside a blockquote or quotation marks, in order.
    var quotedSpans: [Range<Int>] = []
    var headings: [(level: Int, location: SourceLocation)] = []
    var images: [Image] = []
    var links: [Link] = []
    /// The ids a link's `#fragment` can name on the page: its headings' (as
    /// the Markdown stage gives them) and those written in its HTML.
    var anchors: [String] = []
    /// HTML tables written without a header cell.
    var tablesWithoutHeader: [SourceLocation] = []
    /// The lines of the body, to show under a diagnostic.
    var bodyLines: [Substring] = []
    var bodyFirstLine = 1

    /// The text of a UTF-16 range of `text`.
    func string(in range: NSRange) -> String {
        String(decoding: units[range.location..<(range.location + range.length)], as: UTF16.self)
    }

    /// Where the unit at `offset` of `units` is in the file.
    func place(of offset: Int) -> Place {
        origins.place(of: offset, in: units, bodyLines: bodyLines, bodyFirstLine: bodyFirstLine)
    }

    /// Whether the unit at `offset` is quoted speech.
    func isQuoted(_ offset: Int) -> Bool {
        var low = 0, high = quotedSpans.count
        while low < high {
            let middle = (low + high) / 2
            if quotedSpans[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low < quotedSpans.count && quotedSpans[low].contains(offset)
    }

    /// The source line a place is on, when it is in the body.
    func excerpt(line: Int) -> String? {
        let index = line - bodyFirstLine
        return bodyLines.indices.contains(index) ? String(bodyLines[index]) : nil
    }

    /// Appends text that comes from `source` to the run started last (`startRun`).
    mutating func append(_ text: String, from source: ProseOrigins.Source) {
        guard !text.isEmpty else { return }
        origins.add(source, at: units.count)
        folded.append(text, utf16Offset: units.count)
        // ASCII text (most of it) is its bytes widened, without decoding.
        let widened: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            units.append(contentsOf: bytes.lazy.map(UInt16.init))
            return true
        }
        if widened != true { units.append(contentsOf: text.utf16) }
    }

    /// Starts a run of text (a paragraph, a heading, an alt text), on a line of
    /// its own when there is text before it; gives where it starts.
    mutating func startRun() -> Int {
        if !units.isEmpty { append("\n", from: .at(.none)) }
        return units.count
    }

    /// Ends the run that started at `start`: quoted speech whole, or between its quotation marks.
    mutating func endRun(from start: Int, isQuoted: Bool) {
        if isQuoted {
            quotedSpans.append(start..<units.count)
        } else {
            Self.markQuotations(units[start...], into: &quotedSpans)
        }
    }

    /// A run gathered apart and added whole when it ends (an image's alt text,
    /// which stands inside a paragraph; a title).
    struct Run {
        private(set) var pieces: [(text: String, source: ProseOrigins.Source)] = []
        private(set) var utf16Count = 0
        var isQuoted: Bool

        var text: String { pieces.map(\.text).joined() }

        mutating func append(_ text: String, from source: ProseOrigins.Source) {
            guard !text.isEmpty else { return }
            pieces.append((text, source))
            utf16Count += text.utf16.count
        }
    }

    /// Adds a finished run; an empty one adds nothing.
    mutating func add(_ run: Run) {
        guard run.utf16Count > 0 else { return }
        let start = startRun()
        for piece in run.pieces { append(piece.text, from: piece.source) }
        endRun(from: start, isQuoted: run.isQuoted)
    }

    /// Marks text between matching quotation marks (`"…"`, `“…”`, `„…“`, `«…»`);
    /// a mark left open to the end of the run marks nothing.
    private static func markQuotations(_ units: ArraySlice<UInt16>, into spans: inout [Range<Int>]) {
        let first = units.startIndex
        units.withUnsafeBufferPointer { units in
            var open: (offset: Int, closer: UInt16)?
            for (index, unit) in units.enumerated() {
                let offset = first + index
                if let current = open, unit == current.closer {
                    spans.append(current.offset..<(offset + 1))
                    open = nil
                } else if open == nil {
                    switch unit {
                    case 0x22: open = (offset, 0x22)  // "…"
                    case 0x201C: open = (offset, 0x201D)  // “…”
                    case 0x201E: open = (offset, 0x201C)  // „…“
                    case 0xAB: open = (offset, 0xBB)  // «…»
                    default: break
                    }
                }
            }
        }
    }
}

/// The lines of a page's prose made into Strings (a page is linted on one thread).
private final class LineCache: @unchecked Sendable {
    /// By the range's start and length: a line and the whole text may start alike.
    private var made: [Int: (length: Int, text: String)] = [:]

    func text(of units: [UInt16], _ range: NSRange) -> String {
        if let line = made[range.location], line.length == range.length { return line.text }
        let text = String(decoding: units[range.location..<(range.location + range.length)], as: UTF16.self)
        made[range.location] = (range.length, text)
        return text
    }
}
