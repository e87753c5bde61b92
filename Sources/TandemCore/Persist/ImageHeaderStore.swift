import Foundation

/// What reading each raster image's header found (`ImageInfo`: size,
/// format, digest; or why it cannot be read), kept in one file of
/// `.tandem-cache/` beside the processed images (`ImageCache`) and, like
/// them, apart from the parsed sources: a run reads the headers of new or
/// changed images only. Reading a header needs libvips, which is opened
/// only then: a run whose images are all known does not load it (about a
/// hundred libraries, a quarter of a second and 20 MB of memory).
///
/// Written by `tandem build` only, under a temporary name then renamed. Keyed
/// to the Tandem executable; a header does not depend on the site's settings.
struct ImageHeaderStore: Sendable {
    static let fileName = ".tandem-cache/image-headers"
    /// Bumped when what is stored changes meaning.
    static let formatVersion = 1

    /// What reading one image's header found: nil info for an image published
    /// as it is (animated), diagnostics for one that cannot be read.
    struct Record: Sendable {
        var stamp: FileStamp
        var info: ImageInfo?
        var diagnostics: [Diagnostic]
    }

    let path: String
    let key: String

    init(root: URL) {
        path = root.appendingPathComponent(ImageHeaderStore.fileName).path
        key = "v\(ImageHeaderStore.formatVersion) \(CacheKey.executable)"
    }

    /// The records the last build wrote, by path inside `content/`; none if the file is missing, damaged or another Tandem's.
    func load() -> [String: Record] {
        let stored = KeyedFile<[StoredHeader]>.read(path, key: key) ?? []
        return Dictionary(stored.map { ($0.path, $0.record) }, uniquingKeysWith: { first, _ in first })
    }

    func save(_ records: [String: Record]) {
        guard (try? SystemFiles.makeFolders(SystemFiles.parentFolder(of: path))) != nil else { return }
        KeyedFile.write(records.sorted { $0.key < $1.key }.map(StoredHeader.init), key: key, to: path)
    }
}

private struct StoredHeader: Codable {
    var path: String
    var stamp: FileStamp
    var info: ImageInfo?
    var diagnostics: [StoredDiagnostic]

    init(_ item: (key: String, value: ImageHeaderStore.Record)) {
        (path, stamp, info) = (item.key, item.value.stamp, item.value.info)
        diagnostics = item.value.diagnostics.map(StoredDiagnostic.init)
    }

    var record: ImageHeaderStore.Record {
        ImageHeaderStore.Record(stamp: stamp, info: info, diagnostics: diagnostics.map(\.diagnostic))
    }
}
