import Testing
@testable import TandemCore

/// Tandem's own escaping for HTML and XML: the five marks as entities,
/// characters XML 1.0 forbids left out, everything else byte for byte.
@Suite struct MarkupEscapingTests {
    @Test func escapesTheFiveMarks() {
        #expect(MarkupEscaping.escape(#"<a href="x">Tom & Jerry's</a>"#)
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;")
    }

    @Test func leavesOutWhatXMLForbidsAndKeepsTabsAndLineBreaks() {
        #expect(MarkupEscaping.escape("a\u{0}b\u{1B}c\td\ne\rf\u{FFFE}g\u{FFFF}h") == "abc\td\ne\rfgh")
        // Neighbours of U+FFFE in UTF-8 stay: U+FFFD (EF BF BD) and U+FFBF (EF BE BF).
        #expect(MarkupEscaping.escape("\u{FFFD}\u{FFBF}\u{7F}") == "\u{FFFD}\u{FFBF}\u{7F}")
    }

    @Test func keepsTextWithNothingToChange() {
        let text = "Réfugiés et migrants — اللاجئون والمهاجرون 🇺🇳"
        #expect(MarkupEscaping.escape(text) == text)
        #expect(MarkupEscaping.escape("") == "")
    }

    /// The byte-wise version gives what a scalar-by-scalar reading of the rule gives.
    @Test func agreesWithTheRuleReadScalarByScalar() {
        let alphabet: [Unicode.Scalar] = ["a", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{0}", "\u{1F}", "é",
                                          "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{EFBF}", "ع", "\u{1F600}"]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            let input = String(text)
            #expect(MarkupEscaping.escape(input) == scalarByScalar(input), "\(input.unicodeScalars.map(\.value))")
            // So does the version that appends to UTF-8 being written (a feed).
            var appended = Array("x".utf8)
            MarkupEscaping.append(input, to: &appended)
            #expect(String(decoding: appended, as: UTF8.self) == "x" + scalarByScalar(input), "\(input.unicodeScalars.map(\.value))")
        }
    }

    private func scalarByScalar(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }
}

/// A small deterministic generator (SplitMix64), so a failure repeats.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
