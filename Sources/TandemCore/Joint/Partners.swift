/// The two partner organisations as they are named in public information,
/// and their order on a joint page: the lead first; co-led pages keep one
/// order site-wide (UNHCR, then IOM).
enum Partners {
    struct Organisation {
        var agency: Agency
        var name: String
        var url: String
    }

    static let unhcr = Organisation(agency: .unhcr, name: "UNHCR, the UN Refugee Agency", url: "https://www.unhcr.org/")
    static let iom = Organisation(agency: .iom, name: "International Organization for Migration (IOM)", url: "https://www.iom.int/")

    static func organisation(_ agency: Agency) -> Organisation {
        agency == .iom ? iom : unhcr
    }

    static func ordered(for lead: Lead) -> [Organisation] {
        lead == .iom ? [iom, unhcr] : [unhcr, iom]
    }
}
