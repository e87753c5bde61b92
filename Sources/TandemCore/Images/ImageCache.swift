import Foundation

/// Processed images kept between builds in `.tandem-cache/images/` under the
/// site's folder, one file per variant, named by the digest of the source's
/// bytes and every setting that shapes the result: a build (or a preview)
/// whose images did not change makes none of them again, it copies them.
/// Files are written under a temporary name and renamed, so parallel builds
/// and interrupted ones never leave a half-written image under a real name.
struct ImageCache: Sendable {
    /// The cache folder, relative to the site's folder (out of git: `.gitignore`).
    static let folderName = ".tandem-cache/images"
    /// Bumped when the processing changes, so old files are not reused.
    static let version = 1

    let folder: URL

    init(root: URL) {
        folder = root.appendingPathComponent(ImageCache.folderName)
    }

    /// The name of a variant's file in the cache.
    static func name(of variant: ImageVariant, digest: String, quality: Int, keepMetadata: Bool) -> String {
        let qualityPart = variant.format == .png ? "" : "-q\(quality)"
        return "\(digest)-\(variant.width)w\(qualityPart)\(keepMetadata ? "-metadata" : "")-v\(version).\(variant.format.fileExtension)"
    }

    /// The cached file of `variant`, made from `source` first if the cache does not hold it.
    func file(for variant: ImageVariant, source: String, digest: String, quality: Int, keepMetadata: Bool) throws -> URL {
        let name = ImageCache.name(of: variant, digest: digest, quality: quality, keepMetadata: keepMetadata)
        let file = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: file.path) { return file }
        guard variant.format != .avif || LibVips.writesAVIF else {
            throw LibVips.Failure(description: "this libvips cannot write AVIF (it has no heif saver); "
                                  + "install libvips with libheif and an AV1 encoder, or set `images: {avif: false}` in tandem.yaml")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(UUID().uuidString).\(variant.format.fileExtension)")
        do {
            try LibVips.thumbnail(source, to: temporary.path, options: variant.format.saveOptions(quality: quality),
                                  width: variant.width, keepMetadata: keepMetadata)
            if rename(temporary.path, file.path) != 0 { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path]) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return file
    }
}
