import Foundation

/// What a published build leaves for the next one, in `.tandem-cache/build`:
/// for every file it published, what made it, what making it read
/// (`Dependency`) and reported; and the inputs those records describe (the
/// stamp of every Markdown file, whose parsed pages `SourceStore` keeps, the
/// stamps of the files copied as they are, and the instant the site was
/// built as of). The next `tandem build` assembles the old site from these
/// inputs beside the new one, and makes again only the files that read
/// something that changed (`OutputRecords`); `tandem check` reports the kept
/// files' problems from the records.
///
/// Written only after a build is published, under a temporary name then
/// renamed. Used only when made by the same Tandem, in the same mode, with
/// the same `tandem.yaml`, templates and content rules (`key`), and, to keep
/// files, only for the very folder it published (`output`: a folder put back
/// from a copy is another folder).
struct BuildState {
    static let fileName = ".tandem-cache/build"
    static let formatVersion = 2

    var key: String
    /// The published folder: its path, device and inode.
    var output: String
    var now: Date
    /// The stamp of each Markdown file, by path inside `content/`.
    var sources: [String: FileStamp]
    /// The stamps of the files copied as they are (`SiteModel.fileStamps`).
    var fileStamps: [String: FileStamp]
    /// What the records read, numbered (`DependencyTable`).
    var dependencies: [Dependency]
    var records: [String: OutputRecords.Record]
    /// The index the published search files were made from, for the next
    /// build to make its own from (nil: that build makes it whole).
    var search: SearchIndex?
    /// The site this build replaced, kept beside the output for the next
    /// build's staging folder (nil: none was kept).
    var spare: SpareFolder?

    /// The key of a run: Tandem, this format, the mode and the settings' stamps (`SourceCache.settings`).
    static func key(mode: BuildMode, settings: String) -> String {
        "v\(formatVersion) \(CacheKey.executable) drafts=\(mode.includeDrafts) preview=\(mode.preview) \(settings)"
    }

    /// The file is a sequence of frames, each a length (8 bytes) and a
    /// `CompactCoder` value: the state without its records, then the records
    /// a thousand at a time, then the search index one language at a time,
    /// so that writing it never holds all of it twice.
    static func load(root: URL) -> BuildState? {
        guard let data = try? SystemFiles.read(root.appendingPathComponent(fileName).path) else { return nil }
        return data.withUnsafeBytes { bytes -> BuildState? in
            var offset = 0
            func frame() -> UnsafeRawBufferPointer? {
                guard bytes.count - offset >= 8 else { return nil }
                let length = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                guard UInt64(bytes.count - offset - 8) >= length else { return nil }
                let count = Int(length)
                defer { offset += 8 + count }
                return UnsafeRawBufferPointer(rebasing: bytes[offset + 8 ..< offset + 8 + count])
            }
            guard let first = frame(), var stored = try? CompactCoder.decode(StoredState.self, from: first) else { return nil }
            var frames: [UnsafeRawBufferPointer] = []
            for _ in 0 ..< stored.recordFrames + stored.searchLanguages {
                guard let next = frame() else { return nil }
                frames.append(next)
            }
            guard offset == bytes.count else { return nil }
            // Each frame is a value of its own: they are decoded on every core.
            nonisolated(unsafe) let all = frames
            let recordFrames = stored.recordFrames
            let decoded = Array(all.indices).parallelMap { index -> StoredFrame? in
                index < recordFrames
                    ? (try? CompactCoder.decode([StoredState.StoredRecord].self, from: all[index])).map(StoredFrame.records)
                    : (try? CompactCoder.decode(StoredSearchIndex.StoredLanguage.self, from: all[index])).map(StoredFrame.language)
            }
            var languages: [StoredSearchIndex.StoredLanguage] = []
            for frame in decoded {
                switch frame {
                case .records(let records)?: stored.records += records
                case .language(let language)?: languages.append(language)
                case nil: return nil
                }
            }
            guard var state = stored.state else { return nil }
            if let search = stored.search {
                guard let index = search.index(languages: languages) else { return nil }
                state.search = index
            }
            return state
        }
    }

    /// Whether a state file is there to be read (without reading it).
    static func exists(root: URL) -> Bool {
        access(root.appendingPathComponent(fileName).path, F_OK) == 0
    }

