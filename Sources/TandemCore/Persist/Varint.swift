/// Unsigned variable-length integers: seven bits a byte, low bits first.
/// The form of every integer in Tandem's cache files (`CompactCoder`, `StoredSearchIndex`).
enum Varint {
    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The integer at `offset`, which moves past it; nil if the bytes end first or it has more than 64 bits.
    static func read<Bytes: RandomAccessCollection>(_ bytes: Bytes, at offset: inout Int) -> UInt64?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var value: UInt64 = 0, shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
