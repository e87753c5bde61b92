import Testing
@testable import TandemCore

/// A focal-point record made in code.
private func focalPoint(_ id: String, _ agency: Agency, _ level: StaffLevel, in location: String, _ country: String,
                        covers countries: [String] = [], topics: [PersonsCategory]) -> FocalPointRecord {
    var record = FocalPointRecord(id: id, name: id, body: "", bodyFirstLine: 1, path: "content/focal-points/\(id).md")
    record.agency = agency
    record.level = level
    record.location = location
    record.country = country
    record.countries = countries
    record.topics = topics
    return record
}

private let records = [
    focalPoint("unhcr-geneva", .unhcr, .headquarters, in: "Geneva", "CH", covers: ["AF", "PK", "CD"], topics: [.refugees, .asylumSeekers]),
    focalPoint("unhcr-goma", .unhcr, .field, in: "Goma", "CD", topics: [.idps, .refugees]),
    focalPoint("iom-geneva", .iom, .headquarters, in: "Geneva", "CH", topics: [.migrants]),
    focalPoint("iom-goma", .iom, .field, in: "Goma", "CD", topics: [.idps]),
    focalPoint("iom-tripoli", .iom, .field, in: "Tripoli", "LY", topics: [.migrants]),
    focalPoint("iom-panama", .iom, .field, in: "Panama City", "PA", covers: ["CO"], topics: [.migrants, .refugees]),
]

private func request(lead: Lead? = .unhcr, joint: Bool = true, persons: [PersonsCategory] = [], countries: [String] = [],
                     named: [String] = []) -> ContactMatcher.Request {
    ContactMatcher.Request(joint: joint, lead: joint ? lead : nil, persons: persons, countries: countries, named: named)
}

