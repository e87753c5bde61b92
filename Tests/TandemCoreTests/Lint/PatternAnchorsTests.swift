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
            let units = Array(text.utf16)
            let folded = PatternAnchors.Folded(text)
            let found = AnchorScan([anchors]).occurrences(in: folded.bytes)
            return !anchors.lines(of: folded, found: found, unitCount: units.count).isEmpty
        }
        #expect(mayMatch("INTERNALLY DISPLACED REFUGEES"))
        #expect(!mayMatch("internally displaced people"))
    }

    @Test func onlyTheLinesHoldingAnAnchorAreSearchedInUTF16Ranges() {
        let text = "Title with é\nNothing here\n🇹🇩 Illegal migrants, and illegal migrants\nend: illegal immigration"
        let units = Array(text.utf16)
        let folded = PatternAnchors.Folded(text)
        #expect(folded.bytes == Array(text.lowercased().utf8))
        let patterns = ["illegal (?:im)?migrants?", "(?:a|b)", "refugees?", "\\d ?%"].map(PatternAnchors.init)
        let scanned = AnchorScan(patterns).occurrences(in: folded.bytes)
        #expect(scanned[Array("illegal ".utf8)]?.count == 3)
        #expect(scanned[Array("%".utf8)] == nil)
        #expect(AnchorScan(patterns).occurrences(in: Array("50 % of".utf8))[Array("%".utf8)] == [3])
        let lines = patterns[0].lines(of: folded, found: scanned, unitCount: units.count)
        let found = lines.map { String(decoding: units[$0.location..<($0.location + $0.length)], as: UTF16.self) }
        #expect(found == ["🇹🇩 Illegal migrants, and illegal migrants", "end: illegal immigration"])
        #expect(patterns[1].lines(of: folded, found: scanned, unitCount: units.count).map(\.length) == [units.count])
        #expect(patterns[2].lines(of: folded, found: scanned, unitCount: units.count).isEmpty)
    }

    @Test func textLinesAreSplitAtEveryLineEndKeepingEmptyOnes() {
        #expect(TextLines.split("a\n\nb é\n") == ["a", "", "b é", ""])
        #expect(TextLines.split("") == [""])
        #expect(TextLines.split("one\r\ntwo") == ["one\r", "two"])
    }
}
