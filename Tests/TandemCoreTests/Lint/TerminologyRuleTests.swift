import Testing
@testable import TandemCore

/// Each built-in rule of DOMAIN.md fires where it should, at the right level, and not on ordinary text.
@Suite struct TerminologyRuleTests {
    struct Fixture: CustomTestStringConvertible, Sendable {
        var rule: String
        var text: String
        var match: String
        var severity: Severity
        var language = "en"
        var frontMatter = "title: A page"
        var testDescription: String { rule }
    }

    static let fixtures: [Fixture] = [
        Fixture(rule: "illegal-migrant", text: "Boats carrying illegal migrants arrived.", match: "illegal migrants", severity: .error),
        Fixture(rule: "illegal-asylum", text: "They called them illegal asylum-seekers.", match: "illegal asylum-seekers", severity: .error),
        Fixture(rule: "illegal-entry", text: "The report counts each illegal crossing.", match: "illegal crossing", severity: .warning),
        Fixture(rule: "bogus-asylum", text: "Talk of bogus asylum seekers spread.", match: "bogus asylum seekers", severity: .error),
        Fixture(rule: "failed-asylum", text: "Support for failed asylum-seekers who return.", match: "failed asylum-seekers", severity: .warning),
        Fixture(rule: "climate-refugee", text: "The island has climate change refugees.", match: "climate change refugees", severity: .error),
        Fixture(rule: "economic-refugee", text: "So-called economic refugees were turned back.", match: "economic refugees", severity: .error),
        Fixture(rule: "economic-migrant", text: "Most were economic migrants.", match: "economic migrants", severity: .warning),
        Fixture(rule: "migrant-on-refugee-page", text: "The camp hosts 4,000 migrants.", match: "migrants", severity: .warning,
                frontMatter: "title: A page\npersons: [refugees]"),
        Fixture(rule: "mixed-flows", text: "Mixed migration flows through the Darién continue.", match: "Mixed migration flows", severity: .warning),
        Fixture(rule: "flood-metaphor", text: "Headlines spoke of a wave of migrants.", match: "wave of migrants", severity: .warning),
        Fixture(rule: "idp-refugee", text: "Help reached internally displaced refugees.", match: "internally displaced refugees", severity: .error),
        Fixture(rule: "idp-first-use", text: "IDPs were registered. Internally displaced people are counted monthly.", match: "IDPs", severity: .warning),
        Fixture(rule: "persons-of-concern", text: "All persons of concern were registered.", match: "persons of concern", severity: .warning),
        Fixture(rule: "unaccompanied-minors", text: "Twelve unaccompanied minors were placed in care.", match: "unaccompanied minors", severity: .info),
        Fixture(rule: "percent", text: "Some 45% were women.", match: "5%", severity: .info),
        Fixture(rule: "fr-illegal", text: "Des migrants illégaux, disait-on.", match: "migrants illégaux", severity: .error, language: "fr"),
        Fixture(rule: "es-illegal", text: "Los migrantes ilegales no existen.", match: "migrantes ilegales", severity: .error, language: "es"),
        Fixture(rule: "fr-es-climate", text: "On parle de réfugiés climatiques.", match: "réfugiés climatiques", severity: .error, language: "fr"),
    ]

    @Test(arguments: fixtures) func firesWhereItShould(_ fixture: Fixture) throws {
        let path = fixture.language == "en" ? "news/a.md" : "news/a.\(fixture.language).md"
        let found = LintFixture.lint(fixture.text, frontMatter: fixture.frontMatter, contentPath: path)
        let hit = try #require(found.first { $0.rule == fixture.rule }, "\(found)")
        #expect(hit.severity == fixture.severity)
        let column = fixture.text.distance(from: fixture.text.startIndex, to: fixture.text.range(of: fixture.match)!.lowerBound) + 1
        let bodyLine = 3 + fixture.frontMatter.split(separator: "\n").count
        #expect(hit.line == bodyLine && hit.column == column)
        #expect(hit.length == fixture.match.count)
        #expect(hit.message.contains(fixture.match))
        #expect(found.rules == [fixture.rule])
    }

    @Test func everyBuiltInRuleHasAFixture() {
        #expect(Set(Self.fixtures.map(\.rule)) == Set(LintFixture.builtIn.rules.map(\.id)))
        #expect(LintFixture.builtIn.rules.count == 19)
    }

    @Test func ordinaryTextIsNoHit() {
        let text = """
        Migrant workers and refugee-led organizations spoke about the illegality of pushbacks.
        Refugees and migrants crossed irregularly; asylum-seekers whose claims were rejected \
        were counselled. Sites for internally displaced people (IDPs) were full. \
        Three per cent of people displaced in the context of disasters and climate change.
        """
        #expect(LintFixture.lint(text, frontMatter: "title: A page\npersons: [refugees, migrants]").isEmpty)
    }

    @Test func aRuleForOneLanguageLooksOnlyAtThatLanguage() {
        #expect(LintFixture.lint("Los migrantes ilegales.", contentPath: "news/a.md").isEmpty)
        #expect(LintFixture.lint("The illegal migrants.", contentPath: "news/a.fr.md").isEmpty)
    }

    @Test func migrantsAreNoHitOnAPageAboutBothGroups() {
        #expect(LintFixture.lint("The camp hosts migrants.", frontMatter: "title: A page\npersons: [refugees, migrants]").isEmpty)
        #expect(LintFixture.lint("The camp hosts migrants.").isEmpty)
    }

    @Test func idpsAfterTheSpelledOutNameAreNoHit() {
        #expect(LintFixture.lint("Internally displaced people (IDPs) were counted. IDPs returned.").isEmpty)
    }

    @Test func aSubstitutionSuggestsTheWordingToUse() {
        let hit = LintFixture.lint("They are economic migrants.").first
        #expect(hit?.message == "Write 'migrants (or migrant workers)' instead of 'economic migrants'.")
        #expect(hit?.hint == "write 'migrants (or migrant workers)'")
    }
}
