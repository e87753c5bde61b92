/// A focal point for public information (MOU para 35): one file in
/// `content/focal-points/`, named by its id.
public struct FocalPointRecord: Sendable {
    public var id: String
    public var name: String
    public var agency: Agency?
    public var title: String?
    public var location: String?
    public var country: String?
    public var level: StaffLevel?
    public var email: String?
    public var phone: String?
    public var mobile: String?
    public var languages: [String] = []
    public var topics: [PersonsCategory] = []
    public var countries: [String] = []
    public var reviewedOn: PageDate?
    /// The biography, Markdown.
    public var body: String
    public var bodyFirstLine: Int
    public var path: String

    static let keys = ["name", "agency", "title", "location", "country", "level", "email", "phone", "mobile",
                       "languages", "topics", "countries", "reviewed_on"]
}
