import Foundation
import Testing
@testable import TandemCore

/// A strings file's keys are checked against the built-in strings and the
/// keys the templates use: a misspelt key is a warning with the key it was meant to be.
@Suite struct StringsKeyTests {
    @Test func unknownKeysInAStringsFileAreWarningsWithTheNearestKey() {
        let site = TestSite([
            "content/a.md": page("title: A"),
            "templates/strings/en.yaml": "foter: Our footer\ncontacts:\n  heding: Press\n  intro: Write to us\n",
        ])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.published)
        let warnings = report.diagnostics.about("templates/strings/en.yaml")
        #expect(warnings.map(\.severity) == [.warning, .warning])
        #expect(warnings.map(\.message) == ["unknown key 'foter' in the strings", "unknown key 'contacts.heding' in the strings"])
        #expect(warnings.map(\.hint) == ["did you mean 'footer'?", "did you mean 'contacts.heading'?"])
        #expect(warnings.map(\.line) == [1, 3])
        #expect(warnings.last?.column == 3)
    }

    @Test func keysTheSitesTemplatesUseAndLanguageNamesAreKnown() throws {
        let site = TestSite([
            "content/a.md": page("title: A"),
            "templates/partials/site-footer.mustache": "<footer>{{strings.donate.label}}</footer>",
            "templates/strings/en.yaml": "donate:\n  label: Give\nlanguage_names:\n  xx: Examplish\n",
        ])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(try #require(site.published("a/index.html")).contains("<footer>Give</footer>"))
    }
}
