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

    /// Where a node starts in the body as libcmark gives it: its line (1-based) and byte column.
    struct NodeStart {
        var line: Int32
        var byteColumn: Int32
    }

    struct Image {
        var alt: String
        var title: String
        var start: NodeStart
    }

    struct Link {
        var text: String
        var start: NodeStart
        var length: Int
    }

    /// The text in UTF-8, its runs separated by line ends. Kept in UTF-8, as
    /// libcmark gives it: the anchor scan reads its bytes, and only the few
    /// lines a pattern may match become Strings for ICU.
    var text: [UInt8] = []
    /// The offsets of the line ends (`\n`) in `text`, ascending.
    var lineEnds: [Int] = []
    /// A line of the text (from `PatternAnchors.lines`) as a String, made
    /// once: rules run over the few lines that may match, not over the page,
    /// and most pages need no String at all.
    func lineText(_ range: Range<Int>) -> String { lineCache.text(of: text, range) }
    private let lineCache = LineCache()
    /// Where each stretch of `text` comes from, in order (`ProseOrigins`).
    var origins = ProseOrigins()
    /// The runs of `text`, in order, and whether each is quoted speech whole (a blockquote).
    private var runs: [(range: Range<Int>, isQuoted: Bool)] = []
    /// The stretches of `text` inside a blockquote or quotation marks, in
    /// order, found when a match first asks (most pages have none).
    var quotedSpans: [Range<Int>] { quotes.spans(of: text, runs: runs) }
    private let quotes = QuotedSpans()
    var headings: [(level: Int, start: NodeStart)] = []
    var images: [Image] = []
    var links: [Link] = []
    /// The ids a link's `#fragment` can name on the page: its headings' (as
    /// the Markdown stage gives them) and those written in its HTML.
    var anchors: [String] = []
    /// HTML tables written without a header cell.
    var tablesWithoutHeader: [NodeStart] = []
    /// The lines of the body, to show under a diagnostic.
    var bodyLines: [Substring] = []
    var bodyFirstLine = 1

    /// The text of a range of `text`.
    func string(in range: Range<Int>) -> String {
        String(decoding: text[range], as: UTF8.self)
    }

    /// Where the character holding byte `offset` of `text` is in the file.
    func place(of offset: Int) -> Place {
        var start = min(offset, text.count)
        while start > 0, start < text.count, text[start] & 0xC0 == 0x80 { start -= 1 }
        return origins.place(of: start, in: text, bodyLines: bodyLines, bodyFirstLine: bodyFirstLine)
    }

    /// Where a node of the body starts in the file `path`.
    func location(_ start: NodeStart, path: String) -> SourceLocation {
        let place = ProseOrigins.place(of: start, bodyLines: bodyLines, bodyFirstLine: bodyFirstLine)
        return SourceLocation(path: path, line: Int(place.line), column: Int(place.column))
    }

    /// Whether the byte at `offset` is quoted speech.
    func isQuoted(_ offset: Int) -> Bool {
        let quotedSpans = self.quotedSpans
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
    mutating func append(_ string: String, from source: ProseOrigins.Source) {
        var string = string
        string.withUTF8 { append(UnsafeRawBufferPointer($0), from: source) }
    }

    /// Room for the prose of a body of `count` bytes of Markdown (its prose
    /// is shorter), a stretch of origins per 32 bytes of it and a run per 128
    /// (a generous guess; more still fit, by growing): the tables then do not
    /// grow step by step as the body is read.
    mutating func reserveRoom(forBodyBytes count: Int) {
        text.reserveCapacity(text.count + count)
        origins.reserveRoom(for: count / 32 + 16)
        runs.reserveCapacity(count / 128 + 8)
    }

    /// Appends UTF-8 that comes from `source`.
    mutating func append(_ bytes: UnsafeRawBufferPointer, from source: ProseOrigins.Source) {
        guard !bytes.isEmpty else { return }
        let start = text.count
        origins.add(source, at: start)
        text.append(contentsOf: bytes)
        // Most texts hold no line end: `memchr` passes over them without a loop per byte.
        let base = bytes.baseAddress!
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
            let index = base.distance(to: UnsafeRawPointer(found))
            lineEnds.append(start + index)
            offset = index + 1
        }
    }

    /// Starts a run of text (a paragraph, a heading, an alt text), on a line of
    /// its own when there is text before it; gives where it starts.
    mutating func startRun() -> Int {
        if !text.isEmpty { append("\n", from: .at(.none)) }
        return text.count
    }

    /// Ends the run that started at `start`: quoted speech whole, or between its quotation marks.
    mutating func endRun(from start: Int, isQuoted: Bool) {
        runs.append((start..<text.count, isQuoted))
    }

    /// A run gathered apart and added whole when it ends (an image's alt text,
    /// which stands inside a paragraph; a title).
    struct Run {
        private(set) var pieces: [(text: String, source: ProseOrigins.Source)] = []
        private(set) var utf8Count = 0
        var isQuoted: Bool

        var text: String { pieces.map(\.text).joined() }

        mutating func append(_ text: String, from source: ProseOrigins.Source) {
            guard !text.isEmpty else { return }
            pieces.append((text, source))
            utf8Count += text.utf8.count
        }
    }

    /// Adds a finished run; an empty one adds nothing.
    mutating func add(_ run: Run) {
        guard run.utf8Count > 0 else { return }
        let start = startRun()
        for piece in run.pieces { append(piece.text, from: piece.source) }
        endRun(from: start, isQuoted: run.isQuoted)
    }
}

