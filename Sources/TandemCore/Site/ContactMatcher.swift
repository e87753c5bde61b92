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

    /// The contact groups of one page, in the agency order, and the partners left without anyone.
    /// `byID` indexes `focalPoints`; callers matching many pages build it once.
    static func match(_ request: Request, focalPoints: [FocalPointRecord],
                      byID: [String: FocalPointRecord]? = nil) -> (groups: [ContactGroup], shortfalls: [Shortfall]) {
        let byID = byID ?? Dictionary(focalPoints.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var groups: [ContactGroup] = []
        var shortfalls: [Shortfall] = []
        for agency in agencyOrder(for: request.lead) {
            var named: [String] = []
            for id in request.named where byID[id]?.agency == agency && !named.contains(id) { named.append(id) }
            if !named.isEmpty {
                groups.append(ContactGroup(agency: agency, focalPointIDs: named, reason: .named))
                continue
            }
            guard request.joint else { continue }
            let own = focalPoints.filter { $0.agency == agency }
            if let group = bestMatch(request, among: own, agency: agency) {
                groups.append(group)
            } else {
                shortfalls.append(Shortfall(agency: agency, hasFocalPoints: !own.isEmpty))
            }
        }
        return (groups, shortfalls)
    }

    /// The most specific non-empty tier: country and topic, country, headquarters and topic, headquarters.
    private static func bestMatch(_ request: Request, among records: [FocalPointRecord], agency: Agency) -> ContactGroup? {
        let countries = Set(request.countries), persons = Set(request.persons)
        func coversCountry(_ record: FocalPointRecord) -> Bool {
            !countries.isDisjoint(with: record.countries + (record.country.map { [$0] } ?? []))
        }
        func sharesTopic(_ record: FocalPointRecord) -> Bool { !persons.isDisjoint(with: record.topics) }
        func isHeadquarters(_ record: FocalPointRecord) -> Bool { record.level == .headquarters }
        let tiers: [(ContactGroup.Reason, (FocalPointRecord) -> Bool)] = [
            (.countryAndTopic, { coversCountry($0) && sharesTopic($0) }),
            (.country, coversCountry),
            (.headquartersAndTopic, { isHeadquarters($0) && sharesTopic($0) }),
            (.headquarters, isHeadquarters),
        ]
        for (reason, fits) in tiers {
            let chosen = records.filter(fits).sorted(by: closestFirst)
            if !chosen.isEmpty { return ContactGroup(agency: agency, focalPointIDs: chosen.map(\.id), reason: reason) }
        }
        return nil
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
        let records = focalPoints.values.sorted { $0.id < $1.id }
        var diagnostics: [Diagnostic] = []
        for index in pages.indices where pages[index].source.kind == .page {
            let matter = pages[index].frontMatter
            let request = Request(joint: matter.joint, lead: matter.lead?.value, persons: matter.persons,
                                  countries: matter.countries.map(\.value), named: matter.focalPoints.map(\.value))
            let (groups, shortfalls) = match(request, focalPoints: records, byID: focalPoints)
            pages[index].contacts = groups
            let place = matter.jointLocation ?? SourceLocation(path: pages[index].source.path, line: 1, column: 1)
            diagnostics += shortfalls.map { diagnostic($0, at: place, countries: request.countries) }
        }
        return diagnostics
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
