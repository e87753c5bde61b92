import Testing
@testable import TandemCore

private func record(_ id: String, _ name: String, _ agency: Agency, _ level: StaffLevel?, _ location: String?,
                    topics: [PersonsCategory] = []) -> FocalPointRecord {
    var record = FocalPointRecord(id: id, name: name, body: "", bodyFirstLine: 1, path: "content/focal-points/\(id).md")
    record.agency = agency
    record.level = level
    record.location = location
    record.topics = topics
    return record
}

@Suite struct FocalPointDirectoryTests {
    let records = [
        record("iom-tripoli", "Salma", .iom, .field, "Tripoli", topics: [.migrants]),
        record("unhcr-goma", "Aline", .unhcr, .field, "Goma", topics: [.idps]),
        record("iom-geneva", "Rafael", .iom, .headquarters, "Geneva", topics: [.migrants, .idps]),
        record("unhcr-bogota", "Lucía", .unhcr, .field, "Bogotá"),
        record("unhcr-abeche-2", "Zeinab", .unhcr, .field, "Abéché"),
        record("unhcr-abeche-1", "Mariam", .unhcr, .field, "Abéché"),
        record("unhcr-geneva", "Hélène", .unhcr, .headquarters, "Geneva"),
        record("unhcr-nowhere", "Amina", .unhcr, nil, nil),
    ]

    @Test func groupsByAgencyThenHeadquartersBeforeFieldThenDutyStation() {
        let directory = FocalPointDirectory(records)
        #expect(directory.agencies.map(\.agency) == [.unhcr, .iom])
        let unhcr = directory.agencies[0]
        #expect(unhcr.levels.map(\.level) == [.headquarters, .field])
        #expect(unhcr.levels[1].stations.map(\.location) == ["Abéché", "Bogotá", "Goma", nil])
        let flat = directory.agencies.flatMap { $0.levels.flatMap { $0.stations.flatMap(\.focalPointIDs) } }
        #expect(flat == ["unhcr-geneva", "unhcr-abeche-1", "unhcr-abeche-2", "unhcr-bogota", "unhcr-goma", "unhcr-nowhere",
                         "iom-geneva", "iom-tripoli"])
    }

    @Test func aTopicListingKeepsOnlyTheFocalPointsOfThatTopic() {
        let directory = FocalPointDirectory(records, topic: .idps)
        let flat = directory.agencies.flatMap { $0.levels.flatMap { $0.stations.flatMap(\.focalPointIDs) } }
        #expect(flat == ["unhcr-goma", "iom-geneva"])
        #expect(FocalPointDirectory.topics(of: records) == [.migrants, .idps])
    }

    @Test func anOrganisationWithoutFocalPointsHasNoGroup() {
        #expect(FocalPointDirectory(records.filter { $0.agency == .iom }).agencies.map(\.agency) == [.iom])
        #expect(FocalPointDirectory([]).agencies.isEmpty)
    }
}
