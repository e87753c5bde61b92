/// The typed front matter of a page (the table in DESIGN.md).
public struct FrontMatter: Sendable, Hashable, Codable {
    public var title: String
    /// A short title for navigation, e.g. "About" for a long page title.
    public var linkTitle: String?
    public var date: Located<PageDate>?
    /// Whether `date:` is written, even if it could not be read: a bad date is
    /// reported once, as bad, and not also as missing.
    public var dateWritten = false
    public var summary: String?
    public var persons: [PersonsCategory] = []
    public var activities: [Activity] = []
    public var joint = false
    /// Where `joint:` is written: problems of a joint page as a whole point there.
    public var jointLocation: SourceLocation?
    public var lead: Located<Lead>?
    public var countries: [Located<String>] = []
    public var focalPoints: [Located<String>] = []
    public var draft = false
    public var embargo: Located<PageDate>?
    public var lang: Located<String>?
    public var translationKey: String?
    public var aliases: [Located<String>] = []
    public var slug: Located<String>?
    public var weight: Int?
    public var layout: Located<String>?
    public var image: String?
    /// Where `image:` is written, for its errors (`PageImage`).
    public var imageLocation: SourceLocation?
    public var imageAlt: String?
    /// Content rules silenced on this page, each with its reason.
    public var lintAllow: [LintAllowance] = []
    /// Where the title's and the summary's text start in the file, so content
    /// rules can point into them; nil for a text written over several lines.
    public var titleStart: SourceLocation?
    public var summaryStart: SourceLocation?

    public init(title: String) {
        self.title = title
    }

    /// The keys a page's front matter may hold.
    static let keys = ["title", "link_title", "date", "summary", "persons", "activities", "joint", "lead", "countries",
                       "focal_points", "draft", "embargo", "lang", "translation_key", "aliases", "slug",
                       "weight", "layout", "image", "image_alt", "lint_allow"]
}
