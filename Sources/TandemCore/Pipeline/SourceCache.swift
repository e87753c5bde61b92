import Foundation

/// The load and parse stages with a memory: `tandem.yaml`, the templates and
/// every file of `content/`, each read again only when its `lstat` stamp
/// changed since the last run (or when the watcher names it). The preview
/// keeps one for its whole life; `tandem build` and `tandem check` use a
/// fresh one. What the Markdown files parsed to in the last build is kept
/// on disk (`SourceStore`): a fresh one starts from it and reads only the
/// files changed since. Not for concurrent use.
final class SourceCache {
    let root: URL
    private(set) var config = SiteConfig()
    private(set) var configDiagnostics: [Diagnostic] = []
    private var configStamp: FileStamp?
    private(set) var templates: TemplateSet?
    private(set) var templateDiagnostics: [Diagnostic] = []
    private var templateStamps: [String: FileStamp] = [:]
    private(set) var linter = ProseLinter(rules: RuleSet(rules: []))
    private var ruleDiagnostics: [Diagnostic] = []
    private var ruleStamps: [String: FileStamp]?

    /// What a Markdown file parsed to; its `lint` is kept until the page or the rules change.
    private typealias Parsed = SourceStore.Entry

    private var parsed: [String: Parsed] = [:]
    /// Whether the first refresh starts from the store on disk.
    private let readsStore: Bool
    /// The store on disk, for the settings of the last refresh (nil before the first, or when not read).
    private var store: SourceStore?
    /// The shards of `store` that hold a file parsed again or gone since the store was read.
    private var touchedShards: Set<Int> = []
    /// What the store held when it was read, for the files the settings had not changed:
    /// the pages of the last build (`BuildState` checks that it was the published one).
    private var stored: [String: SourceStore.Entry] = [:]
    /// What each file of `parsed` with something to report reported (few
    /// files): a run collects these without looking at every file.
    private var reported: [String: [Diagnostic]] = [:]
    /// Files of `content/` published as they are, by path inside `content/`.
    private(set) var staticFiles: [String: FileStamp] = [:]
    /// The raster images among `staticFiles`: header and digest, read again when the stamp changes.
    private var imageRecords: [String: ImageHeaderStore.Record] = [:]
    /// Whether `imageRecords` changed since they were read from or written to `ImageHeaderStore`.
    private var imagesTouched = false
    /// `staticFiles` when the images were last looked at: a text edit leaves both as they are.
    private var imagesReadFor: [String: FileStamp]?
    /// The raster images of `content/` that the build processes, by path inside `content/`.
    private(set) var images: [String: ImageInfo] = [:]
    /// Folders of `content/` that could not be listed.
    private var listingDiagnostics: [Diagnostic] = []

    /// What a refresh found.
    struct Refresh {
        /// Markdown files read and parsed again.
        var parsedFiles = 0
        /// Raster images whose headers were read again (a new or changed file).
        var imagesRead = 0
        var configChanged = false
        var templatesChanged = false
        /// Markdown files added or removed, or files of `content/` published as they are added or removed.
        var filesCameOrWent = false
        /// Each Markdown file read again that had been read before: its page
        /// before and after (nil if it has none). Files read for the first
        /// time are not listed; they set `filesCameOrWent`.
        var pageChanges: [(before: SourcePage?, after: SourcePage?)] = []

        /// This refresh as edits of pages only, for a build to patch the site
        /// of the last published build, whose settings (configuration,
        /// templates, rules) and Markdown files it has checked are this one's
        /// (`SourceCache.editsOnlyPageTexts`). `filesCameOrWent`: whether the
        /// files published as they are differ from that build's.
        func asEditsOfPages(filesCameOrWent: Bool) -> Refresh {
            var edits = self
            edits.configChanged = false
            edits.templatesChanged = false
            edits.filesCameOrWent = filesCameOrWent
            return edits
        }
    }

