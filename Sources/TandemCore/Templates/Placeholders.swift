/// Texts of the strings with `{name}` placeholders ("{title}, page {number}
/// of {total}", "In {city}:", "{day} {month} {year}"): the one place they are
/// filled. One pass over the format: a value put in is never read again for
/// placeholders (a title holding "{number}" stays as written), and a name
/// the caller does not know stays as written, braces included.
enum Placeholders {
    static func fill(_ format: String, _ value: (Substring) -> String?) -> String {
        // The braces are ASCII: found among the UTF-8 bytes, where the index of
        // each is also a Character's (a walk by Characters cost several thousand
        // instructions for "In {city}:").
        let bytes = format.utf8
        guard var open = bytes.firstIndex(of: UInt8(ascii: "{")) else { return format }
        var result = ""
        result.reserveCapacity(bytes.count)
        var written = bytes.startIndex
        while let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) {
            result += format[written..<open]
            let name = format[bytes.index(after: open)..<close]
            if let filled = value(name) {
                result += filled
            } else {
                result += format[open...close]
            }
            written = bytes.index(after: close)
            guard let next = bytes[written...].firstIndex(of: UInt8(ascii: "{")) else { break }
            open = next
        }
        return result + format[written...]
    }

    /// `format` with each `{name}` of `values` filled.
    static func fill(_ format: String, _ values: [String: String]) -> String {
        fill(format) { values[String($0)] }
    }
}
