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

    /// The cache folder's path. Paths are made as text: `URL.appendingPathComponent`
    /// looks at the file system each time, and a build asks for every variant of every image.
    let folder: String

    init(rootPath: String) {
        folder = rootPath + "/" + ImageCache.folderName
    }


    /// The name of a variant's file in the cache.
    static func name(of variant: ImageVariant, digest: String, quality: Int, keepMetadata: Bool) -> String {
        let qualityPart = variant.format == .png ? "" : "-q\(quality)"
        return "\(digest)-\(variant.width)w\(qualityPart)\(keepMetadata ? "-metadata" : "")-v\(version).\(variant.format.fileExtension)"
    }

    /// The path of the cached file of `variant`, made from `source` first if the cache does not hold it.
    func file(for variant: ImageVariant, source: String, digest: String, quality: Int, keepMetadata: Bool) throws -> String {
        let name = ImageCache.name(of: variant, digest: digest, quality: quality, keepMetadata: keepMetadata)
        let file = folder + "/" + name
        if access(file, F_OK) == 0 { return file }
        guard variant.format != .avif || LibVips.writesAVIF else {
            throw LibVips.Failure(description: "this libvips cannot write AVIF (it has no heif saver); "
                                  + "install libvips with libheif and an AV1 encoder, or set `images: {avif: false}` in tandem.yaml")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = folder + "/.\(UUID().uuidString).\(variant.format.fileExtension)"
        do {
            try LibVips.thumbnail(source, to: temporary, options: variant.format.saveOptions(quality: quality),
                                  width: variant.width, keepMetadata: keepMetadata)
            if rename(temporary, file) != 0 { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file]) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        return file
    }
}
