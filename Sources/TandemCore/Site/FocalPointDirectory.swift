import Foundation

/// The focal points of a directory, grouped the way readers look for them:
/// by organisation (UNHCR, then IOM: one order site-wide), headquarters before
/// field, then by duty station in alphabetical order; names alphabetically
/// within a duty station. A focal point without a level counts as field.
struct FocalPointDirectory: Equatable {
    struct Station: Equatable {
        /// The duty station's city, nil when the record names none (listed last).
        var location: String?
        var focalPointIDs: [String]
    }

    struct LevelGroup: Equatable {
        var level: StaffLevel
        var stations: [Station]
    }

    struct AgencyGroup: Equatable {
        var agency: Agency
        var levels: [LevelGroup]
    }

    var agencies: [AgencyGroup]

    init(_ records: [FocalPointRecord]) {
        agencies = Agency.allCases.compactMap { agency in
            let own = records.filter { $0.agency == agency }
            let levels = StaffLevel.allCases.compactMap { level -> LevelGroup? in
                let members = own.filter { ($0.level ?? .field) == level }
                guard !members.isEmpty else { return nil }
                return LevelGroup(level: level, stations: Self.stations(of: members))
            }
            return levels.isEmpty ? nil : AgencyGroup(agency: agency, levels: levels)
        }
    }

    /// The same directory, keeping only the focal points that cover `topic`.
    init(_ records: [FocalPointRecord], topic: PersonsCategory) {
        self.init(records.filter { $0.topics.contains(topic) })
    }

    /// The persons categories at least one of `records` covers, in the order of the MOU.
    static func topics(of records: [FocalPointRecord]) -> [PersonsCategory] {
        PersonsCategory.allCases.filter { topic in records.contains { $0.topics.contains(topic) } }
    }

    private static func stations(of records: [FocalPointRecord]) -> [Station] {
        let byLocation = Dictionary(grouping: records) { $0.location }
        return byLocation.keys.sorted(by: locationOrder).map { location in
            Station(location: location, focalPointIDs: byLocation[location]!.sorted(by: nameOrder).map(\.id))
        }
    }

    /// Alphabetical, ignoring case and accents (Abéché before Bogotá before Geneva); no location last.
    private static func locationOrder(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case let (x?, y?): return alphabetical(x, y)
        case (.some, nil): return true
        default: return false
        }
    }

    private static func nameOrder(_ a: FocalPointRecord, _ b: FocalPointRecord) -> Bool {
        a.name == b.name ? a.id < b.id : alphabetical(a.name, b.name)
    }

    private static func alphabetical(_ a: String, _ b: String) -> Bool {
        let order = a.compare(b, options: [.caseInsensitive, .diacriticInsensitive])
        return order == .orderedSame ? a < b : order == .orderedAscending
    }
}

extension Section {
    /// The listing of `content/focal-points/`: the directory, not a list of pages.
    var isFocalPointDirectory: Bool { folder == ContentPath.focalPointsFolder }
}

extension SiteGraph {
    /// The focal points published in a section (those of a directory, in listing order).
    func focalPointRecords(of section: Section) -> [FocalPointRecord] {
        section.members.compactMap { pages[$0].source.focalPoint }
    }
}
