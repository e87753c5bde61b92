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
    /// Lower-cased UTF-8; nil when some alternative has no anchor (the pattern always runs).
    let anchors: [[UInt8]]?

    /// `pattern` as written in the rule, before Tandem wraps it for word boundaries.
    init(_ pattern: String) {
        var result: [[UInt8]] = []
        for branch in Self.alternatives(Array(pattern.unicodeScalars)) {
            guard let anchor = Self.longestLiteral(branch) else {
                anchors = nil
                return
            }
            result.append(Array(String(String.UnicodeScalarView(anchor)).lowercased().utf8))
        }
        anchors = result.isEmpty ? nil : result
    }

    /// Whether `folded` (see `fold`) may hold a match.
    func mayMatch(_ folded: [UInt8]) -> Bool {
        guard let anchors else { return true }
        return folded.withUnsafeBytes { text in
            anchors.contains { anchor in anchor.withUnsafeBytes { Self.find($0, in: text) } }
        }
    }

    /// Whether `needle` occurs in `text`: `memchr` to each candidate first byte, then `memcmp`.
    private static func find(_ needle: UnsafeRawBufferPointer, in text: UnsafeRawBufferPointer) -> Bool {
        guard let base = text.baseAddress, let first = needle.first, needle.count <= text.count else { return false }
        var offset = 0
        let last = text.count - needle.count
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
            let position = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + position, needle.baseAddress!, needle.count) == 0 { return true }
            offset = position + 1
        }
        return false
    }

    /// The text's UTF-8 with ASCII letters in lower case.
    static func fold(_ text: String) -> [UInt8] {
        text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
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
