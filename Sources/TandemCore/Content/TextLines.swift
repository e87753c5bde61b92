#if canImport(Glibc)
import Glibc
#endif

/// A text split at its line ends (`\n`), empty lines kept: the same lines as
/// `split(separator: "\n", omittingEmptySubsequences: false)`, found by
/// bytes (`memchr`) instead of by Characters (which would run grapheme
/// breaking over every page).
enum TextLines {
    static func split(_ text: String) -> [Substring] {
        var ends: [Int] = []
        let found: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            forEachLine(in: bytes) { line in
                if line.upperBound < bytes.count { ends.append(line.upperBound) }
                return true
            }
        }
        if found == nil {
            ends = text.utf8.indices.filter { text.utf8[$0] == 0x0A }.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(ends.count + 1)
        var start = utf8.startIndex
        for end in ends {
            let newline = utf8.index(utf8.startIndex, offsetBy: end)
            lines.append(text[start..<newline])
            start = utf8.index(after: newline)
        }
        lines.append(text[start...])
        return lines
    }

    /// Gives `visit` the byte range of each line of `bytes` from `start` on,
    /// without its `\n` (the last one, maybe empty, runs to the end), until
    /// `visit` returns false. Line ends are found with `memchr`.
    static func forEachLine(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, _ visit: (Range<Int>) -> Bool) {
        guard let base = bytes.baseAddress else { return }
        var start = min(start, bytes.count)
        while let hit = memchr(base + start, 0x0A, bytes.count - start) {
            let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            guard visit(start..<end) else { return }
            start = end + 1
        }
        _ = visit(start..<bytes.count)
    }
}
