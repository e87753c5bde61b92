#if canImport(Glibc)
import Glibc
#endif

/// Puts back what libcmark's smart punctuation changed in a text node, so
/// that the prose the content rules read is the text as written. A body is
/// parsed once, with smart punctuation (what its HTML shows); the prose of
/// each text node is lined up with its source line, and each curly quote,
/// dash or ellipsis that stands for straight quotes, hyphens or periods there
/// becomes those again. One written as such in the source stays.
enum SmartPunctuation {
    /// Whether `bytes` may hold a character smart punctuation makes: all of
    /// them (U+2013, U+2014, U+2018, U+2019, U+201C, U+201D, U+2026) are
    /// three bytes starting with E2 80.
    static func mayHold(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var offset = 0
        while offset + 2 < bytes.count, let hit = memchr(base + offset, 0xE2, bytes.count - offset - 2) {
            let at = base.distance(to: UnsafeRawPointer(hit))
            if bytes[at + 1] == 0x80 { return true }
            offset = at + 1
        }
        return false
    }

    /// The text of a text node as written: `text` is libcmark's, `line` the
    /// node's source line and `byteColumn` libcmark's 1-based byte column of
    /// its start. Escapes (`\"`) and entities (`&mdash;`) are passed over as
    /// `ProseOrigins` does. Works on the UTF-8 bytes.
    static func undone(_ text: String, line: Substring, byteColumn: Int) -> String {
        var text = text, line = line
        return text.withUTF8 { text in
            line.withUTF8 { source in
                String(unsafeUninitializedCapacity: text.count * 3) { out in
                    var written = 0, index = 0, at = max(byteColumn - 1, 0)
                    func put(_ bytes: some Collection<UInt8>) {
                        for byte in bytes { out[written] = byte; written += 1 }
                    }
                    func sourceHas(_ bytes: [UInt8]) -> Bool {
                        at + bytes.count <= source.count && source[at..<(at + bytes.count)].elementsEqual(bytes)
                    }
                    while index < text.count {
                        let byte = text[index]
                        if at < source.count, source[at] == byte {
                            put(CollectionOfOne(byte))
                            index += 1
                            at += 1
                            continue
                        }
                        if byte == 0xE2, index + 2 < text.count, text[index + 1] == 0x80,
                           let written = asWritten[text[index + 2]], sourceHas(written) {
                            put(written)
                            index += 3
                            at += written.count
                            continue
                        }
                        // Another character: as libcmark gives it, the source passed over as an escape, an entity or a character.
                        let length = scalarLength(byte)
                        put(text[index..<min(index + length, text.count)])
                        index += length
                        if at + 1 < source.count, source[at] == UInt8(ascii: "\\"), source[at + 1] == byte {
                            at += 1 + length
                        } else if at < source.count, source[at] == UInt8(ascii: "&"),
                                  let end = source[at..<min(at + 40, source.count)].firstIndex(of: UInt8(ascii: ";")) {
                            at = end + 1
                        } else {
                            at += at < source.count ? scalarLength(source[at]) : 1
                        }
                    }
                    return written
                }
            }
        }
    }

    /// What each smart character (by the last of its three bytes, after E2 80) stands for when written plainly.
    private static let asWritten: [UInt8: [UInt8]] = [
        0x98: Array("'".utf8), 0x99: Array("'".utf8), 0x9C: Array("\"".utf8), 0x9D: Array("\"".utf8),
        0x93: Array("--".utf8), 0x94: Array("---".utf8), 0xA6: Array("...".utf8),
    ]

    /// The length of the UTF-8 sequence a byte starts (1 for a stray continuation byte).
    private static func scalarLength(_ byte: UInt8) -> Int {
        byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
    }
}