    func save(root: URL) {
        let path = root.appendingPathComponent(BuildState.fileName).path
        try? SystemFiles.makeFolders(SystemFiles.parentFolder(of: path))
        try? SystemFiles.replace(path) { temporary in
            try SystemFiles.write(Data(), to: temporary)
            guard let file = FileHandle(forWritingAtPath: temporary) else { throw CocoaError(.fileWriteUnknown) }
            defer { try? file.close() }
            func write(_ bytes: [UInt8]) throws {
                try file.write(contentsOf: withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { Data($0) })
                try file.write(contentsOf: bytes)
            }
            /// A frame streamed to the file a megabyte at a time after a place for its length,
            /// which is written last: for the largest frames, so that no frame is ever held whole.
            func stream(_ value: some Encodable) throws {
                let lengthOffset = try file.offset()
                try file.write(contentsOf: [UInt8](repeating: 0, count: 8))
                let length = try CompactCoder.encode(value) { chunk in try file.write(contentsOf: chunk) }
                try file.seek(toOffset: lengthOffset)
                try file.write(contentsOf: withUnsafeBytes(of: UInt64(length).littleEndian) { Data($0) })
                try file.seekToEnd()
            }
            // The end of a build is its peak in memory. The first frame (the stamps and the
            // dependencies, the largest) and each language of the search index are streamed,
            // one after the other; the records are encoded a few frames at a time, one on each
            // core, and written in order. Held whole, the first frame's bytes (and the copy
            // each doubling of them makes) and two languages encoded at once were what a
            // 10k build's heap grew by after rendering (10 MB; massif, 2026-11-28).
            // The records are put in order on another core while the first frame is made and
            // streamed (the order costs little memory: a path and a record's references each).
            let unordered = self.records
            let ordering = Background { unordered.sorted { $0.key < $1.key } }
            try stream(StoredState(self, recordsPerFrame: BuildState.recordsPerFrame))
            let records = ordering.value
            let recordFrames = (records.count + BuildState.recordsPerFrame - 1) / BuildState.recordsPerFrame
            let atOnce = max(1, ProcessInfo.processInfo.activeProcessorCount)
            for firstOfBatch in stride(from: 0, to: recordFrames, by: atOnce) {
                let encoded = Array(firstOfBatch ..< min(firstOfBatch + atOnce, recordFrames)).parallelMap { frame -> [UInt8]? in
                    let start = frame * BuildState.recordsPerFrame
                    let slice = records[start ..< min(start + BuildState.recordsPerFrame, records.count)]
                    return try? CompactCoder.encode(slice.map { StoredState.StoredRecord((path: $0.key, record: $0.value)) })
                }
                for bytes in encoded {
                    guard let bytes else { throw CompactCoder.Damaged() }
                    try write(bytes)
                }
            }
            for (name, language) in (search?.languages ?? [:]).sorted(by: { $0.key < $1.key }) {
                try stream(StoredSearchIndex.StoredLanguage(name, language))
            }
        }
    }

    private static let recordsPerFrame = 1_000

    /// A frame after the first, decoded.
    private enum StoredFrame: Sendable {
        case records([StoredState.StoredRecord])
        case language(StoredSearchIndex.StoredLanguage)
    }

    /// The identity of a folder (path, device, inode): a published folder
    /// replaced by another (a copy put back) has another. `withChangeTime`
    /// adds its change time, which tells apart even a folder made since on a
    /// reused inode (`SpareFolder`).
    static func identity(ofFolder path: String, withChangeTime: Bool = false) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        let identity = "\(path):\(info.st_dev):\(info.st_ino)"
        return withChangeTime ? identity + ":\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)" : identity
    }
}

/// The state as written: dictionaries as lists; the records and the search
/// index's languages in frames of their own (`BuildState.save`), counted here.
private struct StoredState: Codable {
    var key: String
    var output: String
    var now: Date
    var sourcePaths: [String]
    var sourceStamps: [FileStamp]
    var filePaths: [String]
    var fileStamps: [FileStamp]
    var dependencies: [Dependency]
    var recordFrames: Int
    var search: StoredSearchIndex?
    var searchLanguages: Int
    var spare: SpareFolder?
    var records: [StoredRecord]

    struct StoredRecord: Codable {
        var path: String
        var maker: String
        var dependencies: [Int32]
        var diagnostics: [StoredDiagnostic]
        var insertedNoticeFor: String?

        init(_ item: (path: String, record: OutputRecords.Record)) {
            (path, maker, dependencies) = (item.path, item.record.maker, item.record.dependencies)
            diagnostics = item.record.made.diagnostics.map(StoredDiagnostic.init)
            insertedNoticeFor = item.record.made.insertedNoticeFor
        }
    }

    init(_ state: BuildState, recordsPerFrame: Int) {
        (key, output, now) = (state.key, state.output, state.now)
        recordFrames = (state.records.count + recordsPerFrame - 1) / recordsPerFrame
        search = state.search.map(StoredSearchIndex.init(paths:))
        searchLanguages = state.search?.languages.count ?? 0
        let sources = state.sources.sorted { $0.key < $1.key }
        (sourcePaths, sourceStamps) = (sources.map(\.key), sources.map(\.value))
        let files = state.fileStamps.sorted { $0.key < $1.key }
        (filePaths, fileStamps) = (files.map(\.key), files.map(\.value))
        dependencies = state.dependencies
        spare = state.spare
        records = []
    }

    /// Nil if the lists do not fit together (a damaged file). Without the search index (`BuildState.load` adds it).
    var state: BuildState? {
        guard sourcePaths.count == sourceStamps.count, filePaths.count == fileStamps.count, recordFrames >= 0,
              searchLanguages >= 0 else { return nil }
        var records: [String: OutputRecords.Record] = [:]
        records.reserveCapacity(self.records.count)
        for record in self.records {
            guard record.dependencies.allSatisfy({ $0 >= 0 && Int($0) < dependencies.count }) else { return nil }
            let made = SiteRenderer.Made(diagnostics: record.diagnostics.map(\.diagnostic), insertedNoticeFor: record.insertedNoticeFor)
            records[record.path] = OutputRecords.Record(maker: record.maker, dependencies: record.dependencies, made: made)
        }
        return BuildState(key: key, output: output, now: now,
                          sources: Dictionary(zip(sourcePaths, sourceStamps), uniquingKeysWith: { first, _ in first }),
                          fileStamps: Dictionary(zip(filePaths, fileStamps), uniquingKeysWith: { first, _ in first }),
                          dependencies: dependencies, records: records, spare: spare)
    }
}
