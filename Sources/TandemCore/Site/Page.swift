/// A page that this build publishes, with everything the templates need
/// that depends on other pages (its URL, translations, section).
public struct Page: Sendable, Hashable {
    /// Another language of the same page.
    public struct Translation: Sendable, Hashable {
        public var language: String
        public var url: Route
    }

    public var source: SourcePage
    /// Where it is published, e.g. `/news/2026/camp/`.
    public var url: Route
    public var summary: String
    /// Other languages of the same page, in the site's order of languages.
    public var translations: [Translation] = []
    /// Whom the page's contact block shows, one group per partner organisation.
    public var contacts: [ContactGroup] = []

    /// The file inside the output folder, e.g. `news/2026/camp/index.html`.
    public var outputPath: String { url.outputPath }
    public var frontMatter: FrontMatter { source.frontMatter }
    public var title: String { source.frontMatter.title }
    public var date: PageDate? { source.frontMatter.date?.value }
    public var isJoint: Bool { source.frontMatter.joint }
}
