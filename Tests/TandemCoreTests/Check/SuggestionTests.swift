import Testing
@testable import TandemCore

@Suite struct SuggestionTests {
    @Test func nearestCandidateWithinATypo() {
        #expect(Suggestion.nearest(to: "refugess", in: ["refugees", "migrants"]) == "refugees")
        #expect(Suggestion.nearest(to: "persosn", in: FrontMatter.keys) == "persons")
    }

    @Test func nothingIsSuggestedForUnrelatedWords() {
        #expect(Suggestion.nearest(to: "banana", in: ["refugees", "migrants"]) == nil)
        #expect(Suggestion.hint(for: "banana", in: ["a", "b"]) == "write one of: a, b")
    }

    @Test func theFirstOfEquallyNearCandidatesIsSuggested() {
        #expect(Suggestion.nearest(to: "mat", in: ["cat", "hat", "mat"]) == "mat")
        #expect(Suggestion.nearest(to: "bat", in: ["cat", "hat"]) == "cat")
    }

    /// The banded distance agrees with the full Levenshtein table on every
    /// pair of short words over a small alphabet, for every limit.
    @Test func bandedDistanceAgreesWithTheFullTable() {
        var generator = SystemRandomNumberGenerator()
        let letters: [Character] = ["a", "b", "c", "é"]
        for _ in 0..<2_000 {
            let a = (0..<Int.random(in: 0...7, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...7, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            let full = fullDistance(a, b)
            for limit in 0...8 {
                let banded = Suggestion.editDistance(a, b, atMost: limit)
                #expect(banded == (full <= limit ? full : nil), "\(String(a)) \(String(b)) limit \(limit)")
            }
        }
    }

    /// A word the length of a pasted paragraph gets no suggestion among short
    /// candidates; a candidate as long and only a few edits away is still
    /// found, one more than 16 edits away is not.
    @Test func longWordsAreComparedWithinTheirBand() {
        let long = String(repeating: "{{/", count: 8_000)
        #expect(Suggestion.nearest(to: long, in: ["briefings/_index.md", "news/_index.md"]) == nil)
        #expect(Suggestion.nearest(to: long + "xyz", in: ["briefings/_index.md", long]) == long)
        #expect(Suggestion.nearest(to: long + String(repeating: "x", count: 17), in: [long]) == nil)
    }

    /// Levenshtein distance by the whole table, as a reference.
    private func fullDistance(_ a: [Character], _ b: [Character]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
        }
        return table[a.count][b.count]
    }

    @Test func humanFormatHasPlaceSeverityMessageAndHint() {
        let diagnostic = Diagnostic.error(SourceLocation(path: "content/a.md", line: 3, column: 7), "unknown key 'x'", hint: "did you mean 'y'?")
        #expect(DiagnosticFormatter.human(diagnostic) == "content/a.md:3:7: error: unknown key 'x'\n    hint: did you mean 'y'?")
    }

    @Test func jsonFormatIsAnArrayOfObjects() throws {
        let diagnostic = Diagnostic.warning(SourceLocation(path: "content/a.md", line: 1, column: 1), "w")
        let json = DiagnosticFormatter.json([diagnostic])
        let decoded = try JSONDecoder().decode([Diagnostic].self, from: Data(json.utf8))
        #expect(decoded == [diagnostic])
        #expect(json.contains("\"severity\" : \"warning\""))
    }
}

import Foundation
