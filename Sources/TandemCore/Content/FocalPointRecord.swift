/// A focal point for public information (MOU para 35): one file in
/// `content/focal-points/`, named by its id.
public struct FocalPointRecord: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// The part of the name an address book sorts by; default: its last word.
    public var familyName: String?
    public var agency: Agency?
    /// The job title.
    public var title: String?
    /// The duty station (a city).
    public var location: String?
    /// ISO 3166-1 alpha-2 code of the duty station's country.
    public var country: String?
    public var level: StaffLevel?
    public var email: String?
    public var phone: String?
    public var mobile: String?
    /// Language tags (`en`, `pt-BR`), in the order the person prefers them.
    public var languages: [String] = []
    public var topics: [PersonsCategory] = []
    /// ISO 3166-1 alpha-2 codes of the countries the person speaks about.
    public var countries: [String] = []
    /// When the details were last checked; a warning when it is too long ago.
    public var reviewedOn: Located<PageDate>?
    /// The biography, Markdown.
    public var body: String
    public var bodyFirstLine: Int
    public var path: String

    static let keys = ["name", "family_name", "agency", "title", "location", "country", "level", "email", "phone", "mobile",
                       "languages", "topics", "countries", "reviewed_on"]
}
