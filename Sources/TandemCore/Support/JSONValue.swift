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
        output += ByteReplacing.replacing(in: text) { bytes, index in
            switch bytes[index] {
            case UInt8(ascii: "\""): ("\\\"", 1)
            case UInt8(ascii: "\\"): ("\\\\", 1)
            case UInt8(ascii: "\n"): ("\\n", 1)
            case UInt8(ascii: "\r"): ("\\r", 1)
            case UInt8(ascii: "\t"): ("\\t", 1)
            case UInt8(ascii: "<"): ("\\u003c", 1)
            case let byte where byte < 0x20: ("\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16), 1)
            default: nil
            }
        } ?? text
        output += "\""
    }
}
