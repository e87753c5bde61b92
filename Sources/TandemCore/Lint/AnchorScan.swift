#if canImport(Glibc)
import Glibc
#endif

/// Finds where the anchors of many patterns (`PatternAnchors`) occur in a
/// page's prose, in one pass over its UTF-8, ASCII letters compared in lower
/// case. The pass looks at every other offset: a bit per hash of the three
/// bytes there says whether an anchor may start at it, the offset before it or
/// (for an anchor of two bytes) the one after it, so the loop tests one bit per
/// two bytes and rarely branches; an anchor of one byte (such as `%`) is found
/// with `memchr`. Each pattern searching the page on its own cost a third of
/// the content checks; a first test on pairs of bytes, which common English
/// pairs pass half the time, cost more than it saved.
struct AnchorScan: Sendable {
    /// Where the anchors that occur in a page are (UTF-8 offsets, ascending).
    struct Found {
        /// Offsets by anchor number (`AnchorNumbers`).
        fileprivate var offsets: [Int: [Int]] = [:]

        var isEmpty: Bool { offsets.isEmpty }

        /// Where the anchor numbered `number` occurs.
        func offsets(ofNumber number: Int) -> [Int] {
            offsets.isEmpty ? [] : offsets[number] ?? []
        }

        /// Where `anchor` (in lower case) occurs.
        func offsets(of anchor: [UInt8]) -> [Int] {
            offsets(ofNumber: AnchorNumbers.number(anchor))
        }
    }

    /// The numbers (`AnchorNumbers`) of the anchors of two bytes or more, in order of their bytes.
    private let numbers: [Int]
    /// The same anchors one after the other, anchor `i` at `bytes[ends[i] - count ..< ends[i]]`.
    private let bytes: [UInt8]
    private let ends: [Int]
    /// One bit per hash of the three bytes at an even offset where an anchor
    /// may start there or one byte before or after (65,536 bits).
    private let tripleBits: [UInt64]
    /// For each pair of first bytes, the first of its anchors in `numbers`
    /// and the end of them (`pairStarts[pair + 1]`): a look-up without hashing.
    private let pairStarts: [UInt16]
    /// Each anchor's first four bytes (fewer for a shorter one, the rest 0),
    /// and the mask of those it has: compared with the text's in one test.
    private let prefixes: [UInt32]
    private let prefixMasks: [UInt32]
    /// For each anchor, the first anchor after it with other first four bytes:
    /// anchors are sorted, so when the text differs from one of them there,
    /// it differs from the whole group (a page saying "will" is compared
    /// with the group of "illegal ..." once, not with each of its anchors).
    private let groupEnds: [UInt16]
    /// The anchors of one byte, with their numbers.
    private let singleBytes: [(byte: UInt8, number: Int)]

    init(_ patterns: some Sequence<PatternAnchors>) {
        let all = Set(patterns.flatMap { $0.anchors ?? [] })
        let anchors = all.filter { $0.count >= 2 }.sorted { $0.lexicographicallyPrecedes($1) }
        precondition(anchors.count < Int(UInt16.max), "too many anchors")
        var triples = [UInt64](repeating: 0, count: 1024)
        var starts = [UInt16](repeating: 0, count: 65_537)
        func set(_ first: UInt8, _ second: UInt8, _ third: UInt8) {
            let triple = Self.tripleHash(UInt32(first) | UInt32(second) << 8 | UInt32(third) << 16)
            triples[triple >> 6] |= 1 << UInt64(triple & 63)
        }
        for anchor in anchors {
            // The three bytes at the even offset when the anchor starts there, and when it starts one byte before.
            for byte in UInt8.min...UInt8.max {
                if anchor.count == 2 {
                    set(anchor[0], anchor[1], byte)
                    set(byte, anchor[0], anchor[1])
                } else if anchor.count == 3 {
                    set(anchor[1], anchor[2], byte)
                }
            }
            if anchor.count >= 3 { set(anchor[0], anchor[1], anchor[2]) }
            if anchor.count >= 4 { set(anchor[1], anchor[2], anchor[3]) }
            starts[Int(UInt32(anchor[0]) << 8 | UInt32(anchor[1])) + 1] += 1
        }
        for pair in 0..<65_536 { starts[pair + 1] += starts[pair] }
        self.numbers = anchors.map(AnchorNumbers.number)
        self.bytes = anchors.flatMap { $0 }
        self.ends = anchors.reduce(into: []) { ends, anchor in ends.append((ends.last ?? 0) + anchor.count) }
        self.tripleBits = triples
        self.pairStarts = starts
        let prefixes = anchors.map { Self.prefix(of: $0) }
        self.prefixes = prefixes.map(\.bytes)
        self.prefixMasks = prefixes.map(\.mask)
        var groupEnds = [UInt16](repeating: UInt16(anchors.count), count: anchors.count)
        for index in anchors.indices.reversed().dropFirst() {
            let next = index + 1
            groupEnds[index] = prefixes[next] == prefixes[index] ? groupEnds[next] : UInt16(next)
        }
        self.groupEnds = groupEnds
        self.singleBytes = all.filter { $0.count == 1 }.map { ($0[0], AnchorNumbers.number($0)) }
    }

