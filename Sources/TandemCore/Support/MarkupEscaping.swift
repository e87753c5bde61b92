/// Escaping for text and attribute values that Tandem itself writes into HTML
/// (heading ids, the preview's own pages) and XML (feeds, sitemap); templates
/// escape through Mustache.
public enum MarkupEscaping {
    /// `text` with `& < > " '` as entities and the characters XML 1.0 does not
    /// allow (controls but tab and line breaks, U+FFFE, U+FFFF) left out.
    /// Works on UTF-8 bytes (`ByteReplacing`); a text with nothing to change
    /// is returned as it is.
    public static func escape(_ text: String) -> String {
        ByteReplacing.replacing(in: text) { bytes, index in
            replacement(in: bytes, at: index).map { (String(describing: $0.text), $0.length) }
        } ?? text
    }

    /// `escape`, appended to UTF-8 being written (a feed).
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0, index = 0
            while index < bytes.count {
                guard let replacement = replacement(in: bytes, at: index) else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                replacement.text.withUTF8Buffer { output.append(contentsOf: $0) }
                index += replacement.length
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// What replaces the bytes at `index`, and how many it replaces; nil to keep the byte.
    @inline(__always)
    private static func replacement(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (text: StaticString, length: Int)? {
        switch bytes[index] {
        case UInt8(ascii: "&"): ("&amp;", 1)
        case UInt8(ascii: "<"): ("&lt;", 1)
        case UInt8(ascii: ">"): ("&gt;", 1)
        case UInt8(ascii: "\""): ("&quot;", 1)
        case UInt8(ascii: "'"): ("&apos;", 1)
        case 0x09, 0x0A, 0x0D: nil
        case 0x00..<0x20: ("", 1)
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF).
        case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE: ("", 3)
        default: nil
        }
    }
}
