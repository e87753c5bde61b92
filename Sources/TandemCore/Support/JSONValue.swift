/// A JSON document written by Tandem (JSON-LD, the search index): keys in a
/// fixed order so builds are byte-identical, and `<` escaped so that JSON
/// placed inside a `<script>` element cannot end it. Several times faster
/// than Foundation's JSONSerialization for the many small documents a build
/// writes; written as UTF-8 bytes and made a String once, since appending
/// each small piece to a String costs hundreds of instructions.
enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Written with its keys sorted.
    case object([String: JSONValue])
    /// An object whose members are given in the order of their keys, as
    /// `object` writes them: written as they are, without a dictionary to
    /// hash them into and sort again (JSON-LD on every page). Debug builds,
    /// and so the tests, check the order.
    case members([(key: String, value: JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.bool(a), .bool(b)): a == b
        case (.null, .null): true
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a == b
        case let (.members(a), .members(b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    var text: String {
        var output: [UInt8] = []
        output.reserveCapacity(512)
        write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    func write(to output: inout [UInt8]) {
        switch self {
        case .string(let text): JSONValue.writeString(text, to: &output)
        case .number(let number): output.append(contentsOf: String(number).utf8)
        case .bool(let value): output.append(contentsOf: value ? "true".utf8 : "false".utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            JSONValue.write(members: members.sorted(by: { $0.key < $1.key }), to: &output)
        case .members(let members):
            assert(zip(members, members.dropFirst()).allSatisfy { $0.key < $1.key }, "members out of order: \(members.map(\.key))")
            JSONValue.write(members: members, to: &output)
        }
    }

    private static func write(members: [(key: String, value: JSONValue)], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            JSONValue.writeString(member.key, to: &output)
            output.append(UInt8(ascii: ":"))
            member.value.write(to: &output)
        }
        output.append(UInt8(ascii: "}"))
    }

    /// Escapes by bytes: runs of bytes that need nothing are copied whole
    /// (every byte escaped is ASCII, so runs end on character boundaries).
    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
                case UInt8(ascii: "<"): output.append(contentsOf: #"\u003c"#.utf8)
                default: output.append(contentsOf: ("\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)).utf8)
                }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