    /// `readsStore`: start from what the last build parsed (`SourceStore`).
    init(root: URL, readsStore: Bool = false) {
        self.root = root
        self.readsStore = readsStore
    }

    /// Brings everything up to date with the site's folder. `hinted` holds
    /// paths relative to the root (files or folders) to read again even if
    /// their stamps look the same.
    func refresh(hinted: Set<String> = []) -> Refresh {
        func isHinted(_ path: String) -> Bool {
            hinted.contains(path) || hinted.contains { path.hasPrefix($0 + "/") }
        }
        var refresh = Refresh()
        let configStamp = FileStamp(path: root.appendingPathComponent(ConfigLoader.fileName).path)
        if templates == nil || configStamp != self.configStamp || isHinted(ConfigLoader.fileName) {
            self.configStamp = configStamp
            (config, configDiagnostics) = ConfigLoader.load(root: root)
            refresh.configChanged = true
        }
        let templateFolder = root.appendingPathComponent("templates").path
        var stamps: [String: FileStamp] = [:]
        for path in FileTree.regularFiles(under: templateFolder) {
            stamps[path] = FileStamp(path: templateFolder + "/" + path)
        }
        // The templates load on another core while the content is read: parsing does not read them.
        var loadingTemplates: Background<(TemplateSet, [Diagnostic])>?
        if templates == nil || refresh.configChanged || stamps != templateStamps || isHinted("templates") {
            templateStamps = stamps
            let (root, config) = (root, config)
            loadingTemplates = Background { TemplateSet.load(root: root, config: config) }
            refresh.templatesChanged = true
        }
        defer {
            if let loadingTemplates { (templates, templateDiagnostics) = loadingTemplates.value }
        }
        let rulesChanged = reloadRules(configChanged: refresh.configChanged, isHinted: isHinted)
        var reparseAll = refresh.configChanged
        if readsStore && (store == nil || refresh.configChanged || rulesChanged) {
            reparseAll = openStore() && reparseAll
        }
        // New rules check every page again, read again from its file: a page
        // keeps its body only as HTML once its prose is checked.
        if rulesChanged && !refresh.configChanged { reparseAll = true }
        // A first refresh (the configuration is then read) lists all of `content/`, even when the store has it all.
        if !refresh.configChanged, !reparseAll, !hinted.isEmpty, let files = contentFiles(hinted) {
            rereadContent(files, into: &refresh)
        } else {
            rescanContent(reparseAll: reparseAll, isHinted: isHinted, into: &refresh)
        }
        refresh.imagesRead = readImages()
        return refresh
    }

    /// What this cache parsed and the store lacks, taken now: the returned
    /// writing (a build runs it as it starts) can run on another thread while
    /// the cache goes on.
    func storeWriting() -> @Sendable () -> Void {
        let (store, parsed, touched, root) = (self.store, self.parsed, touchedShards, self.root)
        let images = imagesTouched ? imageRecords : nil
        touchedShards = []
        imagesTouched = false
        return {
            store?.save(parsed, touched: touched)
            if let images { ImageHeaderStore(root: root).save(images) }
        }
    }

    /// The stamps of the settings that parsing and rendering read: `tandem.yaml`, the templates and the content rules.
    var settings: String { settings(withTemplates: true) }

    /// The stamps of the settings a parse reads (`tandem.yaml`, `lint/`) and, `withTemplates`, of the templates.
    private func settings(withTemplates: Bool) -> String {
        var text = "config=" + (configStamp?.text ?? "none")
        let templates = withTemplates ? templateStamps : [:]
        for (path, stamp) in templates.sorted(by: { $0.key < $1.key }) { text += " templates/\(path)=\(stamp.text)" }
        for (path, stamp) in (ruleStamps ?? [:]).sorted(by: { $0.key < $1.key }) { text += " lint/\(path)=\(stamp.text)" }
        return text
    }

