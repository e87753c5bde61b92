/// What a relative link to another Markdown file turned out to be.
public enum LinkTarget: Sendable, Hashable {
    /// A page (or a file of `content/`) that will be published: the link to write (`Route.href`).
    case published(String)
    /// A raster image of `content/`, published in several widths and formats (`Images/`).
    case image(LinkedImage)
    /// A page that exists but is not published in this build (a draft, or embargoed).
    case unpublished(reason: String)
    /// No such file in `content/`.
    case missing
}

/// Finds the page a relative `.md` link points at, given the path inside
/// `content/` of the linking page and of the target.
public protocol LinkResolving: Sendable {
    /// The target of a link to `content/<contentPath>` (a `.md` page or any other file).
    func target(ofContentPath contentPath: String) -> LinkTarget
    /// The target of a link to a path of the site (`/news/`, `/feed.xml`), decoded, from the site's root.
    func target(ofSitePath path: String) -> LinkTarget
    /// Paths inside `content/` that exist, for "did you mean" hints.
    var knownContentPaths: [String] { get }
    /// The ids a `#fragment` can name on the published page at `content/<contentPath>`;
    /// nil when the target is not such a page (its fragments are not checked).
    func anchors(ofContentPath contentPath: String) -> [String]?
}

extension LinkResolving {
    public func anchors(ofContentPath contentPath: String) -> [String]? { nil }
}
