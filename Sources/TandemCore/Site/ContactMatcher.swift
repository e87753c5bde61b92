/// Chooses whom a page's contact block shows. A page's `focal_points` are
/// shown as they are; on a joint page, each partner organisation the page
/// names no one for gets its focal points that cover the page's countries and
/// persons categories, else its headquarters focal points. A joint page left
/// without a focal point of some partner is an error at its `joint:` line.
enum ContactMatcher {
    /// What a page asks of its contact block.
    struct Request {
        var joint: Bool
        var lead: Lead?
        var persons: [PersonsCategory]
        var countries: [String]
        var named: [String]
    }

    /// A partner organisation for which no focal point could be chosen.
    struct Shortfall: Equatable {
        var agency: Agency
        /// True when the organisation has focal points, just none that fits.
        var hasFocalPoints: Bool
    }

    /// The partner organisations in the order a page presents them: the lead
    /// first; co-led pages (and pages without a lead) in one order site-wide, UNHCR then IOM.
    static func agencyOrder(for lead: Lead?) -> [Agency] {
        Partners.ordered(for: lead ?? .coLed).map(\.agency)
    }

    /// The focal points prepared once for matching many pages: each agency's
    /// focal points in the order a contact block lists them (`closestFirst`),
    /// indexed by country, so that matching a page looks up positions and
    /// compares bit masks instead of copying and re-sorting whole records.
    struct Directory {
        /// One agency's focal points, by position in `closestFirst` order.
        struct Candidates {
            var ids: [String] = []
            /// The persons categories of each position, as a bit mask (see `mask(_:)`).
            var topics: [UInt32] = []
            /// The positions whose `countries` or `country` hold a code, ascending.
            var byCountry: [String: [Int]] = [:]
            /// The headquarters positions, ascending.
            var headquarters: [Int] = []
        }

        /// The agency of each focal point that has one, for the ids a page names.
        var agencyByID: [String: Agency]
        var candidates: [Agency: Candidates]

        /// `byID` answers for named ids (first record of an id when omitted); every record is a candidate.
        init(_ records: [FocalPointRecord], byID: [String: FocalPointRecord]? = nil) {
            let byID = byID ?? Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            agencyByID = byID.compactMapValues(\.agency)
            candidates = [:]
            for agency in Agency.allCases {
                let own = records.filter { $0.agency == agency }.sorted(by: ContactMatcher.closestFirst)
                var entry = Candidates()
                for (position, record) in own.enumerated() {
                    entry.ids.append(record.id)
                    entry.topics.append(ContactMatcher.mask(record.topics))
                    for code in Set(record.countries + (record.country.map { [$0] } ?? [])) {
                        entry.byCountry[code, default: []].append(position)
                    }
                    if record.level == .headquarters { entry.headquarters.append(position) }
                }
                candidates[agency] = entry
            }
        }
    }

    /// The contact groups of one page, in the agency order, and the partners left without anyone.
    /// `byID` indexes `focalPoints`; callers matching many pages build a `Directory` once instead.
    static func match(_ request: Request, focalPoints: [FocalPointRecord],
                      byID: [String: FocalPointRecord]? = nil) -> (groups: [ContactGroup], shortfalls: [Shortfall]) {
        match(request, in: Directory(focalPoints, byID: byID))
    }

    /// The contact groups of one page, choosing among a directory's focal points.
    static func match(_ request: Request, in directory: Directory) -> (groups: [ContactGroup], shortfalls: [Shortfall]) {
        var groups: [ContactGroup] = []
        var shortfalls: [Shortfall] = []
        for agency in agencyOrder(for: request.lead) {
            var named: [String] = []
            for id in request.named where directory.agencyByID[id] == agency && !named.contains(id) { named.append(id) }
            if !named.isEmpty {
                groups.append(ContactGroup(agency: agency, focalPointIDs: named, reason: .named))
                continue
            }
            guard request.joint else { continue }
            let own = directory.candidates[agency] ?? Directory.Candidates()
            if let group = bestMatch(request, among: own, agency: agency) {
                groups.append(group)
            } else {
                shortfalls.append(Shortfall(agency: agency, hasFocalPoints: !own.ids.isEmpty))
            }
        }
        return (groups, shortfalls)
    }