    /// The stamp of each Markdown file read, by path inside `content/`.
    var sourceStamps: [String: FileStamp] { parsed.mapValues(\.stamp) }

    /// Opens the store for the settings just loaded. The first time, starts
    /// from what it holds and returns false: its entries were parsed with
    /// these settings (else it holds none). Later (the settings changed),
    /// every shard is to be written again, and returns true.
    private func openStore() -> Bool {
        let isFirst = store == nil
        let store = SourceStore(root: root, settings: settings(withTemplates: false))
        self.store = store
        guard isFirst else {
            touchedShards = Set(0 ..< SourceStore.shardCount)
            return true
        }
        stored = store.load()
        // The store opens at the first refresh, before anything is parsed: its entries are taken whole.
        parsed = stored
        reported = stored.compactMapValues(Self.reports)
        touchedShards = []
        return false
    }

    /// Loads the content rules again when `lint/` or the configuration changed.
    private func reloadRules(configChanged: Bool, isHinted: (String) -> Bool) -> Bool {
        let folder = root.appendingPathComponent("lint").path
        var stamps: [String: FileStamp] = [:]
        for path in FileTree.regularFiles(under: folder) {
            stamps[path] = FileStamp(path: folder + "/" + path)
        }
        guard configChanged || stamps != ruleStamps || isHinted("lint") else { return false }
        ruleStamps = stamps
        let (rules, diagnostics) = RuleSet.load(root: root, config: config)
        (linter, ruleDiagnostics) = (ProseLinter(rules: rules), diagnostics)
        return true
    }

    /// The hinted paths inside `content/` when every hint is a file the
    /// cache knows or a regular file now (the watcher reports a new or
    /// removed folder as the folder): then only those need a look. Nil
    /// when `content/` must be listed again.
    private func contentFiles(_ hinted: Set<String>) -> [String]? {
        var files: [String] = []
        for path in hinted {
            if path == ConfigLoader.fileName || path.hasPrefix("templates/") || path.hasPrefix("lint/") || path == "lint" { continue }
            guard path.hasPrefix("content/") else { return nil }
            let contentPath = String(path.dropFirst("content/".count))
            let isKnown = parsed[contentPath] != nil || staticFiles[contentPath] != nil
            let fullPath = root.appendingPathComponent(path).path
            if !isKnown && FileStamp(path: fullPath) == nil {
                // A new folder (or anything but a file) means listing content/ again.
                guard !FileManager.default.fileExists(atPath: fullPath) else { return nil }
                // Gone before we looked (an editor's temporary file), unless it was a folder of known files.
                let folder = contentPath + "/"
                if parsed.keys.contains(where: { $0.hasPrefix(folder) }) || staticFiles.keys.contains(where: { $0.hasPrefix(folder) }) {
                    return nil
                }
                continue
            }
            let name = contentPath.split(separator: "/").last ?? ""
            guard !name.hasPrefix("."), !contentPath.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            files.append(contentPath)
        }
        return files
    }

    /// Looks again at the named files of `content/` only.
    private func rereadContent(_ contentPaths: [String], into refresh: inout Refresh) {
        let folderPath = root.appendingPathComponent("content").path
        var toParse: [(String, FileStamp)] = []
        for path in contentPaths {
            let stamp = FileStamp(path: folderPath + "/" + path)
            guard path.hasSuffix(".md") else {
                if (staticFiles[path] == nil) != (stamp == nil) { refresh.filesCameOrWent = true }
                staticFiles[path] = stamp
                continue
            }
            guard let stamp else {
                if let gone = parsed[path] {
                    keep(nil, at: path)
                    refresh.filesCameOrWent = true
                    refresh.pageChanges.append((gone.page, nil))
                }
                continue
            }
            if parsed[path] == nil { refresh.filesCameOrWent = true }
            toParse.append((path, stamp))
        }
        parse(toParse, inFolder: folderPath, into: &refresh)
    }

