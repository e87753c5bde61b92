/// libcmark's escaping of a link's attributes, for the holes of a prepared
/// body (`PreparedMarkdown`) that Tandem writes itself: a filled link must be
/// byte for byte what libcmark would have written. `CmarkEscapingTests`
/// compares both with libcmark for every ASCII character.
enum CmarkEscaping {
    /// An `href` or `src` value: ASCII letters, digits and `!#$%()*+,-./:;=?@_~`
    /// as they are, `&` and `'` as references, every other byte as `%XX`.
    static func href(_ url: String) -> String {
        ByteReplacing.replacing(in: url) { bytes, index in
            let byte = bytes[index]
            if byte < 0x80 && safeInHref[Int(byte)] { return nil }
            switch byte {
            case UInt8(ascii: "&"): return ("&amp;", 1)
            case UInt8(ascii: "'"): return ("&#x27;", 1)
            default: return ("%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0x0F)]), 1)
            }
        } ?? url
    }

    /// A `title` value: `"`, `&`, `<` and `>` as references.
    static func attribute(_ text: String) -> String {
        ByteReplacing.replacing(in: text) { bytes, index in
            switch bytes[index] {
            case UInt8(ascii: "\""): ("&quot;", 1)
            case UInt8(ascii: "&"): ("&amp;", 1)
            case UInt8(ascii: "<"): ("&lt;", 1)
            case UInt8(ascii: ">"): ("&gt;", 1)
            default: nil
            }
        } ?? text
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    private static let safeInHref: [Bool] = (0..<128).map { code in
        let byte = UInt8(code)
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%()*+,-./:;=?@_~".utf8.contains(byte)
        }
    }
}
