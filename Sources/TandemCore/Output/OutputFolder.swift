import Foundation

/// The Output stage: files are written into a staging folder beside the
/// destination, and the staging folder replaces the destination only when the
/// whole build succeeded. A failed build discards it and leaves the previous
/// site exactly as it was.
public struct OutputFolder: OutputSink {
    public let destination: URL
    public let staging: URL
    /// The two folders' paths, to which each file's relative path is appended
    /// as text (a URL's `appendingPathComponent` cost more than writing the file).
    private let destinationPath: String
    private let stagingPath: String
    /// The published folder as the build started (`BuildState.identity`), nil if there was none.
    private let destinationIdentity: String?
    /// Where the replaced site is kept for the next build (`SpareFolder`).
    private let sparePath: String

    init(destination: URL, staging: URL, sparePath: String) {
        self.destination = destination
        self.staging = staging
        self.sparePath = sparePath
        destinationPath = destination.path
        stagingPath = staging.path
        destinationIdentity = BuildState.identity(ofFolder: destination.path)
    }

    /// Why Tandem refuses to publish into a folder.
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// The folder beside the destination cannot take the staging folder: the
    /// build stops before anything is made, and the previous site stays.
    public struct Unwritable: Error, CustomStringConvertible {
        /// The folder that holds (or would hold) the destination.
        public var folder: String
        var failure: SystemFiles.Failure
        public var description: String { "cannot create the staging folder \(failure.path): \(failure.reason)" }
        public var hint: String { "make \(folder) writable for the user who runs tandem, or choose another folder with --output" }
    }

    /// Creates a fresh staging folder next to `destination` (same file system,
    /// so the final swap is a rename).
    public static func prepare(destination: URL, root: URL) throws -> OutputFolder {
        let destination = destination.standardizedFileURL
        try checkSafe(destination, root: root.standardizedFileURL)
        let parent = destination.deletingLastPathComponent()
        removeAbandonedStaging(beside: destination)
        let name = ".\(destination.lastPathComponent).staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(name)
        do {
            try SystemFiles.makeFolders(parent.path)
            try SystemFiles.makeFolder(staging.path)
        } catch {
            throw Unwritable(folder: parent.path, failure: error)
        }
        return OutputFolder(destination: destination, staging: staging, sparePath: SpareFolder.path(beside: destination))
    }

    /// Removes staging folders left by builds that were killed (their process is gone).
    static func removeAbandonedStaging(beside destination: URL) {
        let parent = destination.deletingLastPathComponent()
        let prefix = ".\(destination.lastPathComponent).staging-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            let pidText = name.dropFirst(prefix.count).prefix { $0 != "-" && $0 != "." }
            guard let pid = Int32(pidText), kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Refuses destinations whose replacement would destroy the site's sources
    /// or an unrelated folder.
    static func checkSafe(_ destination: URL, root: URL) throws {
        let path = destination.path, rootPath = root.path
        if path == "/" || rootPath == path || rootPath.hasPrefix(path + "/") {
            throw Refusal(description: "refusing to publish into \(path): it holds the site's own files")
        }
        for sourceFolder in ["content", "templates"] {
            let source = root.appendingPathComponent(sourceFolder).path
            if path == source || path.hasPrefix(source + "/") {
                throw Refusal(description: "refusing to publish into \(path): it is inside \(sourceFolder)/")
            }
        }
        let files = FileManager.default
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw Refusal(description: "refusing to publish into \(path): it is a file, not a folder")
        }
        let entries = (try? files.contentsOfDirectory(atPath: path)) ?? []
        if !entries.isEmpty && !entries.contains("index.html") {
            throw Refusal(description: "refusing to replace \(path): it is not empty and does not look like a built site (no index.html)")
        }
    }

    /// Writes `data` at `relativePath` inside the staging folder, creating folders as needed;
    /// a failure carries the system's reason (`SystemFiles.Failure`). A file
    /// the last build published with the same bytes is kept instead (`keep`);
    /// with no published folder, there is nothing to compare.
    public func write(_ data: Data, to relativePath: String) throws {
        try data.withUnsafeBytes { try write(bytes: $0, to: relativePath) }
    }

