/// What a Markdown file is to the site.
public enum PageKind: String, Sendable, Hashable, Codable {
    /// `content/index.md`: the home page.
    case home
    /// `_index.md` in a folder: that section's title and text.
    case section
    /// Any other Markdown file.
    case page
    /// A file in `content/focal-points/`.
    case focalPoint = "focal-point"
}

/// A Markdown file after the Content stage: typed front matter and the body
/// (as written when read, prepared as HTML once the parse stage has checked it).
public struct SourcePage: Sendable, Hashable, Codable {
    /// Path from the site root, e.g. `content/news/2026/camp.md`: where errors point.
    public var path: String
    /// Path inside `content/`, e.g. `news/2026/camp.md`.
    public var contentPath: String
    public var kind: PageKind
    /// The top-level folder the page sits in (`news`), nil for pages at the top.
    public var section: String?
    public var language: String
    public var translationKey: String
    @Indirect public var frontMatter: FrontMatter
    /// Present for files in `content/focal-points/`.
    @Indirect public var focalPoint: FocalPointRecord?
    public var body: PageBody
    /// Line of the file on which the body starts.
    public var bodyFirstLine: Int
    /// Plain text of the first paragraph, used when front matter has no summary.
    public var firstParagraph: String
    /// The ids a link's `#fragment` can name on this page (its headings' and
    /// its HTML's), found when the page's prose is checked (`ProseExtractor`).
    public var anchors: [String] = []
}
