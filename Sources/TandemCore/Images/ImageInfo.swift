/// What the build knows of a raster image of `content/` before making
/// anything of it: its size as shown (its EXIF orientation applied), its
/// format, and a digest of its bytes (the key of the image cache).
public struct ImageInfo: Sendable, Hashable, Codable {
    public var width: Int
    public var height: Int
    public var format: ImageFormat
    /// A digest of the file's bytes (`ContentDigest`).
    public var digest: String
}

extension ImageInfo {
    /// Reads the header and digest of a JPEG, PNG or WebP file; nil for any
    /// other file, and for an animated image (published as it is).
    static func read(_ path: String) throws -> ImageInfo? {
        guard let named = ImageFormat(fileName: path) else { return nil }
        let header = try LibVips.header(path)
        let format: ImageFormat
        switch header.loader.lowercased() {
        case let name where name.contains("jpeg"): format = .jpeg
        case let name where name.contains("png"): format = .png
        case let name where name.contains("webp"): format = .webp
        default: throw LibVips.Failure(description: "this is not a \(named.rawValue.uppercased()) image (\(header.loader))")
        }
        guard format == named else {
            throw LibVips.Failure(description: "this file is a \(format.rawValue.uppercased()) image, not \(named.rawValue.uppercased()) as its name says")
        }
        guard header.pages == 1 else { return nil }
        return ImageInfo(width: header.width, height: header.height, format: format, digest: try ContentDigest.of(file: path))
    }
}
