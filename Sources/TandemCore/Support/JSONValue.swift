/// A JSON document written by Tandem (JSON-LD, the search index): keys in a
/// fixed order so builds are byte-identical, and `<` escaped so that JSON
/// placed inside a `<script>` element cannot end it. Several times faster
/// than Foundation's JSONSerialization for the many small documents a build writes.
enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Written with its keys sorted.
    case object([String: JSONValue])

    var text: String {
        var output = ""
        write(to: &output)
        return output
    }

    func write(to output: inout String) {
        switch self {
        case .string(let text): JSONValue.writeString(text, to: &output)
        case .number(let number): output += String(number)
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                JSONValue.writeString(key, to: &output)
                output += ":"
                members[key]!.write(to: &output)
            }
            output += "}"
        }
    }

    /// Escapes by bytes: runs of bytes that need nothing are copied whole
    /// (every byte escaped is ASCII, so runs end on character boundaries).
    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        var source = text
        let escaped = source.withUTF8 { bytes -> Bool in
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                let escape: String
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: continue
                }
                output += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                output += escape
                runStart = index + 1
            }
            guard runStart > 0 else { return false }
            output += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart...]), as: UTF8.self)
            return true
        }
        // A text with nothing to escape is appended as it is.
        if !escaped { output += text }
        output += "\""
    }
}
