import Foundation
import Testing
@testable import TandemCore

/// One diagnostic stays one line (and one hint line), whatever a value or a file name holds.
@Suite struct DiagnosticFormatterTests {
    @Test func lineEndsAndControlCharactersInValuesAndNamesAreEscaped() {
        let diagnostic = Diagnostic.error(SourceLocation(path: "content/a\nb.md", line: 3, column: 11),
                                          "unknown persons value 'refugee\nx\u{1B}[2J'", hint: "did you mean\r\t'refugees'?")
        let text = DiagnosticFormatter.human(diagnostic)
        #expect(text == "content/a\\nb.md:3:11: error: unknown persons value 'refugee\\nx\\u{1B}[2J'\n    hint: did you mean\\r\\t'refugees'?")
        #expect(DiagnosticFormatter.human([diagnostic]).split(separator: "\n").count == 2)
    }

    @Test func aValueWithALineEndGivesOneLineInTheBuildsReport() {
        let site = TestSite(["content/a.md": page("title: A\npersons: [\"refugee\\nmigrant\"]")])
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.count == 1)
        #expect(DiagnosticFormatter.human(diagnostics).split(separator: "\n").count == 2)
        #expect(DiagnosticFormatter.json(diagnostics).contains("refugee\\nmigrant"))
    }

    @Test func aFileNameWithALineEndGivesOneLineInTheBuildsReport() {
        let site = TestSite(["content/a\nb.md": page("title: A\npersons: [refugee]")])
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics
        #expect(diagnostics.map(\.path) == ["content/a\nb.md"])
        let text = DiagnosticFormatter.human(diagnostics)
        #expect(text.hasPrefix("content/a\\nb.md:3:"), "\(text)")
        #expect(text.split(separator: "\n").count == 2, "one line and its hint: \(text)")
    }

    @Test func listHintsAreOneLine() {
        let (_, diagnostics) = ContentLoader.parse(Data(page("title: A\npersons: {a: b}").utf8), contentPath: "a.md", config: SiteConfig())
        #expect(diagnostics.first?.hint?.contains("\n") == false)
    }

    @Test func aRuleFindingShowsItsRuleTheLineAndTheMatchUnderlined() {
        var diagnostic = Diagnostic.error(SourceLocation(path: "content/a.md", line: 4, column: 8), "Write 'x' instead of 'illegal migrants'.",
                                          hint: "write 'x'", rule: "illegal-migrant")
        diagnostic.excerpt = "Some **illegal** migrants."
        diagnostic.length = 18
        #expect(DiagnosticFormatter.human(diagnostic) == """
        content/a.md:4:8: error [illegal-migrant]: Write 'x' instead of 'illegal migrants'.
            Some **illegal** migrants.
                   ^~~~~~~~~~~~~~~~~~
            hint: write 'x'
        """)
    }

    @Test func jsonHasEveryKeyWithNullForNoRule() throws {
        let json = DiagnosticFormatter.json([.warning(SourceLocation(path: "tandem.yaml", line: 2, column: 1), "m")])
        let object = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])?.first)
        #expect(Set(object.keys) == ["path", "line", "column", "severity", "rule", "message", "hint"])
        #expect(object["rule"] is NSNull)
        let decoded = try JSONDecoder().decode([Diagnostic].self, from: Data(json.utf8))
        #expect(decoded.first?.rule == nil && decoded.first?.message == "m")
    }

    @Test func infoIsBelowWarning() {
        #expect(Severity.info < .warning && Severity.warning < .error)
        #expect(min(Severity.error, .info) == .info)
    }
}
