import Foundation
import Testing
@testable import TandemCore

/// A site's `lint/` folder adds and replaces rules; `tandem.yaml` turns rules off.
@Suite struct SiteRulesTests {
    static let oxymoron = """
    extends: existence
    message: "Avoid '%s'."
    level: warning
    ignorecase: true
    tokens:
      - 'refugee crisis'
    """

    func load(_ files: [String: String]) -> (RuleSet, [Diagnostic]) {
        let site = TestSite(files)
        defer { site.cleanUp() }
        return RuleSet.load(root: site.root, config: ConfigLoader.load(root: site.root).0)
    }

    @Test func aSiteRuleFileAddsARule() {
        let (rules, diagnostics) = load(["lint/refugee-crisis.yaml": Self.oxymoron])
        #expect(diagnostics.isEmpty)
        let found = LintFixture.lint("Europe's refugee crisis.", rules: rules)
        #expect(found.rules == ["refugee-crisis"])
        #expect(found.first?.message == "Avoid 'refugee crisis'.")
        #expect(rules.rules.first { $0.id == "refugee-crisis" }?.origin == "lint/refugee-crisis.yaml")
    }

    @Test func aSiteRuleFileReplacesTheBuiltInRuleOfTheSameId() {
        let (rules, _) = load(["lint/percent.yaml": "extends: existence\nmessage: \"'%s' is fine, but say per cent.\"\nlevel: error\ntokens: ['percentage']\n"])
        #expect(LintFixture.lint("Ten percent.", rules: rules).isEmpty)
        #expect(LintFixture.lint("A percentage.", rules: rules).map(\.severity) == [.error])
        #expect(rules.rules.count == 19)
    }

    @Test func tandemYAMLDisablesRules() {
        let (rules, diagnostics) = load(["tandem.yaml": "lint:\n  disable: [percent, link-text]\n"])
        #expect(diagnostics.isEmpty)
        #expect(LintFixture.lint("Ten percent, [here](a.md).", rules: rules).isEmpty)
        #expect(!rules.rules.contains { $0.id == "percent" })
    }

    @Test func disablingAnUnknownRuleIsAnError() {
        let (_, diagnostics) = load(["tandem.yaml": "lint:\n  disable: [precent]\n"])
        #expect(diagnostics.map(\.path) == ["tandem.yaml"])
        #expect(diagnostics.first?.line == 2)
        #expect(diagnostics.first?.hint == "did you mean 'percent'?")
    }

    @Test(arguments: [
        ("extends: existence\nmessage: x\nlevel: loud\ntokens: [a]\n", 3, "unknown level 'loud'"),
        ("extends: existence\nmessage: x\nlevel: warning\ntokens:\n  - 'ok'\n  - 'un(closed'\n", 6, "'un(closed' is not a regular expression Tandem can read"),
        ("extends: capitalization\nmessage: x\nlevel: warning\n", 1, "Tandem reads rules that extend existence, substitution or conditional, not 'capitalization'"),
        ("extends: substitution\nmessage: x\nlevel: warning\n", 1, "a substitution rule needs `swap:`, each pattern with the wording to use"),
        ("extends: existence\nmessage: x\nlevel: warning\ntokens: [a]\nscope: heading\n", 5, "unknown key 'scope' in a rule file"),
        ("extends: existence\nmessage: [x\n", 2, nil),
    ] as [(String, Int, String?)])
    func aMalformedRuleFileIsAnErrorAtItsLine(_ text: String, _ line: Int, _ message: String?) {
        let (rules, diagnostics) = load(["lint/bad.yaml": text])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.path == "lint/bad.yaml")
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.line == line)
        if let message { #expect(diagnostics.first?.message == message) }
        #expect(!rules.rules.contains { $0.id == "bad" })
    }

    @Test func everyBuiltInRuleFileIsListed() {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/TandemCore/Defaults/lint")
        let onDisk = ContentLoader.walk(folder).map { String($0.dropLast(".yaml".count)) }
        #expect(onDisk == BuiltInRules.files.map(\.id).sorted())
    }

    @Test func theBuiltInRulesLoadWithoutProblems() {
        let (rules, diagnostics) = load([:])
        #expect(diagnostics.isEmpty)
        #expect(rules.rules.count == BuiltInRules.files.count)
    }
}
