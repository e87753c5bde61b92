import Foundation
import PropertyBased

/// One change to the bytes of a seed file, of the kinds that break parsers:
/// a flipped bit, a cut, a duplicated stretch, an inserted token (`---`,
/// `{{`, `&a`, `*a`, NUL, ...), a token repeated a hundred thousand times, a
/// byte replaced by any byte (invalid UTF-8 included). Positions and sizes are
/// raw numbers taken modulo the input, so shrinking keeps them meaningful.
struct Mutation: Sendable, CustomStringConvertible {
    var kind: Int
    var position: Int
    var value: Int

    /// Tokens that mean something to the front-matter splitter, YAML, Markdown or Mustache.
    static let tokens = ["---\n", "\n---\n", "...\n", "{{", "}}", "{{>", "{{<", "{{/", "{{#", "{{^", "{{$", "{{{", "{{&",
                         "{{=| |=}}", "&a ", "*a", "&a [*a, *a, *a]", "\0", "\r\n", "\r", "\n", ": ", "- ", "? ", "!!", "%YAML 1.2\n",
                         "[", "]", "](", "<", ">", "`", "```\n", "\t", "\u{FEFF}", "é", "%", "#", "\\", "'", "\"", "|\n", "*", "_",
                         "<!--", "<script>", "javascript:", "\u{202E}", "\u{1B}[2J"]

    static let kinds = 6

    func apply(to bytes: inout [UInt8]) {
        let count = bytes.count
        switch kind % Self.kinds {
        case 0 where count > 0:
            bytes[position % count] ^= UInt8(1 << (value % 8))
        case 1:
            bytes.removeSubrange((position % (count + 1))...)
        case 2 where count > 0:
            let start = position % count
            let slice = bytes[start..<min(count, start + 1 + value)]
            bytes.insert(contentsOf: slice, at: start)
        case 3:
            bytes.insert(contentsOf: Array(Self.tokens[value % Self.tokens.count].utf8), at: position % (count + 1))
        case 4:
            let token = Array(Self.tokens[value % Self.tokens.count].utf8)
            let repeats = 1_000 * (1 + value % 128)
            bytes.insert(contentsOf: Array([[UInt8]](repeating: token, count: repeats).joined()), at: position % (count + 1))
        case 5 where count > 0:
            bytes[position % count] = UInt8(value % 256)
        default:
            break
        }
    }

    var description: String {
        let names = ["flip", "truncate", "duplicate", "insert", "repeat", "replace"]
        return "\(names[kind % Self.kinds])(at: \(position), \(value))"
    }

    /// One to six mutations.
    static let list = zip(Gen.int(in: 0...(kinds - 1)), Gen.int(in: 0...1_000_000), Gen.int(in: 0...255))
        .map { Mutation(kind: $0.0, position: $0.1, value: $0.2) }
        .array(of: 1...6)

    /// `seed` with `mutations` applied in order.
    static func mutate(_ seed: [UInt8], _ mutations: [Mutation]) -> [UInt8] {
        var bytes = seed
        for mutation in mutations { mutation.apply(to: &bytes) }
        return bytes
    }
}