    /// A page's bytes go from its `String` to the file, without a `Data` copied between.
    public func write(text: String, to relativePath: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0), to: relativePath) }
    }

    public func write(utf8: [UInt8], to relativePath: String) throws {
        try utf8.withUnsafeBytes { try write(bytes: $0, to: relativePath) }
    }

    private func write(bytes: UnsafeRawBufferPointer, to relativePath: String) throws {
        let path = stagingPath + "/" + relativePath
        if hasPublishedFolder {
            let previous = destinationPath + "/" + relativePath
            if SystemFiles.holds(previous, exactly: bytes), keep(previous, as: path) { return }
        }
        do {
            try SystemFiles.write(bytes, to: path)
        } catch where error.code == ENOENT {
            try SystemFiles.makeFolders(SystemFiles.parentFolder(of: path))
            try SystemFiles.write(bytes, to: path)
        }
    }

    /// Copies a file into the staging folder, or keeps the last build's copy if it has the same bytes.
    public func copy(_ source: String, to relativePath: String) throws {
        let path = stagingPath + "/" + relativePath
        try SystemFiles.makeFolders(SystemFiles.parentFolder(of: path))
        let previous = destinationPath + "/" + relativePath
        if hasPublishedFolder, SystemFiles.sameBytes(previous, source), keep(previous, as: path) { return }
        try SystemFiles.copy(source, to: path)
    }

    /// Whether there was a published folder as the build started: with none,
    /// there is no file to compare a new one with.
    private var hasPublishedFolder: Bool { destinationIdentity != nil }

    public func canKeep(filesOf identity: String) -> Bool {
        destinationIdentity == identity
    }

    /// Links the published files at `relativePaths` into the staging folder,
    /// on every core. Their folders are made first, each once, a level at a
    /// time: then each file costs one system call, not a failed link, a look
    /// at its folder, a folder made and the link again.
    public func keep(_ relativePaths: [String]) -> [Bool] {
        prepare(relativePaths)
        return relativePaths.parallelMap { keep(destinationPath + "/" + $0, as: stagingPath + "/" + $0) }
    }

    /// Removes the links at `relativePaths` from the staging folder, then
    /// each folder they leave empty (a folder that holds anything stays).
    public func unkeep(_ relativePaths: [String]) -> [String: String] {
        let stagingPath = self.stagingPath
        let failures = relativePaths.parallelMap { path -> Int32 in
            Foundation.unlink(stagingPath + "/" + path) == 0 || errno == ENOENT ? 0 : errno
        }
        removeFoldersLeftEmpty(by: relativePaths)
        var stuck: [String: String] = [:]
        for (path, code) in zip(relativePaths, failures) where code != 0 { stuck[path] = String(cString: strerror(code)) }
        return stuck
    }

    /// Removes from the staging folder each folder of `relativePaths` that
    /// holds nothing, deepest first, so a folder emptied by the removal of
    /// its own folders goes too (a folder that holds anything stays).
    private func removeFoldersLeftEmpty(by relativePaths: [String]) {
        var folders: Set<String> = []
        for path in relativePaths {
            var folder = SystemFiles.parentFolder(of: path)
            while !folder.isEmpty, folders.insert(folder).inserted { folder = SystemFiles.parentFolder(of: folder) }
        }
        for folder in folders.sorted(by: { $0.utf8.count > $1.utf8.count }) { rmdir(stagingPath + "/" + folder) }
    }

    /// Keeps the published files at `relativePaths` (`keep`), starting from
    /// the spare folder (`SpareFolder`) if `spare` describes the one beside
    /// the output: it then becomes the staging folder, brought level with the
    /// published folder, and only the files at which the two differ are
    /// linked again. Call it before anything is written.
    public func keep(_ relativePaths: [String], startingFrom spare: SpareFolder?) -> [Bool] {
        guard let spare, let unpublished = adopt(spare) else { return keep(relativePaths) }
        return relativePaths.map { !unpublished.contains($0) }
    }

    /// Puts the spare folder in place of the (still empty) staging folder,
    /// then, for each path at which it may differ from the published folder,
    /// removes its file and links the published one there if there is one;
    /// folders left empty go. Returns the paths the published folder does
    /// not have; nil, with the staging folder empty, if the spare folder is
    /// not the one `spare` describes or cannot be brought level.
    private func adopt(_ spare: SpareFolder) -> Set<String>? {
        guard SpareFolder.identity(of: sparePath) == spare.identity, Foundation.rename(sparePath, stagingPath) == 0 else { return nil }
        let (stagingPath, destinationPath) = (self.stagingPath, self.destinationPath)
        let linked = spare.differs.parallelMap { path -> Bool? in
            let name = stagingPath + "/" + path
            guard Foundation.unlink(name) == 0 || errno == ENOENT else { return nil }
            return keep(destinationPath + "/" + path, as: name)
        }
        guard !linked.contains(nil) else {
            // Something other than a file stands where the spare had one: start from an empty folder.
            SystemFiles.removeTree(stagingPath)
            try? SystemFiles.makeFolder(stagingPath)
            return nil
        }
        let unpublished = zip(spare.differs, linked).compactMap { path, isLinked in isLinked == false ? path : nil }
        removeFoldersLeftEmpty(by: unpublished)
        return Set(unpublished)
    }

    /// Makes the folders of `relativePaths` in the staging folder, each once,
    /// a level at a time, on every core: then writing or linking a file there
    /// costs one system call, not a failed one, a look at its folder, a
    /// folder made and the call again (13,894 folders in a 10k build).
    public func prepare(_ relativePaths: [String]) {
        var folders: Set<String> = []
        folders.reserveCapacity(relativePaths.count)
        for path in relativePaths {
            var folder = SystemFiles.parentFolder(of: path)
            while !folder.isEmpty, folders.insert(folder).inserted { folder = SystemFiles.parentFolder(of: folder) }
        }
        let byDepth = Dictionary(grouping: folders) { folder in
            var folder = folder
            return folder.withUTF8 { $0.count { $0 == UInt8(ascii: "/") } }
        }
        let stagingPath = self.stagingPath
        for depth in byDepth.keys.sorted() {
            _ = byDepth[depth]!.parallelMap { folder in try? SystemFiles.makeFolder(stagingPath + "/" + folder) }
        }
    }

    /// Puts the published file `previous` into the staging folder as `path`
    /// (a hard link: the swap then keeps it), so a file whose bytes did not
    /// change keeps its modification time and deploy tools that compare times
    /// upload only what changed. Tandem never writes into a published file, so
    /// the two names cannot drift apart. False if the system refuses; the file
    /// is then written anew.
    private func keep(_ previous: String, as path: String) -> Bool {
        do {
            try SystemFiles.hardLink(previous, as: path)
            return true
        } catch where error.code == ENOENT {
            guard (try? SystemFiles.makeFolders(SystemFiles.parentFolder(of: path))) != nil else { return false }
            return (try? SystemFiles.hardLink(previous, as: path)) != nil
        } catch {
            return false
        }
    }

    /// Swaps the staging folder in place of the destination, then runs
    /// `meanwhile` while the replaced site is removed.
    public func publish(meanwhile: () -> Void) throws {
        try publish(keepingReplaced: false) { _ in meanwhile() }
    }

    /// Swaps the staging folder in place of the destination; the replaced
    /// site becomes the spare folder if `keepingReplaced` (`SpareFolder`),
    /// else it is removed while `meanwhile` runs with the spare's identity.
    public func publish(keepingReplaced: Bool, meanwhile: (_ spareIdentity: String?) -> Void) throws {
        try AtomicSwap.replace(destination, with: staging, spare: sparePath,
                               keepingReplaced: keepingReplaced, meanwhile: meanwhile)
    }

    /// Removes the staging folder after a failed build.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
