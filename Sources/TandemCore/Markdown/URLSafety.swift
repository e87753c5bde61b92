/// URL schemes that run code or reach the reader's disk, dropped from links
/// the way cmark does in its safe mode (images may still use `data:` pictures).
enum URLSafety {
    private static let dangerous = ["javascript:", "vbscript:", "file:"]
    private static let pictures = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

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
        // Most links start with none of the schemes' first letters (`/`, `h`, a page's name):
        // told by one byte, before any scheme is compared.
        switch rest.first.map({ $0 | 0x20 }) {
        case UInt8(ascii: "j"), UInt8(ascii: "v"), UInt8(ascii: "f"), UInt8(ascii: "d"): break
        default: return false
        }
        if dangerous.contains(where: starts(with:)) { return true }
        if starts(with: "data:") { return !(isImage && pictures.contains(where: starts(with:))) }
        return false
    }
}
