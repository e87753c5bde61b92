import Testing
@testable import TandemCore

/// `QuickHash` reads a text eight bytes at a time and its last bytes as one
/// word that overlaps the word before: every byte must still count, and a
/// text must hash alike as bytes and as a `String`.
@Suite struct QuickHashTests {
    private static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { QuickHash.hash(bytes: $0, into: 0) }
    }

    @Test func everyByteCountsWhateverTheLength() {
        for length in 1...40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: 0x41 &+ $0 &* 7) }
            let hash = Self.hash(bytes)
            for position in 0..<length {
                var changed = bytes
                changed[position] ^= 0x01
                #expect(Self.hash(changed) != hash, "length \(length), byte \(position)")
            }
            // One byte more or less is another text, even a zero byte.
            #expect(Self.hash(bytes + [0]) != hash && Self.hash(Array(bytes.dropLast())) != hash)
        }
    }

    @Test func aTextHashesAlikeAsBytesAndAsAString() {
        for text in ["", "a", "news/2026/camp.md", "réfugiés/مهاجرون.md", String(repeating: "x", count: 23)] {
            #expect(QuickHash.hash(text, into: 5) == Array(text.utf8).withUnsafeBytes { QuickHash.hash(bytes: $0, into: 5) })
        }
    }

    /// Texts as keys of a table (`QuickKey`): a site's worth of paths, none lost
    /// or merged, each found again from a text made anew.
    @Test func quickKeysKeepEveryPathApartAndFindItAgain() {
        let paths = (0..<20_000).map { "/news/\(2000 + $0 % 27)/page-\($0)/" }
        var table: [QuickKey: Int] = [:]
        for (index, path) in paths.enumerated() { table[QuickKey(path)] = index }
        #expect(table.count == 20_000)
        // Apart by their hashes too, not only by comparing texts (a table keeps colliding keys apart, slowly).
        #expect(Set(paths.map { QuickKey($0).hashValue }).count == 20_000)
        for (index, path) in paths.enumerated() where index % 97 == 0 {
            #expect(table[QuickKey(String(decoding: Array(path.utf8), as: UTF8.self))] == index)
        }
        #expect(table[QuickKey("/news/2000/page-20000/")] == nil)
    }
}
