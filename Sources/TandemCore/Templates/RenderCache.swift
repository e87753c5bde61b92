import Foundation

/// What the preview remembers between two renders of a site, so that a rebuild
/// renders again only the files whose inputs changed:
///
/// - for each output file, the fingerprint of the context it was rendered
///   from (and the notice check's outcome): a file whose new context has the
///   same fingerprint is identical and is neither rendered nor written;
/// - for each page, its rendered Markdown with the link lookups it made: the
///   HTML is reused while the body is the same and every lookup still gives
///   the same answer.
///
/// Fingerprints describe the files of the last accepted build; a rebuild's
/// own are pending until `commit` (the rebuild's files were taken) or
/// `rollback` (they were not). Safe to use from the render stage's threads.
public final class RenderCache: @unchecked Sendable {
    struct Rendered {
        var fingerprint: ContextFingerprint
        var diagnostics: [Diagnostic]
        var insertedNotice: Bool
    }

    private struct MarkdownMemo {
        var body: String
        var bodyFirstLine: Int
        var contentPath: String
        var rawHTML: Bool
        var lookups: [(contentPath: String, target: LinkTarget)]
        /// Set when a "did you mean" hint looked at every known path.
        var knownPaths: Int?
        var result: RenderedMarkdown
    }

    private let lock = NSLock()
    private var committed: [String: Rendered] = [:]
    private var pending: [String: Rendered] = [:]
    private var markdown: [String: MarkdownMemo] = [:]
    private var knownPathsDigest: Int?
    private var digests: TemplateDigests?
    /// Files rendered and Markdown bodies converted since `resetCounts`.
    private(set) var renderedFiles = 0
    private(set) var convertedBodies = 0

    public init() {}

    /// The outcome of the last accepted render of `outputPath` if it was
    /// rendered from a context with this fingerprint.
    func reusable(_ outputPath: String, _ fingerprint: ContextFingerprint) -> Rendered? {
        lock.withLock {
            guard let rendered = committed[outputPath], rendered.fingerprint == fingerprint else { return nil }
            return rendered
        }
    }

    func record(_ outputPath: String, _ rendered: Rendered) {
        lock.withLock {
            pending[outputPath] = rendered
            renderedFiles += 1
        }
    }

    /// The files of the last render were taken: their fingerprints now describe
    /// what is served. Files that are not in `outputPaths` are forgotten.
    public func commit(outputPaths: Set<String>) {
        lock.withLock {
            committed.merge(pending) { _, new in new }
            pending = [:]
            committed = committed.filter { outputPaths.contains($0.key) }
        }
    }

    /// The files of the last render were not taken.
    public func rollback() {
        lock.withLock { pending = [:] }
    }

    /// Forgets everything (after a change of `tandem.yaml`).
    public func clear() {
        lock.withLock {
            committed = [:]
            pending = [:]
            markdown = [:]
        }
    }

    /// How many files were rendered and bodies converted since the last call.
    public func takeCounts() -> (files: Int, bodies: Int) {
        lock.withLock {
            defer { renderedFiles = 0; convertedBodies = 0 }
            return (renderedFiles, convertedBodies)
        }
    }

    /// The rendered Markdown of `page`: remembered if still valid, else made by `render`
    /// with a resolver that records the lookups.
    func markdown(of page: Page, graph: SiteGraph, render: (any LinkResolving) -> RenderedMarkdown) -> RenderedMarkdown {
        let source = page.source
        let rawHTML = graph.config.rawHTML
        if let memo = lock.withLock({ markdown[source.path] }),
           memo.body == source.body, memo.bodyFirstLine == source.bodyFirstLine,
           memo.contentPath == source.contentPath, memo.rawHTML == rawHTML,
           memo.lookups.allSatisfy({ graph.target(ofContentPath: $0.contentPath) == $0.target }),
           memo.knownPaths == nil || memo.knownPaths == knownPaths(of: graph) {
            return memo.result
        }
        let recorder = RecordingResolver(graph: graph)
        let result = render(recorder)
        let memo = MarkdownMemo(body: source.body, bodyFirstLine: source.bodyFirstLine, contentPath: source.contentPath,
                                rawHTML: rawHTML, lookups: recorder.lookups,
                                knownPaths: recorder.usedKnownPaths ? knownPaths(of: graph) : nil, result: result)
        lock.withLock {
            markdown[source.path] = memo
            convertedBodies += 1
        }
        return result
    }

    /// Drops the Markdown of pages that are gone.
    func keepMarkdown(ofPaths paths: Set<String>) {
        lock.withLock { markdown = markdown.filter { paths.contains($0.key) } }
    }

    /// Called before rendering a new graph with `templates`.
    func begin(_ templates: TemplateSet) {
        lock.withLock {
            knownPathsDigest = nil
            digests = TemplateDigests(templates)
        }
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

    /// A digest of the set of known content paths (for hints), computed once per render.
    private func knownPaths(of graph: SiteGraph) -> Int {
        lock.withLock {
            if let digest = knownPathsDigest { return digest }
            var hasher = Hasher()
            hasher.combine(graph.knownContentPaths.sorted())
            let digest = hasher.finalize()
            knownPathsDigest = digest
            return digest
        }
    }
}

/// Answers link lookups from the graph and remembers them, so a page's
/// Markdown can be reused while every answer stays the same.
private final class RecordingResolver: LinkResolving, @unchecked Sendable {
    let graph: SiteGraph
    private(set) var lookups: [(contentPath: String, target: LinkTarget)] = []
    private(set) var usedKnownPaths = false

    init(graph: SiteGraph) { self.graph = graph }

    func target(ofContentPath contentPath: String) -> LinkTarget {
        let target = graph.target(ofContentPath: contentPath)
        lookups.append((contentPath, target))
        return target
    }

    var knownContentPaths: [String] {
        usedKnownPaths = true
        return graph.knownContentPaths
    }
}