    /// Reads the header and digest of each raster image that is new or changed, in parallel; returns how many.
    private func readImages() -> Int {
        guard staticFiles != imagesReadFor else { return 0 }
        // The first time, from what the last build read (`ImageHeaderStore`).
        if readsStore && imagesReadFor == nil { imageRecords = ImageHeaderStore(root: root).load() }
        imagesReadFor = staticFiles
        let folder = root.appendingPathComponent("content").path
        let current = staticFiles.filter { ImageFormat(fileName: $0.key) != nil }
        let toRead = current.filter { imageRecords[$0.key]?.stamp != $0.value }.map { ($0.key, $0.value) }
        let read = toRead.parallelMap { path, stamp in
            do {
                return ImageHeaderStore.Record(stamp: stamp, info: try ImageInfo.read(folder + "/" + path), diagnostics: [])
            } catch {
                return ImageHeaderStore.Record(stamp: stamp, info: nil, diagnostics: [
                    Diagnostic.error(SourceLocation(path: "content/" + path), "this image cannot be read: \(error)",
                                     hint: "open it in an image editor and save it again as JPEG, PNG or WebP")])
            }
        }
        let kept = imageRecords.filter { current[$0.key] != nil }
        imagesTouched = imagesTouched || !toRead.isEmpty || kept.count != imageRecords.count
        imageRecords = kept
        for ((path, _), record) in zip(toRead, read) { imageRecords[path] = record }
        images = imageRecords.compactMapValues(\.info)
        return toRead.count
    }

    /// Every page read, in content-path order.
    var pages: [SourcePage] { Self.pages(of: parsed) }

    /// Whether the Markdown files are those the store held, each read again
    /// only after an edit of its text (`Assembly.isTextEdit`).
    func editsOnlyPageTexts(_ refresh: Refresh) -> Bool {
        parsed.count == stored.count && parsed.keys.allSatisfy { stored.index(forKey: $0) != nil }
            && refresh.pageChanges.allSatisfy { change in
                guard let before = change.before, let after = change.after else { return false }
                return Assembly.isTextEdit(from: before, to: after)
            }
    }

    /// Whether the store held exactly the Markdown files `stamps` names, each with its stamp there.
    func storeHolds(_ stamps: [String: FileStamp]) -> Bool {
        stored.count == stamps.count && stamps.allSatisfy { Self.stamp(of: $0.key, in: stored) == $0.value }
    }

    /// The stamp of `path` in `entries`, through the dictionary's values: a
    /// look-up by key would copy the entry whole.
    private static func stamp(of path: String, in entries: [String: Parsed]) -> FileStamp? {
        entries.index(forKey: path).map { entries.values[$0].stamp }
    }

    /// The pages of the last build, as the store held them, in content-path order.
    var storedPages: [SourcePage] { Self.pages(of: stored) }

    private static func pages(of entries: [String: Parsed]) -> [SourcePage] {
        // Through the dictionary's values: a look-up by key would copy each entry whole.
        entries.keys.sorted().compactMap { entries.values[entries.index(forKey: $0)!].page }
    }

    /// What loading reported: the configuration, the templates and each file.
    var diagnostics: [Diagnostic] {
        configDiagnostics + templateDiagnostics + ruleDiagnostics + listingDiagnostics
            + imageRecords.values.flatMap(\.diagnostics) + reported.values.joined()
    }

    /// Stamps of the files the site copies as they are, by path from the root.
    var fileStamps: [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for (path, stamp) in staticFiles { stamps["content/" + path] = stamp }
        for (path, stamp) in templateStamps where path.hasPrefix("assets/") { stamps["templates/" + path] = stamp }
        return stamps
    }

