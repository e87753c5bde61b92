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
