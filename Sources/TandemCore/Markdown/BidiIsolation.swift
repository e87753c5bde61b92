/// Latin-script runs inside right-to-left text — e-mail addresses, phone
/// numbers, acronyms such as UNHCR and IOM, URLs — wrapped in `<bdi>`, so the
/// bidirectional algorithm lays each out as one left-to-right unit and
/// neighbouring punctuation stays where the writer put it. Applied to the
/// HTML of a page in a right-to-left language; text inside tags, `<code>`,
/// `<pre>` and existing `<bdi>` is left as it is.
enum BidiIsolation {
    static func isolate(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(where: isLatinStart) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var index = 0
        /// Depth inside elements whose text is left alone.
        var skipping = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? (bytes.count - 1)
                let tag = String(decoding: bytes[index...end], as: UTF8.self).lowercased()
                for name in ["code", "pre", "bdi", "script", "style"] {
                    if tag.hasPrefix("<\(name)>") || tag.hasPrefix("<\(name) ") { skipping += 1 }
                    if tag.hasPrefix("</\(name)>") { skipping = max(0, skipping - 1) }
                }
                out += bytes[index...end]
                index = end + 1
                continue
            }
            if byte == UInt8(ascii: "&"), let semicolon = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) {
                // A character reference (`&amp;`, `&#39;`) is one character: copied whole.
                out += bytes[index...semicolon]
                index = semicolon + 1
                continue
            }
            if skipping == 0, isLatinStart(byte), index == 0 || !isRunByte(bytes[index - 1]) {
                var end = index
                while end < bytes.count, isRunByte(bytes[end]) || (bytes[end] == UInt8(ascii: " ") && end + 1 < bytes.count && isLatinStart(bytes[end + 1])) {
                    end += 1
                }
                // Sentence punctuation after a run belongs to the sentence.
                while end > index + 1, ".,:;".utf8.contains(bytes[end - 1]) { end -= 1 }
                out += "<bdi>".utf8
                out += bytes[index..<end]
                out += "</bdi>".utf8
                index = end
                continue
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A byte that starts a run: a Latin letter, a digit or `+` (phone numbers).
    private static func isLatinStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "+"): true
        default: false
        }
    }

    /// A byte that continues a run: letters, digits and what addresses and numbers hold.
    private static func isRunByte(_ byte: UInt8) -> Bool {
        isLatinStart(byte) || "@._-/:%#?=~".utf8.contains(byte)
    }
}
