/// The assembled site: the pages this build publishes, their sections and
/// focal points, and what the Markdown stage needs to resolve links.
public struct SiteGraph: Sendable {
    /// Behind one reference, which each output's `PageContext` shares (`SiteReader.sharedConfig`).
    @Indirect public var config: SiteConfig
    public var mode: BuildMode
    /// Published pages, in content-path order.
    public var pages: [Page]
    /// Listing pages of folders, in folder then language order.
    public var sections: [Section]
    /// Sections, taxonomy terms, joint activities and the all-pages feed of each language.
    public var listings: [Listing]
    /// The index page of each taxonomy in each language.
    public var taxonomyIndexes: [TaxonomyIndex]
    /// The main navigation of each language.
    public var navigation: [String: [NavigationEntry]]
    /// Focal-point records by id (published or not: ids are checked against all).
    public var focalPoints: [String: FocalPointRecord]
    /// The earliest embargo still ahead of `mode.now`: the next time a rebuild changes the site.
    public var nextChange: PageDate?
    /// Published route by path inside `content/`, for link rewriting.
    public var urlByContentPath: [String: Route]
    /// Why a page is not published, by path inside `content/`.
    public var hiddenByContentPath: [String: String]
    /// Files of `content/` published as they are (paths inside `content/`).
    public var staticFiles: Set<String> = []
    /// The raster images among `staticFiles` (JPEG, PNG, WebP), published in
    /// several widths and formats (`Images/`), by path inside `content/`.
    public var images: [String: ImageInfo] = [:]

    /// What a link to `content/<contentPath>` (a page or any other file) reaches in this build.
    public func target(ofContentPath contentPath: String) -> LinkTarget {
        if let url = urlByContentPath[contentPath] { return .published(url.href(config)) }
        if let info = images[contentPath] { return .image(ImageSet(contentPath: contentPath, info: info, settings: config.images).linked(config)) }
        if staticFiles.contains(contentPath) { return .published(Route.contentFile(contentPath).href(config)) }
        if let reason = hiddenByContentPath[contentPath] { return .unpublished(reason: reason) }
        return .missing
    }

    /// What `target(ofContentPath:)` is made from, to compare two builds'
    /// links by: for an image, its header and the settings, not the URLs of
    /// all its variants made from them (about 45,000 instructions an image).
    public func targetInputs(ofContentPath contentPath: String) -> AnyHashable {
        if urlByContentPath[contentPath] == nil, let info = images[contentPath] { return ImageLinkInputs(info: info, config: config) }
        return target(ofContentPath: contentPath)
    }

    /// Everything an image's `LinkTarget` is made from, besides its path.
    private struct ImageLinkInputs: Hashable {
        var info: ImageInfo
        var config: SiteConfig
    }

    /// Paths inside `content/` that exist, for "did you mean" hints.
    public var knownContentPaths: [String] {
        Array(urlByContentPath.keys) + Array(hiddenByContentPath.keys) + Array(staticFiles)
    }
}
