import Foundation

/// Words a regular expression cannot match without: for each of its
/// top-level alternatives, the longest run of plain ASCII characters it
/// always contains (`illegal (?:im)?migrants?` → `illegal `). A page whose
/// text (ASCII letters in any case) holds none of a pattern's anchors cannot match it,
/// so ICU is asked only about the few pages that might: running every
/// pattern over every page would double the time of a build.
struct PatternAnchors: Sendable {
    /// Lower-cased UTF-8; nil when some alternative has none (the pattern always runs).
    let anchors: [[UInt8]]?
    /// The number of each anchor (`AnchorNumbers`), by which a page's scan gives where it occurs.
    let numbers: [Int]

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
            (self.anchors, self.numbers) = (nil, [])
            return
        }
        self.anchors = anchors
        self.numbers = anchors.map(AnchorNumbers.number)
    }

    /// The lines of a text (byte ranges, without their line ends) that hold
    /// one of the anchors (`found` by the page's `AnchorScan`): the only
    /// places a match can be, since no pattern spans two runs of prose. The
    /// whole text when the pattern has no anchors.
    func lines(lineEnds: [Int], count: Int, found: AnchorScan.Found) -> [Range<Int>] {
        guard anchors != nil else { return [0..<count] }
        guard !found.isEmpty else { return [] }
        var lines: [Int] = []
        for number in numbers {
            for offset in found.offsets(ofNumber: number) {
                let line = Self.line(containing: offset, lineEnds: lineEnds)
                if lines.last != line { lines.append(line) }
            }
        }
        guard !lines.isEmpty else { return [] }
        lines.sort()
        return lines.indices.filter { $0 == 0 || lines[$0] != lines[$0 - 1] }.map { lines[$0] }.map { line in
            let start = line == 0 ? 0 : lineEnds[line - 1] + 1
            let end = line < lineEnds.count ? lineEnds[line] : count
            return start..<end
        }
    }

    /// The index of the line holding byte `offset` (binary search over the line ends).
    private static func line(containing offset: Int, lineEnds: [Int]) -> Int {
        var low = 0, high = lineEnds.count
        while low < high {
            let middle = (low + high) / 2
            if lineEnds[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low
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
