/// Escaping for text and attribute values that Tandem itself writes into HTML
/// (heading ids, the preview's own pages) and XML (feeds, sitemap); templates
/// escape through Mustache.
public enum MarkupEscaping {
    /// `text` with `& < > " '` as entities and the characters XML 1.0 does not
    /// allow (controls but tab and line breaks, U+FFFE, U+FFFF) left out.
    /// Works on UTF-8 bytes and copies the runs between them whole; a text with
    /// nothing to change is returned as it is.
    public static func escape(_ text: String) -> String {
        var source = text
        let escaped = source.withUTF8 { bytes -> String? in
            var escaped: [UInt8] = []
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var skipped = 1
                let replacement: StaticString?
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&apos;"
                case 0x09, 0x0A, 0x0D: replacement = nil
                case 0x00..<0x20: replacement = ""
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                    // U+FFFE and U+FFFF.
                    replacement = ""
                    skipped = 3
                default: replacement = nil
                }
                guard let replacement else {
                    index += 1
                    continue
                }
                if escaped.isEmpty { escaped.reserveCapacity(bytes.count + 16) }
                escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                replacement.withUTF8Buffer { escaped.append(contentsOf: $0) }
                index += skipped
                runStart = index
            }
            if runStart == 0 { return nil }
            escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            return String(decoding: escaped, as: UTF8.self)
        }
        return escaped ?? text
    }
}
