import Testing
@testable import TandemCore

/// Who leads (2019 joint letter) and cooperation the text speaks of.
@Suite struct CooperationPolicyTests {
    @Test func aRefugeePageLedByIOMIsAWarningAtItsLeadLine() throws {
        let found = LintFixture.lint("Text.", frontMatter: "title: A page\njoint: true\nlead: IOM\npersons: [refugees, asylum-seekers]")
        let hit = try #require(found.first)
        #expect(found.rules == ["lead-mismatch"])
        #expect(hit.severity == .warning)
        #expect(hit.line == 4)
        #expect(hit.hint?.contains("`lead: UNHCR`") == true && hit.hint?.contains("co-led") == true)
    }

    @Test func aMigrantPageLedByUNHCRIsAWarning() {
        let found = LintFixture.lint("Text.", frontMatter: "title: A page\njoint: true\nlead: UNHCR\npersons: [migrants]")
        #expect(found.rules == ["lead-mismatch"])
        #expect(found.first?.hint?.contains("`lead: IOM`") == true)
    }

    @Test func leadsThatFitAreNoHit() {
        for (lead, persons) in [("UNHCR", "refugees"), ("IOM", "migrants"), ("co-led", "refugees, migrants"),
                                ("IOM", "refugees, migrants"), ("co-led", "refugees"), ("IOM", "idps")] {
            let matter = "title: A page\njoint: true\nlead: \(lead)\npersons: [\(persons)]"
            #expect(LintFixture.lint("Text.", frontMatter: matter).isEmpty, "\(lead) \(persons)")
        }
    }

    @Test func textSayingItWasJointOnAPageNotTaggedJointIsASuggestion() throws {
        for (text, path) in [("The survey was carried out jointly with IOM in March.", "news/a.md"),
                             ("A Joint IOM-UNHCR press release.", "news/a.md"),
                             ("L'enquête a été menée conjointement avec l'OIM.", "news/a.fr.md"),
                             ("El registro se hizo junto con ACNUR.", "news/a.es.md")] {
            let found = LintFixture.lint(text, contentPath: path)
            #expect(found.rules == ["joint-untagged"], "\(text)")
            #expect(found.first?.severity == .info)
        }
    }

    @Test func aJointPageOrOtherPartnersAreNoHit() {
        #expect(LintFixture.lint("Carried out jointly with IOM.", frontMatter: "title: A page\njoint: true\nlead: UNHCR").isEmpty)
        #expect(LintFixture.lint("Carried out jointly with the municipality.").isEmpty)
        #expect(LintFixture.lint("> It was done jointly with UNHCR, she recalled.").isEmpty)
        #expect(LintFixture.lint("Joint UNHCR–IOM information.", contentPath: "index.md").isEmpty)
    }
}
