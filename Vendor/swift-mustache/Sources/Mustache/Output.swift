//
// Tandem fork: not in swift-mustache 2.1.1 (see FORK.md).
//

extension Array where Element == UInt8 {
    /// Appends the UTF-8 of `text`, read in place: what a rendering does with
    /// each piece of text it writes.
    @inline(__always)
    mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { self.append(contentsOf: $0) }
    }

    /// Appends the bytes of a literal (an escape such as `&lt;`).
    @inline(__always)
    mutating func append(literal: StaticString) {
        literal.withUTF8Buffer { self.append(contentsOf: $0) }
    }
}

/// Tandem fork: text already in UTF-8, such as a page's HTML made elsewhere:
/// a variable tag writes its bytes (escaped or not) as they are, without a
/// String made of them first, which would check every byte again. Anywhere
/// else (a section, a transform, a dynamic partial's name) it stands for its
/// text as a String (`representation`), so it behaves as a String would.
public struct MustacheUTF8Text: MustacheCustomRepresentation, Sendable {
    public let bytes: [UInt8]

    /// `bytes` must be valid UTF-8.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var representation: Any? { String(decoding: bytes, as: UTF8.self) }
}
