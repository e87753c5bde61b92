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
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let hit = memchr(base + offset, 0x0A, bytes.count - offset) {
                let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                ends.append(end)
                offset = end + 1
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
}
