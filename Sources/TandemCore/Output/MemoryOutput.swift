import Foundation

/// An output kept in memory: path inside the site (`news/2026/camp/index.html`)
/// to bytes. The preview renders into one; nothing touches the file system.
public final class MemoryOutput: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: Data] = [:]

    public init() {}

    public func write(_ data: Data, to relativePath: String) throws {
        lock.withLock { storage[relativePath] = data }
    }

    public func copy(_ source: URL, to relativePath: String) throws {
        let data = try SystemFiles.read(source.path)
        lock.withLock { storage[relativePath] = data }
    }

    /// Every file written so far.
    public var files: [String: Data] {
        lock.withLock { storage }
    }
}
