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
/// it; a dictionary only mixes in its own seed, and two keys compare
/// by hash before text. A template's names are made keys when it is parsed.
///
/// A dictionary with `String` keys renders as before: the two kinds can be
/// mixed in one context.
public struct MustacheKey: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name, as a tag writes it.
    public let text: String
    /// A hash of `text`'s UTF-8 bytes, eight at a time (`hash(of:)`).
    @usableFromInline let code: UInt64

    public init(_ text: String) {
        self.text = text
        var bytes = text
        self.code = bytes.withUTF8(Self.hash(of:))
    }

    /// The length, then each eight bytes (the last ones padded with zeros)
    /// mixed in by a multiply and a shift: a key is made for every value a
    /// context holds, so this costs a few instructions a key, not a few per byte.
    private static func hash(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        func mix(_ value: UInt64) -> UInt64 {
            let product = value &* 0x9E37_79B9_7F4A_7C15
            return product ^ (product >> 29)
        }
        var hash = mix(UInt64(bytes.count))
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mix(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for index in offset ..< bytes.count { tail |= UInt64(base[index]) << (8 * UInt64(index - offset)) }
            hash = mix(hash ^ tail)
        }
        return hash
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