    /// Lists `content/` and reads the Markdown files whose stamps changed.
    private func rescanContent(reparseAll: Bool, isHinted: (String) -> Bool, into refresh: inout Refresh) {
        let folderPath = root.appendingPathComponent("content").path
        var toParse: [(String, FileStamp)] = []
        var present: Set<String> = []
        var statics: [String: FileStamp] = [:]
        let listing = FileTree.listing(under: folderPath)
        listingDiagnostics = listing.diagnostics(in: "content")
        present.reserveCapacity(listing.files.count)
        // The stamps on both cores: each is a system call.
        let stamps = listing.files.parallelMap { FileStamp(path: folderPath + "/" + $0) }
        for (path, stamp) in zip(listing.files, stamps) {
            guard let stamp else { continue }
            guard path.hasSuffix(".md") else {
                statics[path] = stamp
                continue
            }
            present.insert(path)
            if reparseAll || Self.stamp(of: path, in: parsed) != stamp || isHinted("content/" + path) {
                toParse.append((path, stamp))
            }
        }
        if Set(statics.keys) != Set(staticFiles.keys) { refresh.filesCameOrWent = true }
        staticFiles = statics
        // The paths of the files gone, found without a copy of what the others parsed to.
        for path in parsed.keys where !present.contains(path) {
            refresh.filesCameOrWent = true
            refresh.pageChanges.append((parsed[path]!.page, nil))
            keep(nil, at: path)
        }
        if toParse.contains(where: { parsed[$0.0] == nil }) { refresh.filesCameOrWent = true }
        parse(toParse, inFolder: folderPath, into: &refresh)
    }

    /// Reads and parses Markdown files of the folder at `folderPath`, in parallel.
    private func parse(_ files: [(String, FileStamp)], inFolder folderPath: String, into refresh: inout Refresh) {
        let (config, linter) = (self.config, self.linter)
        let renderer = MarkdownRenderer(options: MarkdownOptions(rawHTML: config.rawHTML))
        var results = files.parallelMap { path, stamp in
            let (read, diagnostics) = ContentLoader.read(path, inFolder: folderPath, config: config)
            guard var page = read else { return Parsed(stamp: stamp, page: nil, diagnostics: diagnostics, lint: []) }
            // One parse of the body: its prose for the checks, its HTML for the render stage.
            let (prose, prepared) = ProseExtractor.extract(page, preparing: renderer)
            page.anchors = prose.anchors
            if let prepared { page.body = .prepared(prepared) }
            return Parsed(stamp: stamp, page: page, diagnostics: diagnostics, lint: linter.check(page, prose: prose))
        }
        // On one core while the other waits: the tables are made as large as
        // they will be, and each result is moved into its table, not copied.
        parsed.reserveCapacity(parsed.count + files.count)
        reported.reserveCapacity(reported.count + files.count)
        for index in files.indices {
            let path = files[index].0
            let result = Self.take(&results[index])
            // A file read for the first time makes `filesCameOrWent`, and a patch
            // is then not tried: only files read before are changes to note
            // (a first build notes none, instead of a copy of every page).
            if let before = parsed[path] { refresh.pageChanges.append((before.page, result.page)) }
            keep(result, at: path)
        }
        refresh.parsedFiles += files.count
    }

    /// The entry at `slot`, moved out (an empty entry left in its place).
    private static func take(_ slot: inout Parsed) -> Parsed {
        var entry = Parsed(stamp: slot.stamp, page: nil, diagnostics: [], lint: [])
        swap(&entry, &slot)
        return entry
    }

    /// Sets what a file of `content/` parsed to (nil: the file is gone), with what it reports.
    private func keep(_ entry: consuming Parsed?, at path: String) {
        reported[path] = entry.flatMap(Self.reports)
        if readsStore { touchedShards.insert(SourceStore.shard(of: path)) }
        parsed[path] = entry
    }

    /// What a parsed file reports (nil: nothing): its diagnostics, then its content checks'.
    private static func reports(_ entry: Parsed) -> [Diagnostic]? {
        let found = entry.diagnostics + entry.lint
        return found.isEmpty ? nil : found
    }
}
