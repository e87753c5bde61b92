import CVips
import Foundation

/// The few things Tandem asks of libvips (through `Sources/CVips/shim.c`):
/// an image's header, and a smaller (or same-size) copy in a format, with its
/// orientation applied and its metadata dropped. No image is decoded or
/// encoded anywhere else.
enum LibVips {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// libvips is opened and started once per process, when an image is first read or made.
    private static let startFailure: Failure? = switch tandem_vips_start() {
    case 0: nil
    case -1: Failure(description: "libvips 8 (libvips.so.42) cannot be opened; install it (Debian: apt-get install libvips42)")
    case -2: Failure(description: "the installed libvips is not libvips 8 (its ABI is not 42)")
    default: Failure(description: "libvips could not start")
    }

    private static var started: Bool { startFailure == nil }

    /// The header of the image at `path`: its size as shown, its pages, its loader's name.
    static func header(_ path: String) throws(Failure) -> (width: Int, height: Int, pages: Int, loader: String) {
        if let startFailure { throw startFailure }
        var (width, height, pages): (Int32, Int32, Int32) = (0, 0, 0)
        var loader = [CChar](repeating: 0, count: 96)
        guard tandem_vips_header(path, &width, &height, &pages, &loader, loader.count) == 0 else { throw lastError() }
        return (Int(width), Int(height), Int(pages), text(loader))
    }

    /// Whether this libvips can write AVIF (its heif module, with libheif).
    static let writesAVIF: Bool = started && tandem_vips_can_save("image.avif") != 0

    /// Writes `output` from `input`: at most `width` pixels wide, in the
    /// format `output`'s extension names, with `options` (`[Q=80]`).
    static func thumbnail(_ input: String, to output: String, options: String, width: Int, keepMetadata: Bool) throws(Failure) {
        if let startFailure { throw startFailure }
        guard tandem_vips_thumbnail(input, output + options, Int32(width), keepMetadata ? 1 : 0) == 0 else { throw lastError() }
    }

    private static func lastError() -> Failure {
        var buffer = [CChar](repeating: 0, count: 1024)
        tandem_vips_error(&buffer, buffer.count)
        let message = text(buffer).trimmingCharacters(in: .whitespacesAndNewlines)
        return Failure(description: message.isEmpty ? "libvips failed" : message.replacingOccurrences(of: "\n", with: "; "))
    }

    /// A C string in a buffer, up to its NUL.
    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
