/// How the site's images are published (`images:` in `tandem.yaml`): the
/// widths each raster image is also published at, the modern format beside
/// the original one, and the only way to publish an image with its metadata.
public struct ImageSettings: Sendable, Hashable {
    /// Widths in pixels, smallest first; an image is never made wider than it is.
    public var widths = [480, 960, 1600]
    /// Publish a WebP beside each JPEG and PNG.
    public var webp = true
    /// Publish an AVIF beside each image: smaller than WebP, and with
    /// libaom's fastest setting no slower to make (`ImageFormat.saveOptions`).
    public var avif = true
    /// Quality of JPEG and WebP files made (1–100); AVIF files are made at
    /// 20 below it (`ImageFormat.saveOptions`).
    public var quality = 80
    /// The `sizes` attribute of images in the text: how wide they are shown.
    public var sizes = "(max-width: 46rem) 100vw, 44rem"
    /// Paths inside `content/` (a file, or a folder ending in `/`) whose
    /// images keep their EXIF, XMP and IPTC metadata, GPS position included
    /// (`images: {keep_metadata_of: [press-kit/]}`); every other image loses them.
    public var keepMetadataOf: [String] = []

    public init() {}

    static let keys = ["widths", "webp", "avif", "quality", "sizes", "keep_metadata_of"]

    /// The formats published beside each image's own, in the order a
    /// `<picture>` offers them: the smallest files first.
    var modernFormats: [ImageFormat] {
        (avif ? [.avif] : []) + (webp ? [.webp] : [])
    }

    /// Whether the image at `contentPath` is published with its metadata.
    public func keepsMetadata(of contentPath: String) -> Bool {
        keepMetadataOf.contains { $0.hasSuffix("/") ? contentPath.hasPrefix($0) : contentPath == $0 }
    }
}
