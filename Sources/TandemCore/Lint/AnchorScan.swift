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

    private let anchors: [[UInt8]]
    /// One bit per pair of first bytes (65,536 bits).
    private let pairBits: [UInt64]
    /// The anchors (indices into `anchors`) of two bytes or more starting with each pair.
    private let byPair: [UInt16: [Int]]
    /// The anchors of one byte.
    private let singleBytes: Set<UInt8>

    init(_ patterns: some Sequence<PatternAnchors>) {
        let all = Set(patterns.flatMap { $0.anchors ?? [] })
        let anchors = all.filter { $0.count >= 2 }.sorted { $0.lexicographicallyPrecedes($1) }
        var bits = [UInt64](repeating: 0, count: 1024)
        var byPair: [UInt16: [Int]] = [:]
        for (index, anchor) in anchors.enumerated() {
            let pair = Self.pair(anchor[0], anchor[1])
            bits[Int(pair >> 6)] |= 1 << UInt64(pair & 63)
            byPair[pair, default: []].append(index)
        }
        self.anchors = anchors
        self.pairBits = bits
        self.byPair = byPair
        self.singleBytes = Set(all.filter { $0.count == 1 }.map { $0[0] })
    }

    func occurrences(in bytes: [UInt8]) -> Found {
        var found: Found = [:]
        for byte in singleBytes {
            let offsets = bytes.indices.filter { bytes[$0] == byte }
            if !offsets.isEmpty { found[[byte]] = offsets }
        }
        guard bytes.count >= 2 else { return found }
        bytes.withUnsafeBufferPointer { text in
            pairBits.withUnsafeBufferPointer { bits in
                let base = UnsafeRawPointer(text.baseAddress!)
                var pair = UInt16(text[0])
                for offset in 0..<(text.count - 1) {
                    pair = pair << 8 | UInt16(text[offset + 1])
                    guard bits[Int(pair >> 6)] & (1 << UInt64(pair & 63)) != 0 else { continue }
                    for index in byPair[pair] ?? [] {
                        let anchor = anchors[index]
                        guard offset + anchor.count <= text.count,
                              anchor.withUnsafeBytes({ memcmp(base + offset, $0.baseAddress!, anchor.count) == 0 }) else { continue }
                        found[anchor, default: []].append(offset)
                    }
                }
            }
        }
        return found
    }

    private static func pair(_ first: UInt8, _ second: UInt8) -> UInt16 {
        UInt16(first) << 8 | UInt16(second)
    }
}
