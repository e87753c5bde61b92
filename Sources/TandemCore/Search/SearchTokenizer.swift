import Foundation

/// Splits text into the terms the search index lists and a query looks up.
/// A word is a run of Unicode letters, digits and combining marks (general
/// categories L, N, M), so Arabic, Cyrillic or accented Latin split where a
/// reader would; a term is the word in lower case with its combining marks
/// removed after canonical decomposition (`é` → `e`, Arabic harakat and the
/// tatweel dropped). No stemming. `search.js` does the same with
/// `/[^\p{L}\p{N}\p{M}]+/u`, `toLowerCase` and `normalize("NFD")`.
enum SearchTokenizer {
    /// Terms shorter than this (in Unicode scalars) are left out.
    static let minimumLength = 2
    /// Longer words are cut to this many scalars.
    static let maximumLength = 40

    /// The distinct terms of `text`. `markdown`: leave out link destinations
    /// (`](...)`) and HTML tags (`<...>`), which are not what a reader sees.
    /// Works on the UTF-8 bytes; ASCII words never become scalars.
    static func terms(_ text: String, markdown: Bool = false) -> Set<String> {
        var text = text
        return text.withUTF8 { terms(of: $0, markdown: markdown) }
    }

    private static func terms(of bytes: UnsafeBufferPointer<UInt8>, markdown: Bool) -> Set<String> {
        var terms: Set<String> = []
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var (scalars, ascii) = (0, true)
        func flush() {
            if scalars >= minimumLength {
                let term = ascii ? String(decoding: word, as: UTF8.self) : fold(String(decoding: word, as: UTF8.self))
                if ascii || term.unicodeScalars.count >= minimumLength { terms.insert(term) }
            }
            word.removeAll(keepingCapacity: true)
            (scalars, ascii) = (0, true)
        }
        var skipUntil: UInt8? = nil
        var previous: UInt8 = 0x20
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                defer { previous = byte; index += 1 }
                if let end = skipUntil {
                    if byte == end || byte == 0x0A { skipUntil = nil }
                    continue
                }
                if markdown && ((byte == 0x28 && previous == 0x5D) || byte == 0x3C) {
                    skipUntil = byte == 0x28 ? 0x29 : 0x3E
                    if !word.isEmpty { flush() }
                    continue
                }
                if let lower = asciiWordByte(byte) {
                    if scalars < maximumLength { word.append(lower); scalars += 1 }
                } else if !word.isEmpty {
                    flush()
                }
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            let end = min(index + length, bytes.count)
            defer { previous = byte; index = end }
            if skipUntil != nil { continue }
            var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            for next in bytes[(index + 1)..<end] { value = value << 6 | UInt32(next & 0x3F) }
            if let scalar = Unicode.Scalar(value), isWordScalar(scalar) {
                if scalars < maximumLength { word.append(contentsOf: bytes[index..<end]); scalars += 1 }
                ascii = false
            } else if !word.isEmpty {
                flush()
            }
        }
        if !word.isEmpty { flush() }
        return terms
    }

    /// An ASCII letter in lower case or a digit, or nil.
    private static func asciiWordByte(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39, 0x61...0x7A: byte
        case 0x41...0x5A: byte + 0x20
        default: nil
        }
    }

    /// A word in lower case without combining marks (and without the Arabic tatweel).
    static func fold(_ word: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(scalar) && scalar != "\u{0640}" {
            folded.append(scalar)
        }
        return String(folded)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
