import Foundation

/// An output kept in memory: path inside the site (`news/2026/camp/index.html`)
/// to file. The preview renders into one; nothing touches the file system.
/// Files are compressed as they are written (``MemoryFile``), on the render
/// stage's threads, so a run never holds its whole site uncompressed.
public final class MemoryOutput: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: MemoryFile] = [:]

    public init() {}

    public func write(_ data: Data, to relativePath: String) throws {
        let file = MemoryFile(data)
        lock.withLock { storage[relativePath] = file }
    }

    public func copy(_ source: String, to relativePath: String) throws {
        let file = MemoryFile(try SystemFiles.read(source))
        lock.withLock { storage[relativePath] = file }
    }

    /// Every file written so far.
    public var files: [String: MemoryFile] {
        lock.withLock { storage }
    }
}
