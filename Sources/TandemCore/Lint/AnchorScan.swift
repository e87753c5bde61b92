#if canImport(Glibc)
import Glibc
#endif

/// Finds where the anchors of many patterns (`PatternAnchors`) occur in a
/// page's folded text, in one pass over it: a bit per three first bytes
/// (hashed; per two for an anchor of two bytes, per byte for one of one byte
/// such as `%`) says at which offsets comparing is worth it. Each pattern searching the page on its own cost a
/// third of the content checks.
struct AnchorScan: Sendable {
    /// Where each anchor occurs (UTF-8 offsets), for the anchors that do.
    typealias Found = [[UInt8]: [Int]]

    /// The anchors of two bytes or more, in order of their first two bytes.
    private let anchors: [[UInt8]]
    /// The same anchors one after the other, anchor `i` at `bytes[ends[i] - count ..< ends[i]]`.
    private let bytes: [UInt8]
    private let ends: [Int]
    /// One bit per pair of first bytes of the anchors of two bytes (65,536 bits).
    private let pairBits: [UInt64]
    /// One bit per hash of the first three bytes of the longer anchors (65,536 bits).
    private let tripleBits: [UInt64]
    /// For each pair of first bytes, the first of its anchors in `anchors`
    /// and the end of them (`pairStarts[pair + 1]`): a look-up without hashing.
    private let pairStarts: [UInt16]
    /// The anchors of one byte.
    private let singleBytes: Set<UInt8>

    init(_ patterns: some Sequence<PatternAnchors>) {
        let all = Set(patterns.flatMap { $0.anchors ?? [] })
        let anchors = all.filter { $0.count >= 2 }.sorted { $0.lexicographicallyPrecedes($1) }
        precondition(anchors.count < Int(UInt16.max), "too many anchors")
        var bits = [UInt64](repeating: 0, count: 1024), triples = bits
        var starts = [UInt16](repeating: 0, count: 65_537)
        for anchor in anchors {
            let pair = Int(Self.pair(anchor[0], anchor[1]))
            if anchor.count == 2 {
                bits[pair >> 6] |= 1 << UInt64(pair & 63)
            } else {
                let triple = Self.tripleHash(UInt32(pair) << 8 | UInt32(anchor[2]))
                triples[triple >> 6] |= 1 << UInt64(triple & 63)
            }
            starts[pair + 1] += 1
        }
        for pair in 0..<65_536 { starts[pair + 1] += starts[pair] }
        self.anchors = anchors
        self.bytes = anchors.flatMap { $0 }
        self.ends = anchors.reduce(into: []) { ends, anchor in ends.append((ends.last ?? 0) + anchor.count) }
        self.pairBits = bits
        self.tripleBits = triples
        self.pairStarts = starts
        self.singleBytes = Set(all.filter { $0.count == 1 }.map { $0[0] })
    }

    func occurrences(in text: [UInt8]) -> Found {
        var found: Found = [:]
        for byte in singleBytes {
            let offsets = text.indices.filter { text[$0] == byte }
            if !offsets.isEmpty { found[[byte]] = offsets }
        }
        guard text.count >= 2 else { return found }
        var hits: [(anchor: Int, offset: Int)] = []
        text.withUnsafeBufferPointer { text in
            bytes.withUnsafeBufferPointer { bytes in
                var pair = UInt16(text[0])
                for offset in 0..<(text.count - 1) {
                    pair = pair << 8 | UInt16(text[offset + 1])
                    let third = offset + 2 < text.count ? UInt32(text[offset + 2]) : 0
                    let triple = Self.tripleHash(UInt32(pair) << 8 | third)
                    guard pairBits[Int(pair >> 6)] & (1 << UInt64(pair & 63)) != 0
                        || tripleBits[triple >> 6] & (1 << UInt64(triple & 63)) != 0 else { continue }
                    for index in Int(pairStarts[Int(pair)])..<Int(pairStarts[Int(pair) + 1]) {
                        let start = index == 0 ? 0 : ends[index - 1], count = ends[index] - start
                        if offset + count <= text.count,
                           memcmp(text.baseAddress! + offset, bytes.baseAddress! + start, count) == 0 {
                            hits.append((index, offset))
                        }
                    }
                }
            }
        }
        for hit in hits { found[anchors[hit.anchor], default: []].append(hit.offset) }
        return found
    }

    private static func pair(_ first: UInt8, _ second: UInt8) -> UInt16 {
        UInt16(first) << 8 | UInt16(second)
    }

    /// Three bytes (`b0 << 16 | b1 << 8 | b2`) to 16 bits.
    private static func tripleHash(_ bytes: UInt32) -> Int {
        Int((bytes &* 2_654_435_761) >> 16 & 0xFFFF)
    }
}
