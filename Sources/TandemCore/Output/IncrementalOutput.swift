import Foundation

/// The output of one preview rebuild: rendered files go to an in-memory
/// staging area, copies of unchanged files are skipped (the served site
/// already holds them), and every path the build produced is remembered, so
/// the files that disappeared can be told apart from those left as they were.
final class IncrementalOutput: OutputSink, @unchecked Sendable {
    /// The source file and its stamp, for a file published as it is.
    struct Copy: Equatable, Sendable {
        var source: String
        var stamp: FileStamp
    }

    /// Files written by this build.
    let staging = MemoryOutput()
    /// Copies as they were when the served site last took a build's files.
    private let served: [String: Copy]
    private let lock = NSLock()
    private var produced: Set<String> = []
    private var copied: [String: Copy] = [:]

    init(served: [String: Copy]) {
        self.served = served
    }

    func write(_ data: Data, to relativePath: String) throws {
        try staging.write(data, to: relativePath)
        _ = lock.withLock { produced.insert(relativePath) }
    }

    func copy(_ source: URL, to relativePath: String) throws {
        guard let stamp = FileStamp(path: source.path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: source.path])
        }
        let copy = Copy(source: source.path, stamp: stamp)
        if served[relativePath] != copy {
            try staging.write(FileStamp.readRegularFile(source.path), to: relativePath)
        }
        lock.withLock {
            produced.insert(relativePath)
            copied[relativePath] = copy
        }
    }

    /// Every path this build produced, written or left as it was.
    var outputPaths: Set<String> { lock.withLock { produced } }

    /// The copies of this build, for the next one to compare with.
    var copies: [String: Copy] { lock.withLock { copied } }
}
