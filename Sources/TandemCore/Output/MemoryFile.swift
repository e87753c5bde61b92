import Foundation

/// A file of an in-memory output: gzip-compressed when that makes it
/// smaller (a site's HTML, feeds and indexes take about a third of their
/// size), as it is otherwise (images). The preview keeps its whole site in
/// these, and hands the gzip bytes as they are to browsers that accept them.
public struct MemoryFile: Sendable, Hashable {
    /// The bytes kept: gzip if `isGzip`, else the file's own.
    public let stored: Data
    public let isGzip: Bool

    /// `bytes`, compressed if that saves at least an eighth of them. Files
    /// of a compressed format (photos, fonts, archives) are not tried: zlib
    /// spends about 28 ms per MB on bytes it cannot shrink, and a site's
    /// photos and their variants run to gigabytes.
    public init(_ bytes: Data) {
        guard !Self.isCompressedFormat(bytes) else {
            (stored, isGzip) = (bytes, false)
            return
        }
        let compressed = Gzip.compress(bytes)
        if compressed.count <= bytes.count - bytes.count / 8 {
            stored = compressed
            isGzip = true
        } else {
            stored = bytes
            isGzip = false
        }
    }

    /// Whether `bytes` start as a JPEG, PNG, GIF, WebP, AVIF or HEIF image,
    /// a gzip or zip file, or a WOFF font: formats compressed already.
    static func isCompressedFormat(_ bytes: Data) -> Bool {
        let head = [UInt8](bytes.prefix(12))
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && Array(head[offset..<(offset + magic.count)]) == magic
        }
        return starts([0xFF, 0xD8, 0xFF]) || starts([0x89, 0x50, 0x4E, 0x47]) || starts(Array("GIF8".utf8))
            || (starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8)) || starts(Array("ftyp".utf8), at: 4)
            || starts([0x1F, 0x8B]) || starts([0x50, 0x4B, 0x03, 0x04]) || starts(Array("wOFF".utf8)) || starts(Array("wOF2".utf8))
    }

    /// The file's bytes, decompressed if need be.
    public var bytes: Data {
        guard isGzip else { return stored }
        guard let plain = Gzip.decompress(stored) else { preconditionFailure("a kept gzip file does not decompress") }
        return plain
    }
}
