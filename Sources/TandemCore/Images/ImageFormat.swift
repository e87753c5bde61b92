/// A raster format Tandem publishes images in. GIF (often animated) and SVG
/// are not among them: they are published as they are.
public enum ImageFormat: String, Sendable, Hashable, Codable {
    case jpeg, png, webp

    /// The format of a file of `content/` by its extension; nil for files that are not processed.
    init?(fileName: String) {
        switch fileName.split(separator: ".").last?.lowercased() {
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
        }
    }

    var mimeType: String { "image/" + rawValue }

    /// libvips' save options for this format (after the file name, in brackets).
    func saveOptions(quality: Int) -> String {
        switch self {
        case .jpeg: "[Q=\(quality),optimize_coding=true,interlace=true]"
        case .png: "[compression=6]"
        case .webp: "[Q=\(quality),effort=4]"
        }
    }
}
