import Foundation

/// The pipeline of `tandem build`, kept in memory and brought up to date after
/// changes to the site's files: what `tandem serve` runs. A rebuild reads and
/// parses only the files that changed, assembles the site graph again (or,
/// when only the text of pages changed, puts their sources into the last
/// graph: `GraphPatch`), and renders only the files whose inputs changed
/// (`RenderCache`).
///
/// Which files changed is decided by their `lstat` stamps, so a missed or
/// coalesced watcher event cannot leave a stale page; paths the watcher
/// reports are read again in any case. Not for concurrent use: one rebuild at a time.
public final class IncrementalBuilder: @unchecked Sendable {
    public let root: URL
    public var mode: BuildMode
    /// The instant each rebuild is made as of (embargo banners compare with it).
    private let clock: @Sendable () -> Date

    private struct Parsed {
        var stamp: FileStamp
        /// Changes every time the file is read.
        var generation: Int
        var page: SourcePage?
        var diagnostics: [Diagnostic]
        /// `GraphPatch.head` of the file, if it has a page.
        var head: Int?
    }

    private var config = SiteConfig()
    private var configDiagnostics: [Diagnostic] = []
    private var configStamp: FileStamp?
    private var templates: TemplateSet?
    private var templateDiagnostics: [Diagnostic] = []
    private var templateStamps: [String: FileStamp] = [:]
    private var sources: [String: Parsed] = [:]
    private var servedCopies: [String: IncrementalOutput.Copy] = [:]
    /// What the renders of this builder remember (internal for tests).
    let cache = RenderCache()
    private var hasPublished = false
    private var lastGeneration = 0
    private var assembly: GraphPatch.Assembly?

    public init(root: URL, mode: BuildMode, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.root = root
        self.mode = mode
        self.clock = clock
    }

    /// Builds the site again. `changed` holds paths relative to the root
    /// (files or folders) that must be read again even if their stamps look the same.
    public func rebuild(changed: Set<String> = []) -> SiteUpdate {
        let started = Date()
        func isHinted(_ path: String) -> Bool {
            changed.contains(path) || changed.contains { path.hasPrefix($0 + "/") }
        }
        let configChanged = reloadConfigIfNeeded(force: isHinted(ConfigLoader.fileName))
        if configChanged { cache.clear() }
        let templates = reloadTemplatesIfNeeded(force: configChanged || isHinted("templates"))
        let (staticFiles, changes) = rescanContent(reparseAll: configChanged, isHinted: isHinted)

        let pages = sources.keys.sorted().compactMap { sources[$0]!.page }
        var diagnostics = configDiagnostics + templateDiagnostics
        for parsed in sources.values { diagnostics += parsed.diagnostics }
        diagnostics += templates.checkLayoutChoices(pages)
        mode.now = clock()
        if configChanged || changes.contains(where: { $0 == nil }) { assembly = nil }
        if let last = assembly, let patched = GraphPatch.apply(changes.compactMap { $0 }, to: last, now: mode.now) {
            assembly = patched
        } else {
            let (graph, siteDiagnostics) = SiteAssembler.assemble(pages, config: config, mode: mode)
            assembly = GraphPatch.Assembly(graph: graph, diagnostics: siteDiagnostics, madeAt: mode.now)
        }
        let graph = assembly!.graph
        diagnostics += assembly!.diagnostics

        var generations: [String: Int] = [:]
        for (path, parsed) in sources { generations["content/" + path] = parsed.generation }
        cache.generations = generations
        let output = IncrementalOutput(served: servedCopies)
        let rendered = SiteRenderer(graph: graph, templates: templates, output: output, cache: cache).renderAll()
        diagnostics += rendered.diagnostics
        let copied = StaticFiles.copy(staticFiles, root: root, templates: templates, taken: rendered.outputPaths, into: output)
        diagnostics += copied.diagnostics
        diagnostics = Array(Set(diagnostics)).sorted()

        let outputPaths = rendered.outputPaths.union(output.outputPaths)
        let published = !diagnostics.hasErrors || !hasPublished
        if published {
            cache.commit(outputPaths: outputPaths)
            servedCopies = output.copies
            hasPublished = true
        } else {
            cache.rollback()
        }
        cache.markdown.keep(paths: Set(pages.map(\.path)))
        return SiteUpdate(published: published, written: output.staging.files, outputPaths: outputPaths,
                          diagnostics: diagnostics, graph: graph, seconds: Date().timeIntervalSince(started),
                          parsedFiles: changes.count, renderedFiles: cache.takeRenderedCount())
    }

