/// URL schemes that run code or reach the reader's disk, dropped from links
/// the way cmark does in its safe mode (images may still use `data:` pictures).
enum URLSafety {
    private static let dangerous = ["javascript:", "vbscript:", "file:"]
    private static let data = "data:"
    private static let pictures = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
    /// Whether a byte in lower case is the first of one of the schemes above,
    /// by byte: most links start with none of them (`/`, `h`, a page's name).
    private static let startsAScheme: [Bool] = (dangerous + [data]).reduce(into: [Bool](repeating: false, count: 256)) {
        $0[Int($1.utf8.first!)] = true
    }

    /// Whether `url`, after any leading spaces and tabs, starts with a
    /// dangerous scheme, ASCII letters in any case. Compared byte by byte:
    /// every link of a page passes here, and a combining mark after the colon
    /// (one Character with it) no longer hides the scheme.
    static func isDangerous(_ url: String, isImage: Bool) -> Bool {
        let utf8 = url.utf8
        let rest = utf8[(utf8.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? utf8.endIndex)...]
        /// Whether `rest` starts with `prefix` (ASCII, lower case).
        func starts(with prefix: String) -> Bool {
            var bytes = rest.makeIterator()
            for expected in prefix.utf8 {
                guard let byte = bytes.next(), (0x41...0x5A).contains(byte) ? byte | 0x20 == expected : byte == expected else { return false }
            }
            return true
        }
        // Told by one byte before any scheme is compared (an ASCII letter's bit 0x20 makes it lower case).
        guard let first = rest.first, startsAScheme[Int(first | 0x20)] else { return false }
        if dangerous.contains(where: starts(with:)) { return true }
        if starts(with: data) { return !(isImage && pictures.contains(where: starts(with:))) }
        return false
    }
}
