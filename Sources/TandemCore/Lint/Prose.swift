import Foundation

/// The text people read on one page — title, summary, then the body's
/// paragraphs, headings, list items, link texts and image alt texts — as one
/// string (runs separated by line ends), with the place in the file of each
/// UTF-16 unit, so a match found by a regular expression points into the
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
    /// Per UTF-16 unit of `text`.
    var places: [Place] = []
    /// Per UTF-16 unit of `text`: inside a blockquote or quotation marks.
    var quoted: [Bool] = []
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

    /// The source line a place is on, when it is in the body.
    func excerpt(line: Int) -> String? {
        let index = line - bodyFirstLine
        return bodyLines.indices.contains(index) ? String(bodyLines[index]) : nil
    }

    /// One run of text being gathered (a paragraph, a heading, an alt text).
    struct Run {
        var units: [UInt16] = []
        var places: [Place] = []
        var isQuoted: Bool

        var utf16Count: Int { units.count }
        var text: String { String(decoding: units, as: UTF16.self) }

        mutating func append(_ scalar: Unicode.Scalar, at place: Place) {
            for unit in scalar.utf16 {
                units.append(unit)
                places.append(place)
            }
        }
    }

    /// Adds a finished run, marking the spans between quotation marks as quoted.
    mutating func add(_ run: Run) {
        guard !run.places.isEmpty else { return }
        if !units.isEmpty {
            units.append(0x0A)
            places.append(.none)
            quoted.append(false)
        }
        var marks = [Bool](repeating: run.isQuoted, count: run.places.count)
        if !run.isQuoted { Self.markQuotations(run.units, into: &marks) }
        units += run.units
        places += run.places
        quoted += marks
    }

    /// Marks text between matching quotation marks (`"…"`, `“…”`, `„…“`, `«…»`);
    /// a mark left open to the end of the run marks nothing.
    private static func markQuotations(_ units: [UInt16], into marks: inout [Bool]) {
        var open: (offset: Int, closer: UInt16)?
        for (offset, unit) in units.enumerated() {
            if let current = open, unit == current.closer {
                for index in current.offset...offset { marks[index] = true }
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

/// The lines of a page's prose made into Strings (a page is linted on one thread).
private final class LineCache: @unchecked Sendable {
    private var made: [Int: String] = [:]

    func text(of units: [UInt16], _ range: NSRange) -> String {
        if let text = made[range.location] { return text }
        let text = String(decoding: units[range.location..<(range.location + range.length)], as: UTF16.self)
        made[range.location] = text
        return text
    }
}
