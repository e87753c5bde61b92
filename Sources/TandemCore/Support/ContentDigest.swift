import Foundation

/// A 128-bit digest of a file's bytes, in hex: what the image cache is keyed
/// by (two files with the same bytes share their processed images). Not
/// cryptographic; two independent 64-bit lanes of a multiply-rotate hash
/// over 8-byte words (xxHash64's round), fast enough to read a camera JPEG
/// in about a millisecond.
enum ContentDigest {
    static func of(file path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        return of(data)
    }

    static func of(_ data: Data) -> String {
        let prime1: UInt64 = 0x9E37_79B1_85EB_CA87, prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var a: UInt64 = 0x243F_6A88_85A3_08D3 &+ UInt64(data.count)
        var b: UInt64 = 0x1319_8A2E_0370_7344 ^ UInt64(data.count)
        func round(_ acc: UInt64, _ word: UInt64) -> UInt64 {
            var acc = acc &+ word &* prime2
            acc = (acc << 31) | (acc >> 33)
            return acc &* prime1
        }
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let words = raw.count / 8
            var index = 0
            while index + 1 < words {
                a = round(a, raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
                b = round(b, raw.loadUnaligned(fromByteOffset: index * 8 + 8, as: UInt64.self))
                index += 2
            }
            if index < words {
                a = round(a, raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
                index += 1
            }
            var tail: UInt64 = 0
            for offset in (index * 8)..<raw.count { tail = (tail << 8) | UInt64(raw[offset]) }
            a = round(a, tail)
            b = round(b, ~tail)
        }
        func finish(_ value: UInt64) -> UInt64 {
            var value = value ^ (value >> 33)
            value = value &* prime2
            value ^= value >> 29
            value = value &* prime1
            return value ^ (value >> 32)
        }
        let high = finish(a ^ (b >> 7)), low = finish(b &+ a)
        return String(format: "%016llx%016llx", high, low)
    }
}