    /// Reads `tandem.yaml` again if it changed; true if it did (or on the first build).
    private func reloadConfigIfNeeded(force: Bool) -> Bool {
        let stamp = FileStamp(path: root.appendingPathComponent(ConfigLoader.fileName).path)
        guard force || templates == nil || stamp != configStamp else { return false }
        configStamp = stamp
        (config, configDiagnostics) = ConfigLoader.load(root: root)
        return true
    }

    /// The template set, loaded again if any file under `templates/` changed.
    private func reloadTemplatesIfNeeded(force: Bool) -> TemplateSet {
        let folder = root.appendingPathComponent("templates").path
        var stamps: [String: FileStamp] = [:]
        for path in FileTree.regularFiles(under: folder) {
            stamps[path] = FileStamp(path: folder + "/" + path)
        }
        if let templates, !force, stamps == templateStamps { return templates }
        templateStamps = stamps
        let (loaded, diagnostics) = TemplateSet.load(root: root, config: config)
        templates = loaded
        templateDiagnostics = diagnostics
        return loaded
    }

    /// Brings the parsed Markdown up to date with `content/`; returns the
    /// files published as they are and the Markdown files read again (nil
    /// for one that is gone).
    private func rescanContent(reparseAll: Bool, isHinted: (String) -> Bool) -> ([String], [GraphPatch.Change?]) {
        let folder = root.appendingPathComponent("content")
        var staticFiles: [String] = []
        var toParse: [(String, FileStamp)] = []
        var present: Set<String> = []
        for path in FileTree.regularFiles(under: folder.path) {
            guard path.hasSuffix(".md") else {
                staticFiles.append(path)
                continue
            }
            guard let stamp = FileStamp(path: folder.path + "/" + path) else { continue }
            present.insert(path)
            if reparseAll || sources[path]?.stamp != stamp || isHinted("content/" + path) {
                toParse.append((path, stamp))
            }
        }
        var changes: [GraphPatch.Change?] = sources.keys.filter { !present.contains($0) }.map { _ in nil }
        sources = sources.filter { present.contains($0.key) }
        let config = self.config, firstGeneration = lastGeneration + 1
        lastGeneration += toParse.count
        let numbered = toParse.enumerated().map { ($0.element.0, $0.element.1, firstGeneration + $0.offset) }
        let parsed = numbered.parallelMap { path, stamp, generation in
            Self.read(path, in: folder, config: config, stamp: stamp, generation: generation)
        }
        for ((path, _), result) in zip(toParse, parsed) {
            let before = sources[path]
            changes.append(GraphPatch.Change(before: before?.page, beforeHead: before?.head, beforeDiagnostics: before?.diagnostics ?? [],
                                             after: result.page, afterHead: result.head, afterDiagnostics: result.diagnostics))
            sources[path] = result
        }
        return (staticFiles, changes)
    }

    /// Reads and parses one Markdown file, as `ContentLoader` does, and digests the text before its body.
    private static func read(_ path: String, in folder: URL, config: SiteConfig, stamp: FileStamp, generation: Int) -> Parsed {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else {
            return Parsed(stamp: stamp, generation: generation, page: nil,
                          diagnostics: [.error(SourceLocation(path: "content/" + path), "cannot read this file")])
        }
        let (page, diagnostics) = ContentLoader.parse(data, contentPath: path, config: config)
        var head: Int?
        if let page, case .success(let text) = SourceText.decode(data, path: page.path) {
            head = GraphPatch.head(of: text, body: page.body)
        }
        return Parsed(stamp: stamp, generation: generation, page: page, diagnostics: diagnostics, head: head)
    }
}
