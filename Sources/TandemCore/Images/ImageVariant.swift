/// One file published for a raster image of `content/`: the image at its
/// own size in its own format (at the image's own URL), or a width or format
/// made from it (`/images/camp-960w.webp`). Every variant is an entry of the
/// site plan (`SitePlan.Job.image`).
public struct ImageVariant: Sendable, Hashable {
    /// The source image, inside `content/`.
    public var contentPath: String
    public var width: Int
    public var height: Int
    public var format: ImageFormat
    /// Whether this is the image at its own URL (its own size and format).
    public var isOriginal: Bool
    public var url: Route
}

/// Every variant of one image, and what its HTML needs: the widths in each
/// format, smallest first, the original's size, its URL.
public struct ImageSet: Sendable, Hashable {
    public var contentPath: String
    public var width: Int
    public var height: Int
    public var format: ImageFormat
    /// The image's own URL (its own size and format).
    public var original: Route
    /// Every file published for it: the original first, then by format (in
    /// the order of `ImageSettings.modernFormats`) and width.
    public var variants: [ImageVariant]

    /// The variants of `info` under `settings`: each setting width below the
    /// image's own (never wider), in its format and in each of
    /// `settings.modernFormats` (AVIF, WebP) it is not in; the image's own
    /// width in those too when it is no wider than the widest setting (a
    /// 4000-pixel photo gets no 4000-pixel AVIF or WebP: nobody's screen
    /// needs it, and it is the slowest to make).
    public init(contentPath: String, info: ImageInfo, settings: ImageSettings) {
        self.contentPath = contentPath
        width = info.width
        height = info.height
        format = info.format
        original = Route.contentFile(contentPath)
        let widths = Set(settings.widths.filter { $0 > 0 && $0 < info.width }).sorted()
        let formats = [info.format] + settings.modernFormats.filter { $0 != info.format }
        var variants = [ImageVariant(contentPath: contentPath, width: info.width, height: info.height, format: info.format,
                                     isOriginal: true, url: original)]
        for format in formats {
            let ownWidth = format != info.format && info.width <= (settings.widths.max() ?? 0) ? [info.width] : []
            for width in widths + ownWidth {
                let height = max(1, Int((Double(info.height) * Double(width) / Double(info.width)).rounded()))
                variants.append(ImageVariant(contentPath: contentPath, width: width, height: height, format: format, isOriginal: false,
                                             url: Route.imageVariant(contentPath, width: width, fileExtension: format.fileExtension)))
            }
        }
        self.variants = variants
    }

    /// The variants in `format`, smallest first (the original among them when it is in that format).
    public func variants(in format: ImageFormat) -> [ImageVariant] {
        variants.filter { $0.format == format }.sorted { $0.width < $1.width }
    }

    /// The variant to give browsers that read no `srcset` and to share
    /// (Open Graph): the widest in the original format up to `limit` pixels.
    public func fallback(upTo limit: Int = 1600) -> ImageVariant {
        let own = variants(in: format)
        return own.last { $0.width <= limit } ?? own[0]
    }
}
