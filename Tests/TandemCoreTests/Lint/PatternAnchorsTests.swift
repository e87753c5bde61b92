import Testing
@testable import TandemCore

/// The words a pattern cannot match without, so most pages skip the regular expressions.
@Suite struct PatternAnchorsTests {
    @Test func eachAlternativeGivesItsLongestRequiredRun() {
        #expect(PatternAnchors("(?:illegal (?:im)?migrants?)\\b").anchors == [Array("illegal ".utf8)])
        #expect(PatternAnchors("(?:(?:flood|wave)s? of (?:refugees|migrants))\\b").anchors == [Array(" of ".utf8)])
        #expect(PatternAnchors("(?:a|b)").anchors == nil)
        #expect(PatternAnchors("illegal (?:im)?migrants?").anchors == [Array("illegal ".utf8)])
        #expect(PatternAnchors("failed asylum[- ]seekers?|fake").anchors == [Array("failed asylum".utf8), Array("fake".utf8)])
        #expect(PatternAnchors("\\d ?%").anchors == [Array("%".utf8)])
        #expect(PatternAnchors("floods? of (?:a|b)|waves? of (?:a|b)").anchors == [Array("flood".utf8), Array("wave".utf8)])
        #expect(PatternAnchors("IDPs?").anchors == [Array("idp".utf8)])
    }

    @Test func aPageWithoutTheAnchorCannotMatchAndCaseDoesNotMatter() {
        let anchors = PatternAnchors("internally displaced refugees?")
        func mayMatch(_ text: String) -> Bool {
            let prose = Self.prose(text)
            let found = AnchorScan([anchors]).occurrences(in: prose.text)
            return !anchors.lines(lineEnds: prose.lineEnds, count: prose.text.count, found: found).isEmpty
        }
        #expect(mayMatch("INTERNALLY DISPLACED REFUGEES"))
        #expect(mayMatch("Internally Displaced Refugees"))
        #expect(!mayMatch("internally displaced people"))
    }

    @Test func onlyTheLinesHoldingAnAnchorAreSearchedAsByteRanges() {
        let text = "Title with é\nNothing here\n🇹🇩 Illegal migrants, and ILLEGAL migrants\nend: illegal immigration"
        let prose = Self.prose(text)
        #expect(prose.text == Array(text.utf8))
        #expect(prose.lineEnds.count == 3)
        let patterns = ["illegal (?:im)?migrants?", "(?:a|b)", "refugees?", "\\d ?%"].map(PatternAnchors.init)
        let scanned = AnchorScan(patterns).occurrences(in: prose.text)
        #expect(scanned.offsets(of: Array("illegal ".utf8)).count == 3)
        #expect(scanned.offsets(of: Array("%".utf8)).isEmpty)
        #expect(AnchorScan(patterns).occurrences(in: Array("50 % of 7%".utf8)).offsets(of: Array("%".utf8)) == [3, 9])
        let lines = patterns[0].lines(lineEnds: prose.lineEnds, count: prose.text.count, found: scanned)
        #expect(lines.map(prose.string(in:)) == ["🇹🇩 Illegal migrants, and ILLEGAL migrants", "end: illegal immigration"])
        #expect(patterns[1].lines(lineEnds: prose.lineEnds, count: prose.text.count, found: scanned) == [0..<prose.text.count])
        #expect(patterns[2].lines(lineEnds: prose.lineEnds, count: prose.text.count, found: scanned).isEmpty)
    }

    /// A prose of one run holding `text`.
    private static func prose(_ text: String) -> Prose {
        var prose = Prose()
        _ = prose.startRun()
        prose.append(text, from: .at(.none))
        return prose
    }

    @Test func textLinesAreSplitAtEveryLineEndKeepingEmptyOnes() {
        #expect(TextLines.split("a\n\nb é\n") == ["a", "", "b é", ""])
        #expect(TextLines.split("") == [""])
        #expect(TextLines.split("one\r\ntwo") == ["one\r", "two"])
    }
}

/// The one-pass scan finds exactly what a search for each anchor finds.
@Suite struct AnchorScanTests {
    @Test func theScanFindsEveryOccurrenceANaiveSearchFinds() {
        // Anchors of one byte, two (`é` is two in UTF-8), three, four and more, at every offset.
        // "in close cooperation with" is compared eight bytes at a time and then by its last eight.
        let anchors = ["illegal ", "idp", "%", "fake", "co-led by", "jointly with", "clandestin", "réfugié", "é", "ab",
                       "in close cooperation with", "in close cooperation"]
        let scan = AnchorScan([PatternAnchors(literals: anchors)])
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Illegal ", "ILLEGAL ", "idp", "IDPs", "%", "fake", "co-led by", "Jointly With", "clandestins",
                      "réfugiés", "RÉFUGIÉ", "il", "ille", "a", "b", "AB", " ", "\n", "é", "🇹🇩", "jointly", "with",
                      "@", "[", "`", "{", "Z", "z", "\u{C1}", "\u{7F}", "in close ", "In Close Cooperation ", "cooperation",
                      "in close cooperation with", "in close cooperatio"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...120, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let found = scan.occurrences(in: bytes)
            for anchor in anchors {
                let folded = Array(anchor.lowercased().utf8)
                let lowered = bytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
                let expected = lowered.indices.filter { start in
                    start + folded.count <= lowered.count && Array(lowered[start..<(start + folded.count)]) == folded
                }
                #expect(found.offsets(of: folded) == expected, "\(anchor) in \(text)")
            }
        }
    }
}
