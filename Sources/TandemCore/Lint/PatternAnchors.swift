#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Words a regular expression cannot match without: for each of its
/// top-level alternatives, the longest run of plain ASCII characters it
/// always contains (`illegal (?:im)?migrants?` → `illegal `). A page whose
/// text (ASCII lower-cased) holds none of a pattern's anchors cannot match it,
/// so ICU is asked only about the few pages that might: running every
/// pattern over every page would double the time of a build.
struct PatternAnchors: Sendable {
    /// Lower-cased UTF-8; nil when some alternative has none (the pattern always runs).
    let anchors: [[UInt8]]?

    /// `pattern` as written in the rule, before Tandem wraps it for word boundaries.
    init(_ pattern: String) {
        var result: [[UInt8]] = []
        for branch in Self.alternatives(Array(pattern.unicodeScalars)) {
            guard let anchor = Self.longestLiteral(branch) else {
                self.init(anchors: nil)
                return
            }
            result.append(Array(String(String.UnicodeScalarView(anchor)).lowercased().utf8))
        }
        self.init(anchors: result)
    }

    /// Anchors given as they are: each a text every match contains (in any case).
    init(literals: [String]) {
        self.init(anchors: literals.map { Array($0.lowercased().utf8) })
    }

    private init(anchors: [[UInt8]]?) {
        guard let anchors, !anchors.isEmpty, anchors.allSatisfy({ !$0.isEmpty }) else {
            self.anchors = nil
            return
        }
        self.anchors = anchors
    }

    /// The lines of the text (UTF-16 ranges, without their line ends) that
    /// hold one of the anchors (`found` by the page's `AnchorScan`): the only
    /// places a match can be, since no pattern spans two runs of prose. The
    /// whole text when the pattern has no anchors.
    func lines(of folded: Folded, found: AnchorScan.Found, unitCount: Int) -> [NSRange] {
        guard let anchors else { return [NSRange(location: 0, length: unitCount)] }
        guard !found.isEmpty else { return [] }
        let offsets = anchors.flatMap { found[$0] ?? [] }
        let lineNumbers = Set(offsets.map { Self.line(containing: $0, lineEnds: folded.lineEnds) })
        return lineNumbers.sorted().map { line in
            let start = line == 0 ? 0 : Int(folded.lineEnds[line - 1].utf16) + 1
            let end = line < folded.lineEnds.count ? Int(folded.lineEnds[line].utf16) : unitCount
            return NSRange(location: start, length: end - start)
        }
    }

    /// The index of the line holding UTF-8 offset `offset` (binary search over the line ends).
    private static func line(containing offset: Int, lineEnds: [Folded.LineEnd]) -> Int {
        var low = 0, high = lineEnds.count
        while low < high {
            let middle = (low + high) / 2
            if Int(lineEnds[middle].utf8) < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// A text's UTF-8 with ASCII letters in lower case, and where its lines end.
    struct Folded {
        /// A line end (`\n`): its offset in the UTF-8 and in the UTF-16 text.
        struct LineEnd {
            var utf8: Int32
            var utf16: Int32
        }
        var bytes: [UInt8] = []
        var lineEnds: [LineEnd] = []

        init() {}

        init(_ text: String) {
            append(text, utf16Offset: 0)
        }

        /// Appends `text`, which starts at `utf16Offset` of the UTF-16 text.
        mutating func append(_ text: String, utf16Offset: Int) {
            let start = bytes.count
            bytes.append(contentsOf: text.utf8)
            var newlines: [Int] = []
            bytes.withUnsafeMutableBufferPointer { bytes in
                for index in start..<bytes.count {
                    let byte = bytes[index]
                    if byte &- 0x41 < 26 {
                        bytes[index] = byte | 0x20
                    } else if byte == 0x0A {
                        newlines.append(index)
                    }
                }
            }
            for index in newlines {
                let before = String(decoding: bytes[start..<index], as: UTF8.self).utf16.count
                lineEnds.append(LineEnd(utf8: Int32(index), utf16: Int32(utf16Offset + before)))
            }
        }
    }

    /// The top-level alternatives of a pattern (split at `|` outside groups and classes).
    private static func alternatives(_ pattern: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        var result: [ArraySlice<Unicode.Scalar>] = []
        var depth = 0, inClass = false, start = 0, index = 0
        while index < pattern.count {
            switch pattern[index] {
            case "\\": index += 1
            case "[": inClass = true
            case "]": inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass: depth -= 1
            case "|" where !inClass && depth == 0:
                result.append(pattern[start..<index])
                start = index + 1
            default: break
            }
            index += 1
        }
        result.append(pattern[start..<pattern.count])
        return result
    }

    /// The longest run of plain ASCII characters (not regular-expression syntax)
    /// outside groups and classes that no quantifier makes optional or repeats.
    private static func longestLiteral(_ branch: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar]? {
        let items = Array(branch)
        var best: [Unicode.Scalar] = [], run: [Unicode.Scalar] = []
        func end() {
            if run.count > best.count { best = run }
            run = []
        }
        var index = 0
        while index < items.count {
            let scalar = items[index]
            let next = index + 1 < items.count ? items[index + 1] : nil
            let quantified = next == "?" || next == "*" || next == "{" || next == "+"
            if scalar.isASCII, scalar.value >= 0x20, !".^$*+?()[]{}|\\".unicodeScalars.contains(scalar) {
                if quantified {
                    if next == "+" { run.append(scalar) }
                    end()
                } else {
                    run.append(scalar)
                }
                index += 1
                continue
            }
            end()
            switch scalar {
            case "\\": index += 2
            case "(", "[":
                let close = closing(of: items, from: index)
                let isOptional = close + 1 < items.count && "?*{".unicodeScalars.contains(items[close + 1])
                if scalar == "(", !isOptional, let inner = groupAnchor(items, from: index, to: close), inner.count > best.count {
                    best = inner
                }
                index = close + 1
                if index < items.count, "?*+{".unicodeScalars.contains(items[index]) { index += 1 }
            default: index += 1
            }
        }
        end()
        return best.isEmpty ? nil : best
    }

    /// The anchor of a group that is always there (`(?:illegal migrants?)`),
    /// when it has one alternative and is not a look-around.
    private static func groupAnchor(_ items: [Unicode.Scalar], from open: Int, to close: Int) -> [Unicode.Scalar]? {
        guard close < items.count else { return nil }
        var start = open + 1
        if start < close, items[start] == "?" {
            guard start + 1 < close, items[start + 1] == ":" else { return nil }
            start += 2
        }
        let inner = items[start..<close]
        let branches = alternatives(Array(inner))
        guard branches.count == 1 else { return nil }
        return longestLiteral(branches[0])
    }

    /// The index of the `)` or `]` closing the group or class at `start`.
    private static func closing(of items: [Unicode.Scalar], from start: Int) -> Int {
        var depth = 0, inClass = false, index = start
        while index < items.count {
            switch items[index] {
            case "\\": index += 1
            case "[" where !inClass: inClass = true
            case "]" where inClass:
                inClass = false
                if depth == 0 { return index }
            case "(" where !inClass: depth += 1
            case ")" where !inClass:
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        return items.count
    }
}