    /// The anchors in `text` (UTF-8; ASCII letters in any case).
    func occurrences(in text: [UInt8]) -> Found {
        var found = Found()
        text.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress else { return }
            for (byte, number) in singleBytes {
                var offset = 0
                while offset < text.count, let hit = memchr(base + offset, Int32(byte), text.count - offset) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    found.offsets[number, default: []].append(at)
                    offset = at + 1
                }
            }
            guard text.count >= 2, !numbers.isEmpty else { return }
            var hits: [(index: Int, offset: Int)] = []
            withTables { tables in
                Self.scan(text, tripleBits: tables.tripleBits) { offset in
                    // Anchors of three bytes or more starting one byte before, any starting here,
                    // and those of two bytes starting one byte after (each start is looked at once).
                    if offset >= 1 { Self.compare(text, at: offset - 1, lengths: 3...Int.max, tables, into: &hits) }
                    if offset + 1 < text.count { Self.compare(text, at: offset, lengths: 2...Int.max, tables, into: &hits) }
                    if offset + 2 < text.count { Self.compare(text, at: offset + 1, lengths: 2...2, tables, into: &hits) }
                }
            }
            for hit in hits { found.offsets[numbers[hit.index], default: []].append(hit.offset) }
        }
        return found
    }

    /// The loop over every other byte of a page: one bit tested per even
    /// offset; `candidate` compares around the offsets where the bit is set.
    /// Eight bytes at a time are read as two words and put in lower case
    /// together (`lowered`); the last few bytes one by one.
    @inline(__always)
    private static func scan(_ text: UnsafeBufferPointer<UInt8>, tripleBits: UnsafePointer<UInt64>,
                             candidate: (_ offset: Int) -> Void) {
        let count = text.count, base = UnsafeRawPointer(text.baseAddress!)
        @inline(__always) func test(_ triple: UInt64, at offset: Int) {
            let hash = tripleHash(UInt32(truncatingIfNeeded: triple) & 0xFF_FFFF)
            if tripleBits[hash >> 6] & (1 << UInt64(hash & 63)) != 0 { candidate(offset) }
        }
        var offset = 0
        while offset + 12 <= count {
            let low = lowered(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            let high = lowered(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 4, as: UInt64.self)))
            test(low, at: offset)
            test(low >> 16, at: offset + 2)
            test(high, at: offset + 4)
            test(high >> 16, at: offset + 6)
            offset += 8
        }
        while offset < count {
            let second = offset + 1 < count ? lower(text[offset + 1]) : 0
            let third = offset + 2 < count ? lower(text[offset + 2]) : 0
            test(UInt64(lower(text[offset])) | UInt64(second) << 8 | UInt64(third) << 16, at: offset)
            offset += 2
        }
    }

    /// `lower` of each of the eight bytes of `word` at once: a byte from `A`
    /// to `Z` gets the bit 0x20; bytes of 0x80 and above stay as they are.
    @inline(__always)
    private static func lowered(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let seven = word & (0x7F &* ones)
        let fromA = seven &+ (0x80 - 0x41) &* ones  // high bit: the byte's low seven bits are `A` or more
        let pastZ = seven &+ (0x80 - 0x5B) &* ones  // high bit: ... past `Z`
        let letters = fromA & ~pastZ & ~word & (0x80 &* ones)
        return word | letters >> 2
    }

    /// The tables a scan reads, as pointers for the length of one scan.
    private struct Tables {
        let bytes: UnsafePointer<UInt8>
        let ends: UnsafePointer<Int>
        let tripleBits: UnsafePointer<UInt64>
        let pairStarts: UnsafePointer<UInt16>
        let prefixes: UnsafePointer<UInt32>
        let prefixMasks: UnsafePointer<UInt32>
        let groupEnds: UnsafePointer<UInt16>
    }

    private func withTables(_ body: (Tables) -> Void) {
        bytes.withUnsafeBufferPointer { bytes in
            ends.withUnsafeBufferPointer { ends in
                tripleBits.withUnsafeBufferPointer { tripleBits in
                    pairStarts.withUnsafeBufferPointer { pairStarts in
                        prefixes.withUnsafeBufferPointer { prefixes in
                            prefixMasks.withUnsafeBufferPointer { prefixMasks in
                                groupEnds.withUnsafeBufferPointer { groupEnds in
                                    body(Tables(bytes: bytes.baseAddress!, ends: ends.baseAddress!, tripleBits: tripleBits.baseAddress!,
                                                pairStarts: pairStarts.baseAddress!, prefixes: prefixes.baseAddress!,
                                                prefixMasks: prefixMasks.baseAddress!, groupEnds: groupEnds.baseAddress!))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Compares the anchors whose length is in `lengths` and whose first two
    /// bytes are the text's at `offset` with the text there: their first four
    /// bytes at once (a group of anchors that share them is passed over in
    /// one step), then the rest.
    @inline(__always)
    private static func compare(_ text: UnsafeBufferPointer<UInt8>, at offset: Int, lengths: ClosedRange<Int>,
                                _ tables: Tables, into hits: inout [(index: Int, offset: Int)]) {
        let pair = Int(lower(text[offset])) << 8 | Int(lower(text[offset + 1]))
        var index = Int(tables.pairStarts[pair])
        let last = Int(tables.pairStarts[pair + 1])
        guard index < last else { return }
        var textPrefix: UInt32 = 0
        for position in 0 ..< min(4, text.count - offset) {
            textPrefix |= UInt32(lower(text[offset + position])) << (8 * UInt32(position))
        }
        while index < last {
            if textPrefix & tables.prefixMasks[index] != tables.prefixes[index] {
                index = Int(tables.groupEnds[index])
                continue
            }
            let start = index == 0 ? 0 : tables.ends[index - 1], length = tables.ends[index] - start
            if lengths.contains(length), offset + length <= text.count,
               rest(of: text, at: offset, sameAs: tables.bytes + start, from: 4, to: length) {
                hits.append((index, offset))
            }
            index += 1
        }
    }

    /// Whether the text at `offset` holds the anchor's bytes from `position` to `length` (ASCII
    /// letters in any case): eight at a time, the last eight (which may overlap the ones before)
    /// read as one word when the anchor is long enough, else byte by byte. The joint wordings share
    /// long beginnings ("in close cooperation with ..."), which pages often hold: compared byte by
    /// byte, each such beginning cost the scan a loop step per byte for every anchor that has it.
    @inline(__always)
    private static func rest(of text: UnsafeBufferPointer<UInt8>, at offset: Int, sameAs anchor: UnsafePointer<UInt8>,
                             from position: Int, to length: Int) -> Bool {
        let base = UnsafeRawPointer(text.baseAddress! + offset), anchorBase = UnsafeRawPointer(anchor)
        @inline(__always) func sameWord(at position: Int) -> Bool {
            lowered(base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                == anchorBase.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        }
        var position = position
        while position + 8 <= length {
            guard sameWord(at: position) else { return false }
            position += 8
        }
        guard position < length else { return true }
        if length >= 8 { return sameWord(at: length - 8) }
        while position < length {
            guard lower(text[offset + position]) == anchor[position] else { return false }
            position += 1
        }
        return true
    }

    /// An anchor's first four bytes, the first in the lowest byte, and the mask of those it has.
    private static func prefix(of anchor: [UInt8]) -> (bytes: UInt32, mask: UInt32) {
        var bytes: UInt32 = 0, mask: UInt32 = 0
        for (position, byte) in anchor.prefix(4).enumerated() {
            bytes |= UInt32(byte) << (8 * UInt32(position))
            mask |= 0xFF << (8 * UInt32(position))
        }
        return (bytes, mask)
    }

    /// An ASCII letter in lower case; any other byte as it is.
    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// Three bytes (`b0 | b1 << 8 | b2 << 16`, as a little-endian word holds them) to 16 bits.
    @inline(__always)
    private static func tripleHash(_ bytes: UInt32) -> Int {
        Int((bytes &* 2_654_435_761) >> 16 & 0xFFFF)
    }
}