/// The quoted speech of a page's prose, found once when first asked (a page is linted on one thread).
private final class QuotedSpans: @unchecked Sendable {
    private var found: [Range<Int>]?

    func spans(of text: [UInt8], runs: [(range: Range<Int>, isQuoted: Bool)]) -> [Range<Int>] {
        if let found { return found }
        var spans: [Range<Int>] = []
        for run in runs {
            if run.isQuoted {
                spans.append(run.range)
            } else {
                Self.markQuotations(in: text, run.range, into: &spans)
            }
        }
        found = spans
        return spans
    }

    /// Marks text between matching quotation marks (`"…"`, `“…”`, `„…“`, `«…»`)
    /// in a run; a mark left open to the end of the run marks nothing.
    private static func markQuotations(in text: [UInt8], _ run: Range<Int>, into spans: inout [Range<Int>]) {
        text.withUnsafeBufferPointer { bytes in
            var open: (offset: Int, closer: UInt32)?
            var offset = run.lowerBound
            while offset < run.upperBound {
                // A mark's scalar and its length in UTF-8; continuation bytes never look like a mark's first byte.
                var mark: UInt32 = 0, length = 1
                switch bytes[offset] {
                case 0x22:
                    mark = 0x22
                case 0xE2 where offset + 2 < run.upperBound && bytes[offset + 1] == 0x80 && (0x9C...0x9E).contains(bytes[offset + 2]):
                    (mark, length) = (0x2000 | UInt32(bytes[offset + 2] & 0x3F), 3)  // U+201C…U+201E
                case 0xC2 where offset + 1 < run.upperBound && (bytes[offset + 1] == 0xAB || bytes[offset + 1] == 0xBB):
                    (mark, length) = (UInt32(bytes[offset + 1]), 2)
                default:
                    break
                }
                if mark != 0 {
                    if let current = open, mark == current.closer {
                        spans.append(current.offset..<(offset + length))
                        open = nil
                    } else if open == nil {
                        switch mark {
                        case 0x22: open = (offset, 0x22)  // "…"
                        case 0x201C: open = (offset, 0x201D)  // “…”
                        case 0x201E: open = (offset, 0x201C)  // „…“
                        case 0xAB: open = (offset, 0xBB)  // «…»
                        default: break
                        }
                    }
                }
                offset += length
            }
        }
    }
}

/// The lines of a page's prose made into Strings (a page is linted on one thread).
private final class LineCache: @unchecked Sendable {
    /// By the range's start and end: a line and the whole text may start alike.
    private var made: [Int: (end: Int, text: String)] = [:]

    func text(of bytes: [UInt8], _ range: Range<Int>) -> String {
        if let line = made[range.lowerBound], line.end == range.upperBound { return line.text }
        let text = String(decoding: bytes[range], as: UTF8.self)
        made[range.lowerBound] = (range.upperBound, text)
        return text
    }
}
