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
    static func terms(_ text: String, markdown: Bool = false) -> Set<String> {
        var terms: Set<String> = []
        var word = String.UnicodeScalarView()
        var ascii = true
        func flush() {
            defer { word = String.UnicodeScalarView(); ascii = true }
            guard word.count >= minimumLength else { return }
            let term = ascii ? String(word).lowercased() : fold(String(word))
            if term.unicodeScalars.count >= minimumLength { terms.insert(term) }
        }
        var skipUntil: Unicode.Scalar? = nil
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if let end = skipUntil {
                if scalar == end || scalar == "\n" { skipUntil = nil }
                continue
            }
            if markdown && ((scalar == "(" && previous == "]") || scalar == "<") {
                if !word.isEmpty { flush() }
                skipUntil = scalar == "(" ? ")" : ">"
                continue
            }
            if isWordScalar(scalar) {
                if word.count < maximumLength { word.append(scalar) }
                if scalar.value >= 0x80 { ascii = false }
            } else if !word.isEmpty {
                flush()
            }
        }
        if !word.isEmpty { flush() }
        return terms
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
