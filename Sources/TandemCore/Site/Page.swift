/// A page that this build publishes, with everything the templates need
/// that depends on other pages (its URL, translations, section).
public struct Page: Sendable {
    public var source: SourcePage
    /// Site-relative URL path, e.g. `/news/2026/camp/`.
    public var url: String
    /// Path of the HTML file inside the output folder, e.g. `news/2026/camp/index.html`.
    public var outputPath: String
    public var summary: String
    /// Other languages of the same page: (language, URL).
    public var translations: [(language: String, url: String)] = []
    /// Whom the page's contact block shows, one group per partner organisation.
    public var contacts: [ContactGroup] = []

    public var frontMatter: FrontMatter { source.frontMatter }
    public var title: String { source.frontMatter.title }
    public var date: PageDate? { source.frontMatter.date?.value }
    public var isJoint: Bool { source.frontMatter.joint }
}
