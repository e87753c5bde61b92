import Foundation

/// A file of an in-memory output: gzip-compressed when that makes it
/// smaller (a site's HTML, feeds and indexes take about a third of their
/// size), as it is otherwise (images). The preview keeps its whole site in
/// these, and hands the gzip bytes as they are to browsers that accept them.
public struct MemoryFile: Sendable, Hashable {
    /// The bytes kept: gzip if `isGzip`, else the file's own.
    public let stored: Data
    public let isGzip: Bool

    /// `bytes`, compressed if that saves at least an eighth of them.
    public init(_ bytes: Data) {
        let compressed = Gzip.compress(bytes)
        if compressed.count <= bytes.count - bytes.count / 8 {
            stored = compressed
            isGzip = true
        } else {
            stored = bytes
            isGzip = false
        }
    }

    /// The file's bytes, decompressed if need be.
    public var bytes: Data {
        guard isGzip else { return stored }
        guard let plain = Gzip.decompress(stored) else { preconditionFailure("a kept gzip file does not decompress") }
        return plain
    }
}