@Suite struct ContactMatcherTests {
    @Test func namedFocalPointsAreShownAsTheyAreWithTheLeadFirst() {
        let (groups, shortfalls) = ContactMatcher.match(request(lead: .iom, named: ["unhcr-goma", "iom-goma", "iom-tripoli"]),
                                                        focalPoints: records)
        #expect(groups == [ContactGroup(agency: .iom, focalPointIDs: ["iom-goma", "iom-tripoli"], reason: .named),
                           ContactGroup(agency: .unhcr, focalPointIDs: ["unhcr-goma"], reason: .named)])
        #expect(shortfalls.isEmpty)
    }

    @Test func coLedPagesListUNHCRThenIOM() {
        #expect(ContactMatcher.agencyOrder(for: .coLed) == [.unhcr, .iom])
        #expect(ContactMatcher.agencyOrder(for: .unhcr) == [.unhcr, .iom])
        #expect(ContactMatcher.agencyOrder(for: .iom) == [.iom, .unhcr])
    }

    @Test func aPartnerNamedByNoOneIsMatchedByCountryAndTopic() {
        let (groups, _) = ContactMatcher.match(request(persons: [.idps], countries: ["CD"], named: ["unhcr-goma"]), focalPoints: records)
        #expect(groups.last == ContactGroup(agency: .iom, focalPointIDs: ["iom-goma"], reason: .countryAndTopic))
    }

    @Test func theDutyStationsCountryAndTheCountriesCoveredBothCount() {
        let panama = ContactMatcher.match(request(persons: [.migrants], countries: ["PA"]), focalPoints: records).groups
        let colombia = ContactMatcher.match(request(persons: [.migrants], countries: ["CO"]), focalPoints: records).groups
        #expect(panama.last?.focalPointIDs == ["iom-panama"] && colombia.last?.focalPointIDs == ["iom-panama"])
    }

    @Test func fieldFocalPointsComeBeforeHeadquartersOnesThatCoverTheSameCountry() {
        let (groups, _) = ContactMatcher.match(request(persons: [.refugees], countries: ["CD"]), focalPoints: records)
        #expect(groups.first == ContactGroup(agency: .unhcr, focalPointIDs: ["unhcr-goma", "unhcr-geneva"], reason: .countryAndTopic))
    }

    @Test func aCountryMatchWithoutACommonTopicStillBeatsHeadquarters() {
        let (groups, _) = ContactMatcher.match(request(persons: [.returnees], countries: ["LY"]), focalPoints: records)
        #expect(groups.last == ContactGroup(agency: .iom, focalPointIDs: ["iom-tripoli"], reason: .country))
    }

    @Test func withoutACountryMatchHeadquartersTakeOverPreferringACommonTopic() {
        let (groups, shortfalls) = ContactMatcher.match(request(persons: [.migrants], countries: ["SD"]), focalPoints: records)
        #expect(groups == [ContactGroup(agency: .unhcr, focalPointIDs: ["unhcr-geneva"], reason: .headquarters),
                           ContactGroup(agency: .iom, focalPointIDs: ["iom-geneva"], reason: .headquartersAndTopic)])
        #expect(shortfalls.isEmpty)
    }

    @Test func anUnknownNamedIDIsSkippedAndThePartnerMatched() {
        let (groups, _) = ContactMatcher.match(request(countries: ["LY"], named: ["nobody"]), focalPoints: records)
        #expect(groups.map(\.reason) == [.headquarters, .country])
    }

    @Test func aPartnerWithoutAnyFocalPointIsAShortfall() {
        let unhcrOnly = records.filter { $0.agency == .unhcr }
        let (groups, shortfalls) = ContactMatcher.match(request(countries: ["CD"]), focalPoints: unhcrOnly)
        #expect(groups.map(\.agency) == [.unhcr])
        #expect(shortfalls == [ContactMatcher.Shortfall(agency: .iom, hasFocalPoints: false)])
    }

    @Test func aPartnerWhoseOnlyFocalPointsAreInTheFieldElsewhereIsAShortfall() {
        let fieldOnly = records.filter { $0.level == .field }
        let (_, shortfalls) = ContactMatcher.match(request(persons: [.refugees], countries: ["AF"]), focalPoints: fieldOnly)
        #expect(shortfalls == [ContactMatcher.Shortfall(agency: .unhcr, hasFocalPoints: true),
                               ContactMatcher.Shortfall(agency: .iom, hasFocalPoints: true)])
    }

    @Test func aPageThatIsNotJointShowsOnlyWhomItNames() {
        #expect(ContactMatcher.match(request(joint: false, countries: ["LY"]), focalPoints: records) == ([], []))
        let (groups, _) = ContactMatcher.match(request(joint: false, named: ["iom-tripoli"]), focalPoints: records)
        #expect(groups == [ContactGroup(agency: .iom, focalPointIDs: ["iom-tripoli"], reason: .named)])
    }

    @Test func aJointPageWithNoFocalPointOfAPartnerIsAnErrorAtItsJointLine() {
        let site = TestSite([
            "content/focal-points/unhcr-press.md": headquartersFocalPoints["content/focal-points/unhcr-press.md"]!,
            "content/news/2026/a.md": page("title: A\ndate: 2026-01-01\njoint: true\nlead: co-led\ncountries: [SD]"),
        ])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.published)
        let diagnostics = report.diagnostics.about("content/news/2026/a.md")
        #expect(diagnostics.map(\.message) == ["this joint page has no IOM focal point to show: content/focal-points/ has none with `agency: IOM`"])
        #expect(diagnostics.first?.line == 4 && diagnostics.first?.column == 1)
        #expect(diagnostics.first?.hint?.contains("level: headquarters") == true)
    }

    @Test func aJointPageNoFieldFocalPointCoversIsAnErrorNamingItsCountries() {
        let site = TestSite([
            "content/focal-points/unhcr-press.md": headquartersFocalPoints["content/focal-points/unhcr-press.md"]!,
            "content/focal-points/iom-tripoli.md": page("name: T\nagency: IOM\nlevel: field\ncountry: LY\nemail: t@iom.example.org"),
            "content/news/2026/a.md": page("title: A\ndate: 2026-01-01\ncountries: [SD, TD]\njoint: true\nlead: IOM"),
        ])
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics.about("content/news/2026/a.md")
        #expect(diagnostics.map(\.message) == ["this joint page has no IOM focal point to show: none is named, none covers SD, TD, and IOM has no headquarters focal point"])
        #expect(diagnostics.first?.line == 5)
    }
}

@Suite struct ContactMatcherDirectoryTests {
    @Test func severalCountriesJoinTheirFocalPointsClosestFirst() {
        let (groups, shortfalls) = ContactMatcher.match(request(lead: .iom, persons: [.migrants], countries: ["LY", "CO", "LY"]),
                                                        focalPoints: records)
        #expect(groups == [ContactGroup(agency: .iom, focalPointIDs: ["iom-panama", "iom-tripoli"], reason: .countryAndTopic),
                           ContactGroup(agency: .unhcr, focalPointIDs: ["unhcr-geneva"], reason: .headquarters)])
        #expect(shortfalls.isEmpty)
    }

    @Test func oneDirectoryServesManyPagesAsMatchingEachAlone() {
        let directory = ContactMatcher.Directory(records)
        let requests = [request(persons: [.refugees], countries: ["CD"]), request(lead: .iom, countries: ["PA", "CH"]),
                        request(persons: [.idps]), request(joint: false, named: ["iom-goma", "nobody", "iom-goma"])]
        for each in requests {
            #expect(ContactMatcher.match(each, in: directory) == ContactMatcher.match(each, focalPoints: records))
        }
    }
}
