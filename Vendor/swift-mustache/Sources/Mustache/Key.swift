//
// Tandem fork: not in swift-mustache 2.1.1 (see FORK.md).
//

/// A key of a context dictionary (`[MustacheKey: Any]`, `MustacheValues`)
/// whose hash is worked out once, when the key is made, instead of at every
/// look-up.
///
/// Rendering looks each tag's name up in the dictionaries on the context's
/// stack. With `String` keys every look-up hashed the name in full with
/// `Hasher` (SipHash), about 400 instructions each, a few million times in a
/// large site's build. A `MustacheKey` carries its text and a 64-bit hash of
/// it (FNV-1a); a dictionary only mixes in its own seed, and two keys compare
/// by hash before text. A template's names are made keys when it is parsed.
///
/// A dictionary with `String` keys renders as before: the two kinds can be
/// mixed in one context.
public struct MustacheKey: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name, as a tag writes it.
    public let text: String
    /// FNV-1a of `text`'s UTF-8 bytes.
    @usableFromInline let code: UInt64

    public init(_ text: String) {
        self.text = text
        var code: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { code = (code ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        self.code = code
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    public var description: String { text }

    @inlinable
    public static func == (lhs: MustacheKey, rhs: MustacheKey) -> Bool {
        lhs.code == rhs.code && lhs.text == rhs.text
    }

    /// In the order of their texts (a dictionary's `sorted` transform).
    public static func < (lhs: MustacheKey, rhs: MustacheKey) -> Bool {
        lhs.text < rhs.text
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }

    /// What `Dictionary` and `Set` hash a key with: the stored hash mixed with
    /// the table's seed (so that two tables do not share their collisions),
    /// without running `Hasher`.
    @inlinable
    public func _rawHashValue(seed: Int) -> Int {
        var mixed = code ^ UInt64(UInt(bitPattern: seed))
        mixed = (mixed ^ (mixed >> 32)) &* 0xd6e8_feb8_6659_fd93
        mixed = (mixed ^ (mixed >> 32)) &* 0xd6e8_feb8_6659_fd93
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 32))
    }
}

/// The values of a context or of a list's element, keyed for quick look-ups.
public typealias MustacheValues = [MustacheKey: Any]
