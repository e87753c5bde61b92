import Testing
@testable import TandemCore

/// The texts read from a stored file are each kept once, and each comes back
/// as it was stored, however many there are.
@Suite struct TextInternerTests {
    private func text(_ interner: inout TextInterner, _ value: String) -> String {
        Array(value.utf8).withUnsafeBytes { interner.text($0) }
    }

    /// Where a string's bytes are: the same for two reads of one kept text.
    private func storage(of text: String) -> UnsafeRawPointer? {
        text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    @Test func aTextReadAgainIsTheOneKept() {
        var interner = TextInterner(expectedCount: 4)
        let path = "content/news/2026/joint-registration-drive.md"
        let first = text(&interner, path)
        let other = text(&interner, "content/news/2026/joint-registration-drive.fr.md")
        let again = text(&interner, path)
        #expect(first == path && again == path && other != path)
        #expect(storage(of: first) != nil && storage(of: first) == storage(of: again))
    }

    /// Far more texts than the table was made for: it grows, and every text,
    /// read once or again, is still found as it was.
    @Test func everyTextComesBackAfterTheTableGrows() {
        var interner = TextInterner(expectedCount: 1)
        let texts = (0 ..< 5_000).map { "content/stories/\($0 % 97)/page-\($0)-réfugiés.md" }
        let first = texts.map { text(&interner, $0) }
        let second = texts.reversed().map { text(&interner, $0) }
        #expect(first == texts)
        #expect(second == Array(texts.reversed()))
        #expect(storage(of: first[1_234]) == storage(of: second[texts.count - 1 - 1_234]))
    }

    /// Texts that differ in length only (padded with zeros) or in their last byte are told apart.
    @Test func textsThatDifferOnlyAtTheEndAreTwo() {
        var interner = TextInterner(expectedCount: 8)
        let base = "content/focal-points/unhcr-amman"
        let variants = [base, base + "\u{0}", base + "\u{0}\u{0}", base + "a", base + "b", String(base.dropLast())]
        let read = variants.map { text(&interner, $0) }
        #expect(read == variants)
        #expect(Set(read).count == variants.count)
    }

    /// Bytes that are not UTF-8 are repaired, as `String(decoding:as:)` does, every time they are read.
    @Test func bytesThatAreNotUTF8AreRepaired() {
        var interner = TextInterner(expectedCount: 2)
        let bytes: [UInt8] = Array("content/news/broken-".utf8) + [0xC3, 0x28] + Array("-page.md".utf8)
        let expected = String(decoding: bytes, as: UTF8.self)
        let first = bytes.withUnsafeBytes { interner.text($0) }
        let again = bytes.withUnsafeBytes { interner.text($0) }
        #expect(first == expected && again == expected)
        #expect(first.unicodeScalars.contains("\u{FFFD}"))
    }
}
