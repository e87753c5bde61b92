/// Texts of the strings with `{name}` placeholders ("{title}, page {number}
/// of {total}", "In {city}:", "{day} {month} {year}"): the one place they are
/// filled. One pass over the format: a value put in is never read again for
/// placeholders (a title holding "{number}" stays as written), and a name
/// the caller does not know stays as written, braces included.
enum Placeholders {
    static func fill(_ format: String, _ value: (Substring) -> String?) -> String {
        guard format.utf8.contains(UInt8(ascii: "{")) else { return format }
        var result = ""
        var rest = Substring(format)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            if let filled = value(rest[rest.index(after: open)..<close]) {
                result += filled
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// `format` with each `{name}` of `values` filled.
    static func fill(_ format: String, _ values: [String: String]) -> String {
        fill(format) { values[String($0)] }
    }
}
