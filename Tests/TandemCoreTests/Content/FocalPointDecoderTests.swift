import Foundation
import Testing
@testable import TandemCore

/// Parses `text` as the focal-point file `content/focal-points/<id>.md`.
private func parseFocalPoint(_ text: String, id: String = "amina-haddad") -> (FocalPointRecord?, [Diagnostic]) {
    let (page, diagnostics) = ContentLoader.parse(Data(text.utf8), contentPath: "focal-points/\(id).md", config: SiteConfig())
    return (page?.focalPoint, diagnostics)
}

@Suite struct FocalPointDecoderTests {
    @Test func decodesEveryFieldOfARecord() throws {
        let (record, diagnostics) = parseFocalPoint("""
        ---
        name: Lucía Montalvo Reyes
        family_name: Montalvo Reyes
        agency: UNHCR
        title: Communications Officer
        location: Bogotá
        country: co
        level: field
        email: lucia.montalvo@unhcr.example.org
        phone: "+57 601 555 0120"
        mobile: +57 310 555 0121
        languages: [es, en, pt-BR, es-419]
        topics: [refugees, asylum-seekers]
        countries: [CO, ve]
        reviewed_on: 2026-09-14
        ---
        Lucía handles media relations.
        """, id: "lucia-montalvo")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let focalPoint = try #require(record)
        #expect(focalPoint.id == "lucia-montalvo" && focalPoint.name == "Lucía Montalvo Reyes")
        #expect(focalPoint.familyName == "Montalvo Reyes")
        #expect(focalPoint.agency == .unhcr && focalPoint.level == .field)
        #expect(focalPoint.country == "CO" && focalPoint.countries == ["CO", "VE"])
        #expect(focalPoint.phone == "+57 601 555 0120" && focalPoint.mobile == "+57 310 555 0121")
        #expect(focalPoint.languages == ["es", "en", "pt-BR", "es-419"])
        #expect(focalPoint.topics == [.refugees, .asylumSeekers])
        #expect(focalPoint.reviewedOn?.value.isoDay == "2026-09-14" && focalPoint.reviewedOn?.location.line == 15)
    }

    @Test func nameAgencyAndEmailAreRequired() {
        let (_, diagnostics) = parseFocalPoint("---\ntitle: Officer\n---\nBio.\n")
        #expect(Set(diagnostics.map(\.message)) == ["missing required key 'name'", "missing required key 'agency'",
                                                     "missing required key 'email'"])
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.path == "content/focal-points/amina-haddad.md" })
    }

    @Test func invalidContactDetailsAreErrorsAtTheirLines() {
        let (_, diagnostics) = parseFocalPoint("""
        ---
        name: Amina Haddad
        agency: UNHCR
        email: amina.haddad@unhcr
        phone: 022 739 81 11
        mobile: "+41 (0)79 555 0143"
        ---
        Bio.
        """)
        let byLine = Dictionary(grouping: diagnostics, by: \.line)
        #expect(diagnostics.count == 3)
        #expect(byLine[4]?.first?.message == "'amina.haddad@unhcr' is not an e-mail address")
        #expect(byLine[5]?.first?.message == "'phone' is not a phone number in international format: '022 739 81 11'")
        #expect(byLine[6]?.first?.hint == "leave out the (0), which callers from abroad do not dial: `mobile: +41 79 555 0143`")
        #expect(byLine[5]?.first?.column == 8)
    }

    @Test func aMailtoLinkInEmailIsAnErrorThatSaysWhatToWrite() {
        let (_, diagnostics) = parseFocalPoint("---\nname: A\nagency: IOM\nemail: mailto:a@iom.example.org\n---\n")
        #expect(diagnostics.first?.hint == "write the address alone: `email: a@iom.example.org`; Tandem makes the mailto: link")
    }

    @Test func phonesWithALeadingDoubleZeroSuggestThePlusForm() {
        let (_, diagnostics) = parseFocalPoint("---\nname: A\nagency: IOM\nemail: a@iom.example.org\nphone: 0041 22 555 0101\n---\n")
        #expect(diagnostics.first?.hint == "write `+` instead of the leading 00: `phone: +41 22 555 0101`")
    }

    @Test func unknownAgencyLevelTopicAndLanguageAreErrorsWithSuggestions() {
        let (_, diagnostics) = parseFocalPoint("""
        ---
        name: Amina Haddad
        agency: UNCHR
        email: amina@unhcr.example.org
        level: feld
        languages: [en, FR, english]
        topics: [refugees, migrant]
        country: UK
        countries: [SDN]
        ---
        Bio.
        """)
        let found = diagnostics.map { "\($0.line): \($0.message) / \($0.hint ?? "")" }
        #expect(found == [
            "3: unknown agency 'UNCHR' / did you mean 'UNHCR'?",
            "8: 'UK' is not an ISO 3166-1 alpha-2 country code / did you mean 'GB'?",
            "5: unknown level 'feld' / did you mean 'field'?",
            "6: 'FR' is not a language code / did you mean 'fr'?",
            "6: 'english' is not a language code / write a language code of 2 or 3 lowercase letters, optionally with a region: `en`, `fr`, `pt-BR`",
            "7: unknown topics value 'migrant' / did you mean 'migrants'?",
            "9: 'SDN' is not an ISO 3166-1 alpha-2 country code / did you mean 'SD'?",
        ])
    }

    @Test func anUnknownKeySuggestsTheNearest() {
        let (_, diagnostics) = parseFocalPoint("---\nname: A\nagency: IOM\nemail: a@iom.example.org\nphone_number: +41 22 555 0101\n---\n")
        #expect(diagnostics.map(\.message) == ["unknown key 'phone_number' in a focal point's front matter"])
        #expect(diagnostics.first?.line == 5)
    }
}