    /// The most specific non-empty tier: country and topic, country, headquarters and topic, headquarters.
    /// Positions are in `closestFirst` order, so each tier keeps them ascending.
    private static func bestMatch(_ request: Request, among own: Directory.Candidates, agency: Agency) -> ContactGroup? {
        let persons = mask(request.persons)
        var covering = Set<Int>()
        for code in Set(request.countries) { covering.formUnion(own.byCountry[code] ?? []) }
        let country = covering.sorted()
        func sharesTopic(_ position: Int) -> Bool { own.topics[position] & persons != 0 }
        let tiers: [(ContactGroup.Reason, [Int])] = [
            (.countryAndTopic, country.filter(sharesTopic)),
            (.country, country),
            (.headquartersAndTopic, own.headquarters.filter(sharesTopic)),
            (.headquarters, own.headquarters),
        ]
        for (reason, chosen) in tiers where !chosen.isEmpty {
            return ContactGroup(agency: agency, focalPointIDs: chosen.map { own.ids[$0] }, reason: reason)
        }
        return nil
    }

    /// Persons categories as a bit mask, one bit per case: two sets share a category when their masks do.
    static func mask(_ categories: [PersonsCategory]) -> UInt32 {
        categories.reduce(0) { bits, category in
            bits | 1 << UInt32(PersonsCategory.allCases.firstIndex(of: category)!)
        }
    }

    /// Field focal points before headquarters (they are closer to the story), then by duty station and name.
    private static func closestFirst(_ a: FocalPointRecord, _ b: FocalPointRecord) -> Bool {
        let (fieldA, fieldB) = (a.level != .headquarters, b.level != .headquarters)
        if fieldA != fieldB { return fieldA }
        return (a.location ?? "", a.name, a.id) < (b.location ?? "", b.name, b.id)
    }

    /// Chooses the contacts of every content page and reports joint pages left
    /// without a focal point of some partner organisation.
    static func attach(to pages: inout [Page], focalPoints: [String: FocalPointRecord]) -> [Diagnostic] {
        let directory = Directory(focalPoints.values.sorted { $0.id < $1.id }, byID: focalPoints)
        var diagnostics: [Diagnostic] = []
        for index in pages.indices where pages[index].source.kind == .page {
            let (request, place) = request(of: pages[index])
            let (groups, shortfalls) = match(request, in: directory)
            pages[index].contacts = groups
            diagnostics += shortfalls.map { diagnostic($0, at: place, countries: request.countries) }
        }
        return diagnostics
    }

    /// What a page asks of its contact block, and where a shortfall is reported.
    /// Reads the borrowed page rather than copying its front matter.
    private static func request(of page: Page) -> (Request, SourceLocation) {
        let matter = page.source.frontMatter
        let request = Request(joint: matter.joint, lead: matter.lead?.value, persons: matter.persons,
                              countries: matter.countries.map(\.value), named: matter.focalPoints.map(\.value))
        return (request, matter.jointLocation ?? SourceLocation(path: page.source.path, line: 1, column: 1))
    }

    private static func diagnostic(_ shortfall: Shortfall, at place: SourceLocation, countries: [String]) -> Diagnostic {
        let agency = shortfall.agency.rawValue
        guard shortfall.hasFocalPoints else {
            return .error(place, "this joint page has no \(agency) focal point to show: content/focal-points/ has none with `agency: \(agency)`",
                          hint: "add a focal point of \(agency) (one with `level: headquarters` serves every joint page), or name one in `focal_points:`")
        }
        let covered = countries.isEmpty ? "the page names no countries" : "none covers \(countries.joined(separator: ", "))"
        return .error(place, "this joint page has no \(agency) focal point to show: none is named, \(covered), and \(agency) has no headquarters focal point",
                      hint: "name one in `focal_points:`, add the page's country to the `countries:` of one of \(agency)'s focal points, or give one `level: headquarters`")
    }
}
