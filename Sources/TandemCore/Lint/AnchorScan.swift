#if canImport(Glibc)
import Glibc
#endif

/// Finds where the anchors of many patterns (`PatternAnchors`) occur in a
/// page's folded text, in one pass over it: a bit per pair of first bytes
/// (or per byte, for an anchor of one byte such as `%`) says at which offsets
/// comparing is worth it. Each pattern searching the page on its own cost a
/// third of the content checks.
struct AnchorScan: Sendable {
    /// Where each anchor occurs (UTF-8 offsets), for the anchors that do.
    typealias Found = [[UInt8]: [Int]]

    /// The anchors of two bytes or more, in order of their first two bytes.
    private let anchors: [[UInt8]]
    /// The same anchors one after the other, anchor `i` at `bytes[ends[i] - count ..< ends[i]]`.
    private let bytes: [UInt8]
    private let ends: [Int]
    /// One bit per pair of first bytes (65,536 bits).
    private let pairBits: [UInt64]
    /// For each pair of first bytes, the first of its anchors in `anchors`
    /// and the end of them (`pairStarts[pair + 1]`): a look-up without hashing.
    private let pairStarts: [UInt16]
    /// The anchors of one byte.
    private let singleBytes: Set<UInt8>

    init(_ patterns: some Sequence<PatternAnchors>) {
        let all = Set(patterns.flatMap { $0.anchors ?? [] })
        let anchors = all.filter { $0.count >= 2 }.sorted { $0.lexicographicallyPrecedes($1) }
        precondition(anchors.count < Int(UInt16.max), "too many anchors")
        var bits = [UInt64](repeating: 0, count: 1024)
        var starts = [UInt16](repeating: 0, count: 65_537)
        for anchor in anchors {
            let pair = Int(Self.pair(anchor[0], anchor[1]))
            bits[pair >> 6] |= 1 << UInt64(pair & 63)
            starts[pair + 1] += 1
        }
        for pair in 0..<65_536 { starts[pair + 1] += starts[pair] }
        self.anchors = anchors
        self.bytes = anchors.flatMap { $0 }
        self.ends = anchors.reduce(into: []) { ends, anchor in ends.append((ends.last ?? 0) + anchor.count) }
        self.pairBits = bits
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
            pairBits.withUnsafeBufferPointer { bits in
                pairStarts.withUnsafeBufferPointer { starts in
                    bytes.withUnsafeBufferPointer { bytes in
                        ends.withUnsafeBufferPointer { ends in
                            let base = text.baseAddress!
                            var pair = UInt16(text[0])
                            for offset in 0..<(text.count - 1) {
                                pair = pair << 8 | UInt16(text[offset + 1])
                                guard bits[Int(pair >> 6)] & (1 << UInt64(pair & 63)) != 0 else { continue }
                                for index in Int(starts[Int(pair)])..<Int(starts[Int(pair) + 1]) {
                                    let start = index == 0 ? 0 : ends[index - 1], count = ends[index] - start
                                    if offset + count <= text.count, memcmp(base + offset, bytes.baseAddress! + start, count) == 0 {
                                        hits.append((index, offset))
                                    }
                                }
                            }
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
}
