import Foundation

/// Rendered Markdown of each page, kept between renders of the preview with
/// the link lookups it made: a page's HTML is reused while its body is the
/// same and every lookup still gives the same answer. Safe to use from the
/// render stage's threads.
final class MarkdownCache: @unchecked Sendable {
    private struct Memo {
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
    private var memos: [String: Memo] = [:]
    private var knownPathsDigest: Int?

    /// Called before rendering a new graph.
    func begin() {
        lock.withLock { knownPathsDigest = nil }
    }

    /// The rendered Markdown of `page`: remembered if still valid, else made by
    /// `render` with a resolver that records the lookups.
    func markdown(of page: Page, graph: SiteGraph, render: (any LinkResolving) -> RenderedMarkdown) -> RenderedMarkdown {
        let source = page.source
        let rawHTML = graph.config.rawHTML
        if let memo = lock.withLock({ memos[source.path] }),
           memo.body == source.body, memo.bodyFirstLine == source.bodyFirstLine,
           memo.contentPath == source.contentPath, memo.rawHTML == rawHTML,
           memo.lookups.allSatisfy({ graph.target(ofContentPath: $0.contentPath) == $0.target }),
           memo.knownPaths == nil || memo.knownPaths == knownPaths(of: graph) {
            return memo.result
        }
        let recorder = RecordingResolver(graph: graph)
        let result = render(recorder)
        let memo = Memo(body: source.body, bodyFirstLine: source.bodyFirstLine, contentPath: source.contentPath,
                        rawHTML: rawHTML, lookups: recorder.lookups,
                        knownPaths: recorder.usedKnownPaths ? knownPaths(of: graph) : nil, result: result)
        lock.withLock { memos[source.path] = memo }
        return result
    }

    /// Drops the Markdown of pages that are gone.
    func keep(paths: Set<String>) {
        lock.withLock { memos = memos.filter { paths.contains($0.key) } }
    }

    func clear() {
        lock.withLock { memos = [:] }
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

/// Answers link lookups from the graph and remembers them.
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
