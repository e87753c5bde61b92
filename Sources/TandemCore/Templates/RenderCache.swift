import Foundation

/// What the preview remembers between two renders of a site, so that a
/// rebuild renders again only the files whose inputs changed. For each
/// output file it keeps:
///
/// - the digest of its dependencies (`RenderDependencies`): a file whose
///   dependencies are as they were is kept without making its context;
/// - the fingerprint of the context it was rendered from: a file whose new
///   context has the same fingerprint is identical, and is neither rendered
///   nor written;
/// - its diagnostics, reported again when the file is kept.
///
/// These describe the files of the last accepted build; a rebuild's own are
/// pending until `commit` (the rebuild's files were taken) or `rollback`
/// (they were not). Safe to use from the render stage's threads.
final class RenderCache: @unchecked Sendable {
    struct Rendered {
        var fingerprint: ContextFingerprint
        var dependencies: Int?
        /// Everything the file's render reported (Markdown and notice check).
        var diagnostics: [Diagnostic]
        /// What the notice check reported.
        var noticeDiagnostics: [Diagnostic]
        /// The layout whose missing notice was inserted, if any.
        var insertedNoticeFor: String?
    }

    private let lock = NSLock()
    private var committed: [String: Rendered] = [:]
    private var pending: [String: Rendered] = [:]
    private var digests: TemplateDigests?
    private var dependencies: RenderDependencies?
    private var renderedFiles = 0
    let markdown = MarkdownCache()
    /// For each source path (`content/...`), a number that changes whenever
    /// the file is read again; set before each render.
    var generations: [String: Int] = [:]

    /// Check every file kept for its dependencies against its context
    /// fingerprint, and list in `staleSkips` those that would have been stale
    /// (for tests; it costs what the dependencies save).
    var verifiesSkips = false
    /// Files that were kept by their dependencies although their context changed.
    private(set) var staleSkips: [String] = []

    init() {}

    /// Called before rendering `graph` with `templates`.
    func begin(_ templates: TemplateSet, graph: SiteGraph) {
        let digests = TemplateDigests(templates)
        var hasher = Hasher()
        hasher.combine(digests.all)
        for language in graph.config.languages { hasher.combine(digests.language(language)) }
        let dependencies = RenderDependencies(graph: graph, templates: hasher.finalize(), generations: generations)
        lock.withLock {
            self.digests = digests
            self.dependencies = dependencies
        }
        markdown.begin()
    }

    /// The result of the file of `entry`: kept from the last accepted render if
    /// its dependencies are as they were then, else made by `render`.
    func result(for entry: RenderPlan.Entry, render: () -> SiteRenderer.JobResult) -> SiteRenderer.JobResult {
        let outputPath = entry.outputPath
        guard let dependencies = lock.withLock({ self.dependencies })?.digest(of: entry) else { return render() }
        let kept = lock.withLock { committed[outputPath].flatMap { $0.dependencies == dependencies ? $0 : nil } }
        if let kept, !verifiesSkips {
            return SiteRenderer.JobResult(outputPath: outputPath, diagnostics: kept.diagnostics, insertedNoticeFor: kept.insertedNoticeFor)
        }
        let result = render()
        lock.withLock {
            if let kept, pending[outputPath]?.fingerprint != kept.fingerprint { staleSkips.append(outputPath) }
            pending[outputPath]?.dependencies = dependencies
        }
        return result
    }

    /// The data files to write (made anew) and the paths of those kept from
    /// the last accepted render because their dependencies are as they were.
    func dataFiles(_ data: SiteDataFiles) -> (files: [(String, String)], kept: [String]) {
        guard let dependencies = lock.withLock({ self.dependencies }) else { return (data.files(), []) }
        var files: [(String, String)] = [], kept: [String] = []
        for job in data.jobs() {
            let digest = dependencies.digest(of: job)
            let previous = lock.withLock { committed[job.path].flatMap { $0.dependencies == digest ? $0 : nil } }
            if previous != nil && !verifiesSkips {
                kept.append(job.path)
                continue
            }
            let text = job.make()
            let fingerprint = ContextFingerprint(["text": text], extra: [])
            lock.withLock {
                if let previous, previous.fingerprint != fingerprint { staleSkips.append(job.path) }
                pending[job.path] = Rendered(fingerprint: fingerprint, dependencies: digest, diagnostics: [],
                                             noticeDiagnostics: [], insertedNoticeFor: nil)
            }
            files.append((job.path, text))
        }
        return (files, kept)
    }

    /// The fingerprint of a file rendered from `context` with `layout`: the
    /// context, the templates the layout reaches, the strings of the context's
    /// language, and what the notice check reads.
    func fingerprint(_ context: [String: Any], layout: String, pagePath: String, isJoint: Bool) -> ContextFingerprint {
        let digests = lock.withLock { self.digests! }
        let language = context["lang"] as? String ?? ""
        return ContextFingerprint(context, extra: [layout, pagePath, String(isJoint), language,
                                                   String(digests.layout(layout)), String(digests.language(language))])
    }

    /// The result of a file whose context has the fingerprint it had at its last
    /// accepted render, with `extra` (the Markdown's diagnostics) made anew; nil if it changed.
    func reuse(_ outputPath: String, _ fingerprint: ContextFingerprint, extra: [Diagnostic]) -> SiteRenderer.JobResult? {
        lock.withLock {
            guard var rendered = committed[outputPath], rendered.fingerprint == fingerprint else { return nil }
            rendered.diagnostics = extra + rendered.noticeDiagnostics
            rendered.dependencies = nil
            pending[outputPath] = rendered
            return SiteRenderer.JobResult(outputPath: outputPath, diagnostics: rendered.diagnostics,
                                          insertedNoticeFor: rendered.insertedNoticeFor)
        }
    }

    /// Records a file rendered anew: its fingerprint, its result, and the notice check's diagnostics.
    func record(_ outputPath: String, _ fingerprint: ContextFingerprint, _ result: SiteRenderer.JobResult,
                noticeDiagnostics: [Diagnostic]) {
        lock.withLock {
            pending[outputPath] = Rendered(fingerprint: fingerprint, dependencies: nil, diagnostics: result.diagnostics,
                                           noticeDiagnostics: noticeDiagnostics, insertedNoticeFor: result.insertedNoticeFor)
            renderedFiles += 1
        }
    }

    /// The files of the last render were taken: their fingerprints now describe
    /// what is served. Files that are not in `outputPaths` are forgotten.
    func commit(outputPaths: Set<String>) {
        lock.withLock {
            committed.merge(pending) { _, new in new }
            pending = [:]
            committed = committed.filter { outputPaths.contains($0.key) }
        }
    }

    /// The files of the last render were not taken.
    func rollback() {
        lock.withLock { pending = [:] }
    }

    /// Forgets everything (after a change of `tandem.yaml`).
    func clear() {
        lock.withLock {
            committed = [:]
            pending = [:]
        }
        markdown.clear()
    }

    /// How many files were rendered anew since the last call.
    func takeRenderedCount() -> Int {
        lock.withLock {
            defer { renderedFiles = 0 }
            return renderedFiles
        }
    }
}
