/// A fast 64-bit hash of a text's UTF-8 bytes, eight at a time, for keys of
/// in-memory tables that are hashed by the hundred thousand (`Dependency`).
/// `String`'s own hashing runs SipHash over the bytes and then finalizes,
/// about 400 instructions for a page's path; this is a multiply and a shift
/// per eight bytes. Not resistant to chosen collisions, which a site's own
/// paths do not need; never stored (the search files have their own hash,
/// `TermPostings.hash`).
enum QuickHash {
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// `value` mixed with the bytes of `text`.
    static func hash(_ text: String, into value: UInt64) -> UInt64 {
        var text = text
        return text.withUTF8 { hash(bytes: UnsafeRawBufferPointer($0), into: value) }
    }

    /// `value` mixed with `bytes`: a text's UTF-8 before a `String` is made of it (`TextInterner`).
    static func hash(bytes: UnsafeRawBufferPointer, into value: UInt64) -> UInt64 {
        // The length kept apart from the value (a case's number), so that a shorter text
        // under one value cannot meet a longer one, padded with zeros, under another.
        var hash = mix(mix(value) ^ UInt64(bytes.count))
        guard let base = bytes.baseAddress else { return hash }
        var offset = 0
        while offset &+ 8 <= bytes.count {
            hash = mix(hash ^ base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset &+= 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            if bytes.count >= 8 {
                // The last eight bytes read as one word (overlapping the word before), its new bytes kept.
                let last = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: bytes.count &- 8, as: UInt64.self))
                tail = last &>> (8 &* UInt64(8 &- (bytes.count &- offset)))
            } else {
                for index in offset ..< bytes.count { tail |= UInt64(bytes[index]) &<< (8 &* UInt64(index &- offset)) }
            }
            hash = mix(hash ^ tail)
        }
        return hash
    }

    /// `value` with `number` mixed in.
    static func hash(_ number: Int, into value: UInt64) -> UInt64 {
        mix(value ^ UInt64(bitPattern: Int64(number)))
    }

    /// What a `Dictionary` or `Set` with `seed` hashes a value of hash `value` as
    /// (`Hashable._rawHashValue(seed:)`): the seed mixed in, so that two tables
    /// do not share their collisions.
    static func tableHash(_ value: UInt64, seed: Int) -> Int {
        Int(truncatingIfNeeded: mix(value ^ UInt64(UInt(bitPattern: seed))))
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* multiplier
        return product ^ (product &>> 29)
    }
}
