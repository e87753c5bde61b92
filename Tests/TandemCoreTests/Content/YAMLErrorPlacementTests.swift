import Foundation
import Testing
@testable import TandemCore

/// A YAML error points where the broken construct starts, and a key written
/// twice at its second occurrence: the places a person has to go to fix them.
@Suite struct YAMLErrorPlacementTests {
    private func diagnostics(_ text: String) -> [Diagnostic] {
        ContentLoader.parse(Data(text.utf8), contentPath: "a.md", config: SiteConfig()).1
    }

    @Test func anUnterminatedQuoteIsReportedAtTheLineThatOpensIt() {
        let found = diagnostics("---\ntitle: \"Joint registration\ndate: 2026-01-01\nsummary: Families came.\n---\nBody\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 2 && found.first?.column == 8)
        #expect(found.first?.message == "the quoted text that starts here is never closed")
    }

    @Test func anUnterminatedSingleQuoteInTandemYamlIsReportedWhereItOpens() {
        let (_, found) = ConfigLoader.parse("title: 'Joint\nbase_url: https://example.org/\nlanguages: [en]\n")
        #expect(found.map(\.line) == [1])
        #expect(found.first?.column == 8)
    }

    @Test func anUnclosedGroupIsReportedAtItsBrace() {
        let found = diagnostics("---\ntitle: A\nlint_allow: {rule: x\ndate: 2026-01-01\n---\n")
        #expect(found.first?.line == 3 && found.first?.column == 13)
        #expect(found.first?.message == "the group that starts here with `{` is not closed with `}`")
    }

    @Test func aKeyWrittenTwiceIsReportedAtItsSecondOccurrence() {
        let found = diagnostics("---\ntitle: A\ndate: 2026-01-01\ntitle: B\n---\nBody\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 4 && found.first?.column == 1)
        #expect(found.first?.message == "'title' is written twice")
        #expect(found.first?.hint == "keep one `title:` line; the first is on line 2")
    }

    @Test func aNestedKeyWrittenTwiceInAStringsFileIsReportedAtItsSecondOccurrence() {
        let file = TemplateFile(relativePath: "strings/en.yaml",
                                text: "footer: x\ncontacts:\n  heading: A\n  # a comment\n\n  intro: B\n  \"heading\": C\n", isBuiltIn: false)
        let found = StringsFile(file).diagnostics
        #expect(found.map(\.path) == ["templates/strings/en.yaml"])
        #expect(found.first?.line == 7 && found.first?.column == 3)
    }
}
