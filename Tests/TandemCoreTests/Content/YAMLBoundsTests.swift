import Foundation
import Testing
@testable import TandemCore

/// Nested aliases: `levels` lists of nine, each repeating the one before nine times.
private func aliasBomb(levels: Int, indent: String = "") -> String {
    var lines = [indent + "l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
    for level in 1..<levels {
        let previous = "*l\(level - 1)"
        lines.append(indent + "l\(level): &l\(level) [" + Array(repeating: previous, count: 9).joined(separator: ", ") + "]")
    }
    return lines.joined(separator: "\n") + "\n"
}

/// Every YAML Tandem reads has one bound on size and alias expansion: an
/// alias bomb is an error at its file, found fast, in bounded memory.
@Suite struct YAMLBoundsTests {
    @Test func anAliasBombInTheStringsIsAnErrorAtTheFile() {
        let site = TestSite([
            "content/a.md": page("title: A"),
            "templates/strings/en.yaml": "footer: Ours\n" + aliasBomb(levels: 7),
        ])
        defer { site.cleanUp() }
        let report = site.build()
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.path) == ["templates/strings/en.yaml"], "\(report.diagnostics)")
        #expect(errors.first?.message.contains("repeats itself too much") == true)
        #expect(errors.first?.line == 7)
    }

    @Test func anAliasBombInTandemYamlIsAnErrorAtTheFile() {
        let (_, diagnostics) = ConfigLoader.parse("title: Joint\n" + "lint:\n" + aliasBomb(levels: 7, indent: "  "))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.path == "tandem.yaml")
        #expect(diagnostics.first?.message.contains("repeats itself too much") == true)
    }

    @Test func anAliasBombUsedAsAKeyIsRefusedBeforeYamsHashesIt() {
        let text = "---\ntitle: A\n" + aliasBomb(levels: 7) + "? *l6\n: x\n---\nBody\n"
        let (page, diagnostics) = ContentLoader.parse(Data(text.utf8), contentPath: "a.md", config: SiteConfig())
        #expect(page == nil)
        #expect(diagnostics.map(\.message).contains { $0.contains("repeats itself too much") })
    }

    @Test func aBillionValuesAreRefusedAtOnce() {
        let started = Date()
        let result = YAMLDocument.parse(aliasBomb(levels: 12), path: "templates/strings/en.yaml", firstLine: 1)
        #expect(Date().timeIntervalSince(started) < 2)
        guard case .failure(let diagnostic) = result else { Issue.record("the bomb was read"); return }
        #expect(diagnostic.message.contains("repeats itself too much"))
    }

    @Test func aDocumentLargerThanAMegabyteIsRefused() {
        let text = "title: A\nsummary: " + String(repeating: "x", count: YAMLDocument.maxBytes) + "\n"
        guard case .failure(let diagnostic) = YAMLDocument.parse(text, path: "content/a.md", firstLine: 2) else {
            Issue.record("a huge document was read"); return
        }
        #expect(diagnostic.line == 2)
        #expect(diagnostic.message.contains("larger than 1 MB"))
    }

    @Test func aliasesWithinTheBoundAreCountedAsTheyExpand() throws {
        let plain = "a: &x [1, 2, 3, 4, 5]\nb: [*x, *x]\n"
        let tagged = "a: !!seq &x [1, 2, 3, 4, 5]\nb: [*x, *x]\n"
        let afterText = "t: é ü\na: &x [1, 2, 3, 4, 5]\nb: [*x, *x]\n"
        for text in [plain, tagged, afterText] {
            #expect(try YAMLExpansion.excess(in: text, limit: 15) != nil, "\(text)")
            #expect(try YAMLExpansion.excess(in: text, limit: 40) == nil, "\(text)")
        }
        #expect(try YAMLExpansion.excess(in: "a: 5 * 3\nb: \"*x\"\n", limit: 1) == nil)
    }

    @Test func ordinaryAnchorsAndAliasesStillWork() throws {
        let (config, diagnostics) = ConfigLoader.parse("languages: &langs [en, fr]\ndated_sections: [news]\ntitle: &t Joint\ndescription: *t\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.languages == ["en", "fr"])
        #expect(config.description == "Joint")
    }
}
