/// Site-wide settings from `tandem.yaml`; every key has a default, so a folder
/// with only `content/` is a site.
public struct SiteConfig: Sendable, Hashable {
    public var title = "Joint UNHCR–IOM information"
    public var description = "Joint public information of UNHCR, the UN Refugee Agency, and the International Organization for Migration (IOM)."
    /// Absolute URL the site is published at, with a trailing slash.
    public var baseURL = "https://example.org/" {
        didSet { (basePath, siteOrigin) = SiteConfig.split(baseURL) }
    }
    /// The path of `base_url`, with slashes at both ends: `/` or `/joint/` (see `Route.href`).
    public private(set) var basePath = "/"
    /// `base_url` without its path: `https://example.org`.
    public private(set) var siteOrigin = "https://example.org"
    /// The language of pages whose file name has no language suffix.
    public var defaultLanguage = "en"
    /// Every language the site publishes in, the default first.
    public var languages = ["en"]
    /// What each language says differently from the site (`languages: {ar: {title: ...}}`).
    public var languageSettings: [String: LanguageSettings] = [:]
    /// Whether raw HTML in Markdown is published (off: it is dropped).
    public var rawHTML = false
    /// Days after a focal point's `reviewed_on` before the build warns that it is stale.
    public var focalPointReviewDays = 365
    /// Top-level folders whose pages must carry a `date`.
    public var datedSections = ["news", "stories", "statements", "briefings"]

    /// Items per page of a listing (`/news/`, `/news/page/2/`).
    public var pageSize = 20
    /// Entries per Atom feed, newest first.
    public var feedSize = 20
    /// Latest items per section on the home page.
    public var homeItems = 5

    /// Content rules turned off (`lint: {disable: [id, ...]}`), where each id is written.
    public var lintDisable: [Located<String>] = []
    /// How images are published (`images:`).
    public var images = ImageSettings()

    public init() {}

    static let keys = ["title", "description", "base_url", "language", "languages", "raw_html", "dated_sections", "page_size", "feed_size",
                       "home_items", "focal_point_review_days", "lint", "images"]
}
