/// An image as a page shows it: the links (`Route.href`) of its variants
/// with their widths, its size, and the `sizes` to give browsers. What a
/// link to an image of `content/` reaches (`LinkTarget.image`), so a page
/// that shows an image is made again when the image's size changes.
public struct LinkedImage: Sendable, Hashable {
    public struct Source: Sendable, Hashable {
        public var href: String
        public var width: Int
        public var height: Int
    }

    public var contentPath: String
    /// The image's own URL.
    public var href: String
    public var width: Int
    public var height: Int
    public var format: ImageFormat
    /// The variants of one format, smallest first.
    public struct SourceSet: Sendable, Hashable {
        public var format: ImageFormat
        public var variants: [Source]

        /// The value of a `srcset` attribute: each link with its width.
        var srcset: String {
            variants.map { "\($0.href) \($0.width)w" }.joined(separator: ", ")
        }
    }

    /// Each format's variants: the original format first, then the others
    /// in the order a `<picture>` offers them (AVIF, WebP).
    public var sourceSets: [SourceSet]
    /// For browsers that read no `srcset`, and to share: the widest in the original format up to 1600 pixels.
    public var fallback: Source
    public var sizes: String
    /// The absolute URL of `fallback` (Open Graph, JSON-LD).
    public var fallbackPermalink: String
    /// The start of the image's HTML, the same on every page that shows it (`ImageMarkup.opening`).
    public var markupOpening = ""

    init(_ set: ImageSet, config: SiteConfig) {
        contentPath = set.contentPath
        href = set.original.href(config)
        width = set.width
        height = set.height
        format = set.format
        var formats = [set.format]
        for variant in set.variants where !formats.contains(variant.format) { formats.append(variant.format) }
        sourceSets = formats.map { format in
            SourceSet(format: format, variants: set.variants(in: format).map {
                Source(href: $0.url.href(config), width: $0.width, height: $0.height)
            })
        }
        let fallback = set.fallback()
        self.fallback = Source(href: fallback.url.href(config), width: fallback.width, height: fallback.height)
        fallbackPermalink = fallback.url.permalink(config)
        sizes = config.images.sizes
        markupOpening = ImageMarkup.opening(self)
    }
}

extension ImageSet {
    /// The image's links on a site with `config`.
    func linked(_ config: SiteConfig) -> LinkedImage {
        LinkedImage(self, config: config)
    }
}
