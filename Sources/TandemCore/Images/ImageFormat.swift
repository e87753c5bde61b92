/// A raster format Tandem publishes images in. GIF (often animated) and SVG
/// are not among them: they are published as they are. AVIF is only made,
/// never read: an AVIF file of `content/` is published as it is.
public enum ImageFormat: String, Sendable, Hashable, Codable {
    case jpeg, png, webp, avif

    /// The format of a file of `content/` by its extension; nil for files that are not processed.
    init?(fileName: String) {
        // The extension by bytes: splitting the name into Characters cost more than the rest of a link.
        let utf8 = fileName.utf8
        let extensionStart = utf8.lastIndex(of: UInt8(ascii: ".")).map { utf8.index(after: $0) } ?? utf8.startIndex
        switch String(fileName[extensionStart...]).lowercased() {
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        case "webp": self = .webp
        default: return nil
        }
    }

    var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .webp: "webp"
        case .avif: "avif"
        }
    }

    var mimeType: String { "image/" + rawValue }

    /// libvips' save options for this format (after the file name, in brackets).
    /// AVIF is written with libaom's fastest setting (`effort=0`) and 20
    /// below `quality`. Measured on camera-size photos made 480–1600 pixels
    /// wide, that costs 0.4–0.8 times WebP's CPU at `effort=4` and keeps
    /// WebP's fidelity at `quality` (PSNR, the same or better) in 35–90 % of its bytes;
    /// libvips' default (`effort=4`) makes files 15–35 % smaller still but
    /// costs 3–7 times WebP's CPU.
    func saveOptions(quality: Int) -> String {
        switch self {
        case .jpeg: "[Q=\(quality),optimize_coding=true,interlace=true]"
        case .png: "[compression=6]"
        case .webp: "[Q=\(quality),effort=4]"
        case .avif: "[Q=\(max(1, quality - 20)),compression=av1,effort=0]"
        }
    }
}
