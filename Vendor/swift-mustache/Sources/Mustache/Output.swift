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
