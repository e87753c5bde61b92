import Foundation
import Testing
@testable import TandemCore
import Yams

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

    /// libyaml reads runs of plain ASCII without decoding them (Yams fork); the
    /// characters YAML forbids are still refused wherever they stand after a
    /// run, and text in other scripts after a run reads as written.
    @Test func aControlCharacterAfterPlainTextIsRefusedAndOtherScriptsReadAsWritten() throws {
        guard case .failure(let refused) = YAMLDocument.parse("title: Joint\u{7} registration\n", path: "a.yaml", firstLine: 1) else {
            Issue.record("a control character was read")
            return
        }
        #expect(refused.message == "cannot read the YAML: control characters are not allowed")
        let text = "Registration à Adré — التسجيل\u{1F30D}"
        let node = try YAMLDocument.parse("title: \(text)\nnext: plain\n", path: "a.yaml", firstLine: 1).get()
        #expect(node?["title"]?.string == text)
        #expect(node?["next"]?.string == "plain")
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

    /// Yams fork (Vendor/Yams/FORK.md): keys that are all scalars with different texts are
    /// passed without grouping; anything else still goes through the full comparison.
    @Test func keysAreComparedAsYAMLDoesWhetherScalarsOrNot() throws {
        // The same text quoted and plain is the same key.
        #expect(diagnostics("---\ntitle: A\n\"title\": B\n---\n").map(\.message) == ["'title' is written twice"])
        // Keys that are lists: equal lists are one key written twice, different ones are not.
        func composed(_ yaml: String) -> Result<Node?, Diagnostic> { YAMLDocument.parse(yaml, path: "a.yaml", firstLine: 1) }
        guard case .failure(let twice) = composed("? [a, b]\n: 1\n? [a, b]\n: 2\n") else {
            Issue.record("a list key written twice was accepted")
            return
        }
        #expect(twice.message.contains("written twice"))
        guard case .success(let node?) = composed("? [a, b]\n: 1\n? [a, c]\n: 2\nz: 3\n") else {
            Issue.record("different list keys were refused")
            return
        }
        #expect(node.mapping?.count == 3)
        // A scalar key beside a list key with the same text inside is no duplicate either.
        guard case .success(let mixed?) = composed("a: 1\n? [a]\n: 2\n") else {
            Issue.record("a scalar key and a list key were refused")
            return
        }
        #expect(mixed.mapping?.count == 2)
    }

    @Test func aNestedKeyWrittenTwiceInAStringsFileIsReportedAtItsSecondOccurrence() {
        let file = TemplateFile(relativePath: "strings/en.yaml",
                                text: "footer: x\ncontacts:\n  heading: A\n  # a comment\n\n  intro: B\n  \"heading\": C\n", isBuiltIn: false)
        let found = StringsFile(file).diagnostics
        #expect(found.map(\.path) == ["templates/strings/en.yaml"])
        #expect(found.first?.line == 7 && found.first?.column == 3)
    }
}
