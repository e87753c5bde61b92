import Testing
@testable import TandemCore

/// Text checked a run at a time is the text the standard library makes of the
/// whole, and bytes it refuses are refused.
@Suite struct UTF8TextTests {
    private static func string(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer(UTF8Text.string)
    }

    @Test func piecesMakeTheTextTheWholeMakes() {
        var generator = SystemRandomNumberGenerator()
        // ASCII runs of every length around the eight-byte steps, characters of two, three
        // and four bytes, and more runs than the pieces it appends before checking the rest whole.
        let pieces = ["a", "abcdefg", "abcdefghijklmnop", "\n", "\0", "é", "’", "—", "لاجئ", "🇹🇩", "«", " "]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...200, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Self.string(Array(text.utf8)) == text)
        }
    }

    @Test func bytesThatAreNotUTF8AreRefusedWherePiecesWouldMissThem() {
        var generator = SystemRandomNumberGenerator()
        // A lead byte without its continuation (cut by an ASCII byte), a stray continuation,
        // an overlong form, a surrogate, bytes that never occur; alone and among valid text.
        let broken: [[UInt8]] = [[0xE2, 0x80], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xF5, 0x80, 0x80, 0x80]]
        for bad in broken {
            #expect(Self.string(bad) == nil)
            #expect(Self.string(bad + Array("x".utf8)) == nil)
            #expect(Self.string(Array("x".utf8) + bad) == nil)
        }
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...100, using: &generator) {
                bytes += Bool.random(using: &generator) ? Array("café – ok ".utf8) : [UInt8.random(in: 0...255, using: &generator)]
            }
            #expect(Self.string(bytes) == String(validating: bytes, as: UTF8.self))
        }
        #expect(Self.string([]) == "")
    }
}
