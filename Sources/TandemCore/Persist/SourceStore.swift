import Foundation

/// What the parse stage made of each Markdown file in the last build, kept
/// in `.tandem-cache/sources/` under the site's folder, so that `tandem
/// build`, `tandem check` and the preview's first build read and check again
/// only the files whose stamps changed since. Only `tandem build` writes it
/// (`tandem check` and the preview leave it as the last build's, which
/// `BuildState` relies on).
///
/// A parse depends on the file, on `tandem.yaml`, on the content rules of
/// `lint/` and on Tandem itself: a store made with other settings or by
/// another executable (`key`) is not used at all. Files are spread over
/// `shardCount` shards by path; a run rewrites only the shards that hold a
/// file it parsed again or lost, each under a temporary name then renamed,
/// so concurrent runs and interrupted ones leave whole shards. A shard that
/// cannot be read is ignored: its files are parsed again.
struct SourceStore: Sendable {
    /// The folder, relative to the site's folder (out of git: `.gitignore`).
    static let folderName = ".tandem-cache/sources"
    static let shardCount = 64
    /// Bumped when what is stored changes meaning.
    static let formatVersion = 2

    /// What the parse stage made of one file.
    struct Entry: Sendable {
        var stamp: FileStamp
        var page: SourcePage?
        var diagnostics: [Diagnostic]
        /// What the content rules found in the page (`Lint/`).
        var lint: [Diagnostic]
    }

    let folder: String
    /// Tandem's executable, the format, and the stamps of the settings a parse reads.
    let key: String

    init(root: URL, settings: String) {
        folder = root.appendingPathComponent(SourceStore.folderName).path
        key = "v\(SourceStore.formatVersion) \(CacheKey.executable) \(settings)"
    }

    /// The shard of a path inside `content/`: FNV-1a of its bytes (the same in every run, unlike `Hasher`).
    static func shard(of path: String) -> Int {
        var path = path
        return path.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            return Int(hash % UInt64(shardCount))
        }
    }

    /// Every entry of the shards made with this store's key, by path inside `content/`.
    func load() -> [String: Entry] {
        let shards = Array(0 ..< SourceStore.shardCount).parallelMap { readShard($0) }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(shards.reduce(0) { $0 + $1.count })
        for (shard, stored) in shards.enumerated() {
            for stored in stored where SourceStore.shard(of: stored.path) == shard {
                entries[stored.path] = stored.entry
            }
        }
        return entries
    }

    /// Writes the shards `touched` with the entries of `entries` that belong to them,
    /// one after the other: a build writes them on one core while it assembles and
    /// plans the site on the other (`Pipeline.run`). Written on both cores, they took
    /// the assembly's core for a while, so the search index, which waits for the
    /// assembled graph, started later and left a core idle in between.
    func save(_ entries: [String: Entry], touched: Set<Int>) {
        guard !touched.isEmpty else { return }
        var grouped: [Int: [StoredEntry]] = [:]
        for (path, entry) in entries {
            let shard = SourceStore.shard(of: path)
            if touched.contains(shard) { grouped[shard, default: []].append(StoredEntry(path: path, entry)) }
        }
        let byShard = grouped
        guard (try? SystemFiles.makeFolders(folder)) != nil else { return }
        let key = self.key
        for shard in touched.sorted() {
            KeyedFile.write((byShard[shard] ?? []).sorted { $0.path < $1.path }, key: key, to: folder + "/\(shard)")
        }
    }

    private func readShard(_ shard: Int) -> [StoredEntry] {
        KeyedFile<[StoredEntry]>.read(folder + "/\(shard)", key: key) ?? []
    }
}

private struct StoredEntry: Codable {
    var path: String
    var stamp: FileStamp
    var page: SourcePage?
    var diagnostics: [StoredDiagnostic]
    var lint: [StoredDiagnostic]

    init(path: String, _ entry: SourceStore.Entry) {
        self.path = path
        stamp = entry.stamp
        page = entry.page
        diagnostics = entry.diagnostics.map(StoredDiagnostic.init)
        lint = entry.lint.map(StoredDiagnostic.init)
    }

    var entry: SourceStore.Entry {
        SourceStore.Entry(stamp: stamp, page: page, diagnostics: diagnostics.map(\.diagnostic), lint: lint.map(\.diagnostic))
    }
}
