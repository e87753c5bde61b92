/// The persons of concern named in para 4 of the 1997 MOU, as front matter writes them.
public enum PersonsCategory: String, Sendable, CaseIterable, Codable {
    case refugees
    case migrants
    case asylumSeekers = "asylum-seekers"
    case rejectedAsylumSeekers = "rejected-asylum-seekers"
    case returnees
    case idps
    case localPopulations = "local-populations"
}

/// The types of cooperative activity of section IV of the MOU.
public enum Activity: String, Sendable, CaseIterable, Codable {
    case prevention
    case contingencyPlanning = "contingency-planning"
    case capacityBuilding = "capacity-building"
    case idpCooperation = "idp-cooperation"
    case inCountryProcessing = "in-country-processing"
    case rejectedAsylumSeekers = "rejected-asylum-seekers"
    case voluntaryRepatriation = "voluntary-repatriation"
    case reintegration
    case resettlement
    case information
}

/// Who leads a joint activity (the 2019 joint letter): refugee movements
/// UNHCR, migrant caseloads IOM, mixed movements both.
public enum Lead: String, Sendable, CaseIterable, Codable {
    case unhcr = "UNHCR"
    case iom = "IOM"
    case coLed = "co-led"

    /// The key of this lead's wording in the templates' strings.
    public var stringKey: String {
        switch self {
        case .unhcr: "unhcr"
        case .iom: "iom"
        case .coLed: "co_led"
        }
    }
}

/// The two partner organisations.
public enum Agency: String, Sendable, CaseIterable, Codable {
    case unhcr = "UNHCR"
    case iom = "IOM"
}

/// Where a focal point sits.
public enum StaffLevel: String, Sendable, CaseIterable, Codable {
    case headquarters
    case field
}
